package org.goldenthread.structure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.ProfessionDirectory;
import org.goldenthread.platform.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The professions seats are open to. Structure keeps which codes a seat names; the people module
 * keeps the professions themselves and, through the platform's {@link ProfessionDirectory}, says
 * which codes are real and what they are called.
 */
@Component
class SeatProfessions {

    static final String FIELD = "open_to_professions";

    private final JdbcClient jdbc;
    private final ObjectProvider<ProfessionDirectory> directory;
    private final ObjectMapper json;

    SeatProfessions(JdbcClient jdbc, ObjectProvider<ProfessionDirectory> directory, ObjectMapper json) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.json = json;
    }

    /** Every profession a seat may be opened to, in the directory's order; none without a directory. */
    List<ProfessionDirectory.Listed> choices() {
        ProfessionDirectory professions = directory.getIfAvailable();
        return professions == null ? List.of() : professions.professions();
    }

    private Map<String, ProfessionDirectory.Listed> byCode() {
        Map<String, ProfessionDirectory.Listed> byCode = new LinkedHashMap<>();
        choices().forEach(p -> byCode.put(p.code(), p));
        return byCode;
    }

    /** The seats with the codes and names of the professions each is open to, in the directory's order. */
    List<Seat> named(List<Seat> seats) {
        if (seats.isEmpty()) {
            return seats;
        }
        Map<Long, List<String>> codes = new HashMap<>();
        jdbc.sql("""
                        select seat_id, profession_code from seat_profession
                         where seat_id = any(cast(:ids as bigint[]))""")
                .param("ids", seats.stream().map(Seat::id).toArray(Long[]::new))
                .query((rs, n) -> codes.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        Map<String, ProfessionDirectory.Listed> known = byCode();
        List<String> order = new ArrayList<>(known.keySet());
        return seats.stream()
                .map(s -> {
                    List<String> own = new ArrayList<>(codes.getOrDefault(s.id(), List.of()));
                    own.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
                    List<String> names = own.stream()
                            .map(c -> known.containsKey(c) ? known.get(c).name() : c)
                            .toList();
                    return new Seat(
                            s.id(),
                            s.forumId(),
                            s.forum(),
                            s.title(),
                            s.seatType(),
                            s.professionallyAgnostic(),
                            s.expectedHoursPerWeek(),
                            s.createdOn(),
                            List.copyOf(own),
                            names);
                })
                .toList();
    }

    private static int rank(List<String> order, String code) {
        int at = order.indexOf(code);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /**
     * The professions each seat is open to as people read them, by seat id, grouped: "Nursing and midwifery:
     * Nurse, Midwife; Pharmacy: Pharmacist". A group's name is left out when it is the only
     * profession's own name.
     */
    Map<Long, String> describe(List<Seat> seats) {
        Map<String, ProfessionDirectory.Listed> known = byCode();
        Map<Long, String> described = new HashMap<>();
        seats.forEach(s -> described.put(s.id(), describe(s, known)));
        return described;
    }

    private static String describe(Seat seat, Map<String, ProfessionDirectory.Listed> known) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < seat.openToProfessions().size(); i++) {
            ProfessionDirectory.Listed p = known.get(seat.openToProfessions().get(i));
            String group = p == null ? "" : p.group();
            groups.computeIfAbsent(group, g -> new ArrayList<>())
                    .add(seat.openToProfessionNames().get(i));
        }
        List<String> parts = new ArrayList<>();
        groups.forEach((group, names) -> parts.add(
                group.isEmpty() || (names.size() == 1 && names.get(0).equals(group))
                        ? String.join(", ", names)
                        : group + ": " + String.join(", ", names)));
        return String.join("; ", parts);
    }

    /** Problems with the professions a seat description names, by the API's field name. */
    void check(SeatDetails seat, List<Problem> problems) {
        List<String> codes = seat.openToProfessions();
        if (codes == null || codes.isEmpty()) {
            return;
        }
        if (Boolean.TRUE.equals(seat.professionallyAgnostic())) {
            problems.add(new Problem(
                    seat.row(),
                    FIELD,
                    "Name professions only for a seat meant for particular professions, not one anyone can hold"));
            return;
        }
        Map<String, ProfessionDirectory.Listed> known = byCode();
        List<String> unknown = codes.stream()
                .map(c -> c == null ? "" : c.trim())
                .filter(c -> !known.containsKey(c))
                .distinct()
                .toList();
        if (!unknown.isEmpty()) {
            problems.add(new Problem(
                    seat.row(),
                    FIELD,
                    (unknown.size() == 1
                                    ? "'" + unknown.get(0) + "' is not a profession"
                                    : "These are not professions: " + String.join(", ", unknown))
                            + "; use the codes of the list of professions (GET /api/v1/professions)"));
        }
    }

    /** The codes a description names, tidied: trimmed, blanks dropped, each once. */
    static List<String> codes(List<String> given) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        given.stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(c -> !c.isEmpty())
                .forEach(codes::add);
        return List.copyOf(codes);
    }

    /** Sets the professions of each seat given to exactly the codes given, which {@link #check} has passed. */
    void replace(Map<Long, List<String>> codesBySeat) {
        if (codesBySeat.isEmpty()) {
            return;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        codesBySeat.forEach((seat, codes) -> codes.forEach(c -> rows.add(Map.of("seat_id", seat, "code", c))));
        jdbc.sql("delete from seat_profession where seat_id = any(cast(:ids as bigint[]))")
                .param("ids", codesBySeat.keySet().toArray(Long[]::new))
                .update();
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            insert into seat_profession (ics_id, seat_id, profession_code)
                            select :ics, r.seat_id, r.code
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(seat_id bigint, code text)""")
                    .param("ics", Scope.currentTenant().id())
                    .param("rows", json.writeValueAsString(rows))
                    .update();
        }
    }

    /** Whether a seat's stored codes differ from these (order aside). */
    static boolean differ(Collection<String> stored, Collection<String> wanted) {
        return !new LinkedHashSet<>(stored).equals(new LinkedHashSet<>(wanted));
    }
}
