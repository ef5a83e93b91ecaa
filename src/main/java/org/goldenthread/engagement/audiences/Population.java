package org.goldenthread.engagement.audiences;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Profession;
import org.goldenthread.people.Professions;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Organisation;
import org.goldenthread.structure.Seat;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everyone the ICS in scope can reach: the people on its register with an email address, read
 * through the people and structure modules' public API, and its own contacts outside the register.
 * Built afresh on each use, so segments and reach follow the register as it changes.
 */
@Component
public class Population {

    private final Register register;
    private final Professions professions;
    private final Forums forums;
    private final IcsMap map;
    private final JdbcClient jdbc;
    private final Clock clock;

    Population(Register register, Professions professions, Forums forums, IcsMap map, JdbcClient jdbc, Clock clock) {
        this.register = register;
        this.professions = professions;
        this.forums = forums;
        this.map = map;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The people on the register, with or without an address (an address is needed to invite, not to count). */
    public List<Member> register() {
        return register(Footprint.wholeIcs());
    }

    /**
     * The people on the register whom whoever is signed in may see: a place lead the people of the
     * places they lead, with their seats there; everyone else, and work nobody is signed in for (such
     * as someone registering by an event's link), the whole register.
     */
    public List<Member> inSight() {
        return register(footprint());
    }

    private static Footprint footprint() {
        Caller caller = Scope.current().caller();
        if (caller == null) {
            return Footprint.wholeIcs();
        }
        return Scope.reach(caller, Scope.currentTenant().id(), Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST)
                .orElse(Footprint.places(List.of()));
    }

    /**
     * Everyone in sight with an address, once per address, each address settled as {@link #byEmail()}
     * settles it: the register entry added first stands for it, in sight or not, and a contact only
     * for an address the register does not hold. A later entry in sight that shares an address
     * stands for nothing, so it cannot bring the address into a segment the first one is outside.
     */
    public Map<String, Member> inSightByEmail() {
        Footprint footprint = footprint();
        List<Person> seen = register.people(footprint);
        Map<String, Long> first = new HashMap<>();
        for (Person p : footprint.isWholeIcs() ? seen : register.people()) {
            if (p.email() != null && !p.email().isBlank()) {
                first.merge(key(p.email()), p.id(), Math::min);
            }
        }
        List<Person> standing = seen.stream()
                .filter(p ->
                        p.email() != null && !p.email().isBlank() && Objects.equals(first.get(key(p.email())), p.id()))
                .toList();
        Map<String, Member> byEmail = new LinkedHashMap<>();
        for (Member m : members(standing, footprint)) {
            byEmail.put(key(m.email()), m);
        }
        for (Member m : contacts()) {
            if (!first.containsKey(key(m.email()))) {
                byEmail.putIfAbsent(key(m.email()), m);
            }
        }
        return byEmail;
    }

    private List<Member> register(Footprint footprint) {
        return members(register.people(footprint), footprint);
    }

    /** The register's people as members, in the order given. */
    private List<Member> members(List<Person> people, Footprint footprint) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Seat> seats = forums.seats().stream().collect(Collectors.toMap(Seat::id, Function.identity()));
        Map<Long, Forum> forumsById =
                forums.forums().stream().collect(Collectors.toMap(Forum::id, Function.identity()));
        Map<String, String> placeOfEmployer = new HashMap<>();
        for (Organisation o : map.organisations()) {
            if (o.odsCode() != null && o.place() != null) {
                placeOfEmployer.put(o.odsCode(), o.place());
            }
        }
        Map<Long, List<Appointment>> held = new HashMap<>();
        for (Appointment a : register.appointments(footprint)) {
            if (a.isCurrentOn(today)) {
                held.computeIfAbsent(a.personId(), id -> new ArrayList<>()).add(a);
            }
        }
        List<Member> members = new ArrayList<>();
        for (Person p : people) {
            Set<String> places = new LinkedHashSet<>();
            Set<String> levels = new LinkedHashSet<>();
            Set<String> forumNames = new LinkedHashSet<>();
            Set<String> seatTypes = new LinkedHashSet<>();
            for (Appointment a : held.getOrDefault(p.id(), List.of())) {
                Seat seat = seats.get(a.seatId());
                Forum forum = seat == null ? null : forumsById.get(seat.forumId());
                if (seat == null || forum == null) {
                    continue;
                }
                seatTypes.add(seat.seatType());
                forumNames.add(forum.name());
                levels.add(forum.level());
                if (forum.place() != null) {
                    places.add(forum.place());
                }
            }
            if (p.employerOds() != null && placeOfEmployer.containsKey(p.employerOds())) {
                places.add(placeOfEmployer.get(p.employerOds()));
            }
            members.add(new Member(
                    p.email() == null ? "" : p.email(),
                    p.fullName(),
                    p.profession(),
                    group(p.profession()),
                    p.sector(),
                    p.careerStage(),
                    places,
                    levels,
                    forumNames,
                    seatTypes,
                    true));
        }
        return members;
    }

    /** The ICS's contacts outside the register. */
    public List<Member> contacts() {
        return jdbc.sql("select name, email, profession from engagement_contact order by lower(name), id")
                .query((rs, n) -> new Member(
                        rs.getString("email"),
                        rs.getString("name"),
                        rs.getString("profession"),
                        group(rs.getString("profession")),
                        null,
                        null,
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        Set.of(),
                        false))
                .list();
    }

    /**
     * Everyone with an address, once per address: the register first, then contacts it does not
     * already hold. Where two register entries share an address, the one added first (the lowest
     * id) stands for it, as {@link Register#personByEmail} chooses: in family-name order an entry
     * added later could take the address over and with it who may come to an event and how reach
     * counts them.
     */
    public Map<String, Member> byEmail() {
        Map<String, Member> byEmail = new LinkedHashMap<>();
        List<Person> oldestFirst = register.people().stream()
                .sorted(Comparator.comparingLong(Person::id))
                .toList();
        for (Member m : members(oldestFirst, Footprint.wholeIcs())) {
            if (!m.email().isBlank()) {
                byEmail.putIfAbsent(key(m.email()), m);
            }
        }
        for (Member m : contacts()) {
            byEmail.putIfAbsent(key(m.email()), m);
        }
        return byEmail;
    }

    public static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The group a profession belongs to, or null for a code that names none. */
    public @Nullable String group(@Nullable String profession) {
        return professions.find(profession).map(Profession::professionGroup).orElse(null);
    }

    /** The groups professions fall into, such as nursing and midwifery or allied health professions. */
    public Set<String> professionGroups() {
        return professions.all().stream()
                .map(Profession::professionGroup)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public List<Profession> professions() {
        return professions.all();
    }

    public Optional<Profession> profession(@Nullable String code) {
        return professions.find(code);
    }
}
