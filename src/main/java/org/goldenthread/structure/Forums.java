package org.goldenthread.structure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The forums of the ICS in scope, their lines of sight and their seats. Forums are known by
 * name within an ICS and seats by title within their forum, which is how the register file
 * refers to them.
 */
@Service
public class Forums {

    private static final String FORUMS = """
            select f.id, f.name, f.level, f.kind, f.decision_rights, p.name as place, n.name as neighbourhood,
                   r.name as reports_to, f.reports_to_id,
                   (select count(*) from seat s where s.forum_id = f.id) as seats
              from forum f
              left join place p on p.id = f.place_id
              left join neighbourhood n on n.id = f.neighbourhood_id
              left join forum r on r.id = f.reports_to_id""";

    private static final String SEATS = """
            select s.id, s.forum_id, f.name as forum, s.title, s.seat_type, s.professionally_agnostic,
                   s.expected_hours_per_week, s.created_on
              from seat s join forum f on f.id = s.forum_id""";

    /** A seat as stored in its own table; {@link SeatProfessions#named} adds its professions. */
    private static final org.springframework.jdbc.core.RowMapper<Seat> SEAT_ROW = (rs, n) -> new Seat(
            rs.getLong("id"),
            rs.getLong("forum_id"),
            rs.getString("forum"),
            rs.getString("title"),
            rs.getString("seat_type"),
            rs.getBoolean("professionally_agnostic"),
            rs.getBigDecimal("expected_hours_per_week"),
            rs.getObject("created_on", java.time.LocalDate.class));

    private final JdbcClient jdbc;
    private final Audit audit;
    private final ObjectMapper json;
    private final SeatProfessions professions;

    Forums(JdbcClient jdbc, Audit audit, ObjectMapper json, SeatProfessions professions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
        this.professions = professions;
    }

    public List<Forum> forums() {
        return jdbc.sql(FORUMS + " order by array_position(array['system','place','neighbourhood',"
                        + "'provider_collaborative','clinical_network'], f.level), f.name")
                .query(Forum.class)
                .list();
    }

    public Forum forum(long id) {
        return jdbc.sql(FORUMS + " where f.id = :id")
                .param("id", id)
                .query(Forum.class)
                .optional()
                .orElseThrow(() -> new NotFound("No forum with id " + id + " in this ICS"));
    }

    public List<Seat> seats() {
        return professions.named(
                jdbc.sql(SEATS + " order by f.name, s.title").query(SEAT_ROW).list());
    }

    public List<Seat> seatsOf(long forumId) {
        return professions.named(jdbc.sql(SEATS + " where s.forum_id = :forum order by s.title")
                .param("forum", forumId)
                .query(SEAT_ROW)
                .list());
    }

    public Seat seat(long id) {
        Seat seat = jdbc.sql(SEATS + " where s.id = :id")
                .param("id", id)
                .query(SEAT_ROW)
                .optional()
                .orElseThrow(() -> new NotFound("No seat with id " + id + " in this ICS"));
        return professions.named(List.of(seat)).get(0);
    }

    @Transactional
    public Forum addForum(ForumDetails details) {
        List<Problem> problems = new ArrayList<>(check(List.of(details), List.of()));
        if (details.name() != null && existing().containsKey(details.name().trim())) {
            problems.add(Problem.of(
                    "name",
                    "This ICS already has a forum called " + details.name().trim()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        merge(List.of(details), List.of());
        return forums().stream()
                .filter(f -> f.name().equals(checked(details.name())))
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public Seat addSeat(long forumId, SeatDetails details) {
        Forum forum = forum(forumId);
        SeatDetails onForum = new SeatDetails(
                forum.name(),
                details.title(),
                details.seatType(),
                details.professionallyAgnostic(),
                details.expectedHoursPerWeek(),
                details.openToProfessions() == null ? List.of() : details.openToProfessions(),
                null);
        List<Problem> problems = new ArrayList<>(check(List.of(), List.of(onForum)));
        if (details.title() != null
                && seatsOf(forumId).stream()
                        .anyMatch(s -> s.title().equals(details.title().trim()))) {
            problems.add(Problem.of(
                    "title",
                    forum.name() + " already has a seat called "
                            + details.title().trim()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Map<String, Long> ids = merge(List.of(), List.of(onForum)).seatIds();
        // merge returns the id of every seat described
        return seat(Objects.requireNonNull(ids.get(seatKey(forum.name(), checked(details.title())))));
    }

    /**
     * Changes a seat as described; what the description leaves out (null) stays as it is. A seat
     * keeps its title, by which register files know it.
     */
    @Transactional
    public Seat changeSeat(long id, SeatDetails details) {
        Seat seat = seat(id);
        List<Problem> problems = new ArrayList<>();
        if (details.title() != null && !details.title().trim().equals(seat.title())) {
            problems.add(Problem.of("title", "A seat keeps its title; add a new seat for a different one"));
        }
        boolean naming = details.openToProfessions() != null
                && !SeatProfessions.codes(details.openToProfessions()).isEmpty();
        SeatDetails changed = new SeatDetails(
                seat.forum(),
                seat.title(),
                details.seatType() != null ? details.seatType() : seat.seatType(),
                details.professionallyAgnostic() != null
                        ? details.professionallyAgnostic()
                        : naming ? Boolean.FALSE : Boolean.valueOf(seat.professionallyAgnostic()),
                details.expectedHoursPerWeek(),
                details.openToProfessions(),
                null);
        problems.addAll(check(List.of(), List.of(changed)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        merge(List.of(), List.of(changed));
        return seat(id);
    }

    /** The key {@link #merge} uses for a seat: its forum's name and its title. */
    public static String seatKey(String forum, String title) {
        return forum + "\u0000" + title;
    }

    /**
     * Checks forums and seats described together, as in one register file, against each other and
     * against the ICS as it stands. Each forum name should appear once in {@code forums}; a seat's
     * forum may be one of them or one that exists already. Problems name the API's fields.
     */
    public List<Problem> check(List<ForumDetails> forums, List<SeatDetails> seats) {
        List<Problem> problems = new ArrayList<>();
        Geography geography = geography();
        Map<String, ExistingForum> existing = existing();
        Map<String, String> reportsTo = new HashMap<>();
        existing.values().forEach(f -> reportsTo.put(f.name(), f.reportsTo()));
        Map<String, Integer> rows = new HashMap<>();
        for (ForumDetails f : forums) {
            Integer row = f.row();
            String name = trim(f.name());
            if (name == null) {
                problems.add(new Problem(row, "name", "Enter the name of the forum"));
            } else if (name.length() > 200) {
                problems.add(new Problem(row, "name", "The forum name must be 200 characters or fewer"));
            }
            Level level = Coded.parse(Level.class, f.level()).orElse(null);
            if (level == null) {
                problems.add(new Problem(
                        row,
                        "level",
                        blank(f.level())
                                ? "Enter the level of the forum"
                                : "'" + f.level() + "' is not a level; use " + Coded.choices(Level.class)));
            }
            if (Coded.parse(ForumKind.class, f.kind()).isEmpty()) {
                problems.add(new Problem(
                        row,
                        "kind",
                        blank(f.kind())
                                ? "Enter what kind of forum this is"
                                : "'" + f.kind() + "' is not a kind of forum; use " + Coded.choices(ForumKind.class)));
            }
            if (Coded.parse(DecisionRights.class, f.decisionRights()).isEmpty()) {
                problems.add(new Problem(
                        row,
                        "decision_rights",
                        blank(f.decisionRights())
                                ? "Enter the forum's decision rights"
                                : "'" + f.decisionRights() + "' is not a decision right; use "
                                        + Coded.choices(DecisionRights.class)));
            }
            Long placeId = null;
            if (!blank(f.place())) {
                placeId = geography.places().get(f.place().trim().toLowerCase(Locale.ROOT));
                if (placeId == null) {
                    problems.add(new Problem(
                            row,
                            "place",
                            "This ICS has no place called '" + f.place().trim() + "'; add it to the ICS map first"));
                }
            }
            if (!blank(f.neighbourhood())) {
                Long[] neighbourhood =
                        geography.neighbourhoods().get(f.neighbourhood().trim().toLowerCase(Locale.ROOT));
                if (neighbourhood == null) {
                    problems.add(new Problem(
                            row,
                            "neighbourhood",
                            "This ICS has no neighbourhood called '"
                                    + f.neighbourhood().trim() + "'; add it to the ICS map first"));
                } else if (placeId != null && !placeId.equals(neighbourhood[1])) {
                    problems.add(new Problem(
                            row,
                            "neighbourhood",
                            f.neighbourhood().trim() + " is not in "
                                    // placeId was found from it
                                    + Objects.requireNonNull(f.place()).trim()));
                }
            }
            if (level == Level.SYSTEM && (!blank(f.place()) || !blank(f.neighbourhood()))) {
                problems.add(new Problem(
                        row,
                        blank(f.place()) ? "neighbourhood" : "place",
                        "A system-level forum covers the whole ICS; leave place and neighbourhood blank"));
            }
            if (level == Level.PLACE && blank(f.place())) {
                problems.add(new Problem(row, "place", "Enter the place a place-level forum covers"));
            }
            if (level == Level.NEIGHBOURHOOD && blank(f.neighbourhood())) {
                problems.add(new Problem(
                        row, "neighbourhood", "Enter the neighbourhood a neighbourhood-level forum covers"));
            }
            if (name != null) {
                rows.put(name, row);
                reportsTo.put(name, trim(f.reportsTo()));
            }
        }
        for (ForumDetails f : forums) {
            String target = trim(f.reportsTo());
            String name = trim(f.name());
            if (target == null || name == null) {
                continue;
            }
            if (target.equals(name)) {
                problems.add(new Problem(f.row(), "reports_to", "A forum cannot report to itself"));
            } else if (!reportsTo.containsKey(target)) {
                problems.add(new Problem(
                        f.row(), "reports_to", "There is no forum called '" + target + "' in this ICS to report to"));
            } else {
                List<String> loop = loopFrom(name, reportsTo);
                if (!loop.isEmpty()) {
                    problems.add(new Problem(
                            f.row(),
                            "reports_to",
                            "Reporting lines would go round in a circle: " + String.join(" → ", loop)));
                }
            }
        }
        for (SeatDetails s : seats) {
            Integer row = s.row();
            String title = trim(s.title());
            if (title == null) {
                problems.add(new Problem(row, "title", "Enter the title of the seat"));
            } else if (title.length() > 200) {
                problems.add(new Problem(row, "title", "The seat title must be 200 characters or fewer"));
            }
            if (Coded.parse(SeatType.class, s.seatType()).isEmpty()) {
                problems.add(new Problem(
                        row,
                        "seat_type",
                        blank(s.seatType())
                                ? "Enter the type of seat"
                                : "'" + s.seatType() + "' is not a type of seat; use "
                                        + Coded.choices(SeatType.class)));
            }
            if (s.expectedHoursPerWeek() != null
                    && (s.expectedHoursPerWeek().signum() < 0
                            || s.expectedHoursPerWeek().compareTo(BigDecimal.valueOf(48)) > 0)) {
                problems.add(
                        new Problem(row, "expected_hours_per_week", "Expected hours must be between 0 and 48 a week"));
            }
            if (s.forum() == null
                    || (!rows.containsKey(s.forum().trim())
                            && !existing.containsKey(s.forum().trim()))) {
                problems.add(new Problem(row, "forum", "There is no forum called '" + s.forum() + "' in this ICS"));
            }
            professions.check(s, problems);
        }
        return problems;
    }

    /** The chain from a forum back round to itself, if following reports-to lines from it loops. */
    private static List<String> loopFrom(String start, Map<String, String> reportsTo) {
        List<String> path = new ArrayList<>();
        String at = start;
        while (at != null && !path.contains(at)) {
            path.add(at);
            at = reportsTo.get(at);
        }
        if (start.equals(at)) {
            path.add(start);
            return path;
        }
        return List.of();
    }

    /**
     * Adds or updates the forums and seats described, which {@link #check} has passed, and records
     * each change in the audit log. Only what differs is written, so describing the same thing twice
     * changes nothing. A seat's expected hours are left alone when the description has none.
     *
     * @return the id of every seat described, by {@link #seatKey}, and how many were added or changed
     */
    @Transactional
    public Merged merge(List<ForumDetails> forums, List<SeatDetails> seats) {
        Geography geography = geography();
        Map<String, ExistingForum> existing = existing();
        List<Audit.Change> changes = new ArrayList<>();
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        for (ForumDetails f : forums) {
            String name = checked(f.name());
            Long neighbourhoodId = null;
            Long placeId = blank(f.place())
                    ? null
                    : geography.places().get(f.place().trim().toLowerCase(Locale.ROOT));
            if (!blank(f.neighbourhood())) {
                // check() has refused a neighbourhood this ICS does not have
                Long[] n = Objects.requireNonNull(
                        geography.neighbourhoods().get(f.neighbourhood().trim().toLowerCase(Locale.ROOT)));
                neighbourhoodId = n[0];
                placeId = n[1];
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("level", checked(f.level()));
            row.put("kind", checked(f.kind()));
            row.put("decision_rights", checked(f.decisionRights()));
            row.put("place_id", placeId);
            row.put("neighbourhood_id", neighbourhoodId);
            ExistingForum before = existing.get(name);
            if (before == null) {
                inserts.add(row);
            } else if (!before.sameAs(row)) {
                row.put("id", before.id());
                updates.add(row);
                changes.add(new Audit.Change("forum.updated", "forum", before.id(), before, f));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.sql("""
                            insert into forum (ics_id, name, level, kind, decision_rights, place_id, neighbourhood_id)
                            select :ics, r.name, r.level, r.kind, r.decision_rights, r.place_id, r.neighbourhood_id
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(name text, level text, kind text,
                                   decision_rights text, place_id bigint, neighbourhood_id bigint)""")
                    .param("ics", Scope.currentTenant().id())
                    .param("rows", json.writeValueAsString(inserts))
                    .update();
        }
        if (!updates.isEmpty()) {
            jdbc.sql("""
                            update forum f set level = r.level, kind = r.kind, decision_rights = r.decision_rights,
                                   place_id = r.place_id, neighbourhood_id = r.neighbourhood_id
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(id bigint, level text, kind text,
                                   decision_rights text, place_id bigint, neighbourhood_id bigint)
                             where f.id = r.id""").param("rows", json.writeValueAsString(updates)).update();
        }
        existing = existing();
        for (Map<String, Object> inserted : inserts) {
            changes.add(new Audit.Change(
                    "forum.created",
                    "forum",
                    // just inserted
                    Objects.requireNonNull(existing.get((String) inserted.get("name")))
                            .id(),
                    null,
                    inserted));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (ForumDetails f : forums) {
            ExistingForum forum = Objects.requireNonNull(existing.get(checked(f.name())), "merged above");
            String target = trim(f.reportsTo());
            // check() has refused a forum to report to that neither exists nor is described
            Long targetId = target == null
                    ? null
                    : Objects.requireNonNull(existing.get(target)).id();
            if (!Objects.equals(forum.reportsToId(), targetId)) {
                lines.add(Map.of("id", forum.id(), "reports_to_id", targetId == null ? -1L : targetId));
                changes.add(
                        new Audit.Change("forum.reports_to_changed", "forum", forum.id(), forum.reportsTo(), target));
            }
        }
        if (!lines.isEmpty()) {
            jdbc.sql("""
                            update forum f set reports_to_id = nullif(r.reports_to_id, -1)
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(id bigint, reports_to_id bigint)
                             where f.id = r.id""").param("rows", json.writeValueAsString(lines)).update();
        }
        java.util.Set<Object> created = new java.util.HashSet<>();
        java.util.Set<Object> changed = new java.util.HashSet<>();
        for (Audit.Change c : changes) {
            (c.action().equals("forum.created") ? created : changed).add(c.entityId());
        }
        changed.removeAll(created);
        Map<String, Long> seatIds = mergeSeats(seats, existing, changes);
        audit.recordAll(changes);
        return new Merged(
                seatIds,
                created.size(),
                changed.size(),
                (int) changes.stream()
                        .filter(c -> c.action().equals("seat.created"))
                        .count(),
                (int) changes.stream()
                        .filter(c -> c.action().equals("seat.updated"))
                        .count());
    }

    /** What {@link #merge} did. */
    public record Merged(
            Map<String, Long> seatIds, int forumsAdded, int forumsChanged, int seatsAdded, int seatsChanged) {}

    private Map<String, Long> mergeSeats(
            List<SeatDetails> seats, Map<String, ExistingForum> forums, List<Audit.Change> changes) {
        Map<String, Seat> existing = new HashMap<>();
        seats().forEach(s -> existing.put(seatKey(s.forum(), s.title()), s));
        List<Map<String, Object>> inserts = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        Map<String, List<String>> openToByKey = new HashMap<>();
        for (SeatDetails s : seats) {
            String key = seatKey(checked(s.forum()), checked(s.title()));
            Seat before = existing.get(key);
            boolean agnostic = s.agnostic();
            List<String> openTo = agnostic
                    ? List.of()
                    : s.openToProfessions() != null
                            ? SeatProfessions.codes(s.openToProfessions())
                            : before == null ? List.of() : before.openToProfessions();
            openToByKey.put(key, openTo);
            Map<String, Object> row = new LinkedHashMap<>();
            // check() has refused a seat on a forum that neither exists nor is described
            row.put(
                    "forum_id",
                    Objects.requireNonNull(forums.get(checked(s.forum()))).id());
            row.put("title", checked(s.title()));
            row.put("seat_type", checked(s.seatType()));
            row.put("professionally_agnostic", agnostic);
            BigDecimal hours = s.expectedHoursPerWeek() != null
                    ? s.expectedHoursPerWeek()
                    : before == null ? null : before.expectedHoursPerWeek();
            row.put("expected_hours_per_week", hours);
            if (before == null) {
                inserts.add(row);
            } else if (!before.seatType().equals(row.get("seat_type"))
                    || before.professionallyAgnostic() != agnostic
                    || !sameNumber(before.expectedHoursPerWeek(), hours)
                    || SeatProfessions.differ(before.openToProfessions(), openTo)) {
                row.put("id", before.id());
                updates.add(row);
                changes.add(new Audit.Change("seat.updated", "seat", before.id(), before, s));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.sql("""
                            insert into seat (ics_id, forum_id, title, seat_type, professionally_agnostic,
                                              expected_hours_per_week)
                            select :ics, r.forum_id, r.title, r.seat_type, r.professionally_agnostic,
                                   r.expected_hours_per_week
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(forum_id bigint, title text,
                                   seat_type text, professionally_agnostic boolean, expected_hours_per_week numeric)""")
                    .param("ics", Scope.currentTenant().id())
                    .param("rows", json.writeValueAsString(inserts))
                    .update();
        }
        if (!updates.isEmpty()) {
            jdbc.sql("""
                            update seat s set seat_type = r.seat_type, professionally_agnostic = r.professionally_agnostic,
                                   expected_hours_per_week = r.expected_hours_per_week
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(id bigint, seat_type text,
                                   professionally_agnostic boolean, expected_hours_per_week numeric)
                             where s.id = r.id""").param("rows", json.writeValueAsString(updates)).update();
        }
        Map<String, Long> ids = new HashMap<>();
        Map<Long, List<String>> openTo = new HashMap<>();
        List<Seat> after = seats();
        for (Seat s : after) {
            String key = seatKey(s.forum(), s.title());
            ids.put(key, s.id());
            List<String> wanted = openToByKey.get(key);
            if (wanted != null && SeatProfessions.differ(s.openToProfessions(), wanted)) {
                openTo.put(s.id(), wanted);
            }
        }
        if (!openTo.isEmpty()) {
            professions.replace(openTo);
            after = seats();
        }
        for (Seat s : after) {
            if (!existing.containsKey(seatKey(s.forum(), s.title()))) {
                changes.add(new Audit.Change("seat.created", "seat", s.id(), null, s));
            }
        }
        return ids;
    }

    private static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** A forum as stored, for comparing with a description of it. */
    record ExistingForum(
            long id,
            String name,
            String level,
            String kind,
            String decisionRights,
            Long placeId,
            Long neighbourhoodId,
            Long reportsToId,
            String reportsTo) {

        boolean sameAs(Map<String, Object> row) {
            return level.equals(row.get("level"))
                    && kind.equals(row.get("kind"))
                    && decisionRights.equals(row.get("decision_rights"))
                    && Objects.equals(placeId, row.get("place_id"))
                    && Objects.equals(neighbourhoodId, row.get("neighbourhood_id"));
        }
    }

    private Map<String, ExistingForum> existing() {
        Map<String, ExistingForum> forums = new HashMap<>();
        jdbc.sql("""
                        select f.id, f.name, f.level, f.kind, f.decision_rights, f.place_id, f.neighbourhood_id,
                               f.reports_to_id, r.name as reports_to
                          from forum f left join forum r on r.id = f.reports_to_id""").query(ExistingForum.class).list().forEach(f -> forums.put(f.name(), f));
        return forums;
    }

    /** Place ids and neighbourhood ids (with their place's id) by lower-case name. */
    private record Geography(Map<String, Long> places, Map<String, Long[]> neighbourhoods) {}

    private Geography geography() {
        Map<String, Long> places = new HashMap<>();
        jdbc.sql("select id, name from place")
                .query((rs, n) -> places.put(rs.getString("name").toLowerCase(Locale.ROOT), rs.getLong("id")))
                .list();
        Map<String, Long[]> neighbourhoods = new HashMap<>();
        jdbc.sql("select id, name, place_id from neighbourhood")
                .query((rs, n) -> neighbourhoods.put(
                        rs.getString("name").toLowerCase(Locale.ROOT),
                        new Long[] {rs.getLong("id"), rs.getLong("place_id")}))
                .list();
        return new Geography(places, neighbourhoods);
    }

    @Contract("null -> true")
    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** A part of a description that {@link #check} refuses to be blank, trimmed. */
    private static String checked(@Nullable String s) {
        return Objects.requireNonNull(s, "checked before merging").trim();
    }

    private static @Nullable String trim(@Nullable String s) {
        return blank(s) ? null : s.trim();
    }
}
