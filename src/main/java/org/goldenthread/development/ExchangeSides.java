package org.goldenthread.development;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;

/**
 * The two sides of a workplace exchange in the participants file: {@code host} (hosts the pair's
 * first visit) and {@code visitor} (makes it, and hosts the second). They are kept as mentor and
 * mentee, the roles the optimiser knows. In an exchange nobody has more than one partner and nobody
 * ranks anyone, so capacity and preferences stay blank.
 */
final class ExchangeSides {

    static final String HOST = "host";
    static final String VISITOR = "visitor";

    private ExchangeSides() {}

    /** The side a stored role stands for. */
    static String sideOf(String role) {
        return role.equals("mentor") ? HOST : VISITOR;
    }

    /** The side's label on pages. */
    static String label(String role) {
        return role.equals("mentor") ? "Host first" : "Visitor first";
    }

    /**
     * Checks what is particular to an exchange, then hands the file, with sides as roles, to the
     * checks every pairing programme has ({@code common}); all problems are answered together, with
     * their words in an exchange's terms.
     */
    static List<ParticipantFile.Entry> check(
            List<List<String>> table, Function<List<List<String>>, List<ParticipantFile.Entry>> common) {
        if (table.isEmpty()) {
            return common.apply(table);
        }
        List<String> header = table.get(0).stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .toList();
        int role = header.indexOf("role");
        int capacity = header.indexOf("capacity");
        int preferences = header.indexOf("preferences");
        if (role < 0 || capacity < 0 || preferences < 0) {
            return common.apply(table);
        }
        List<Problem> problems = new ArrayList<>();
        List<List<String>> asRoles = new ArrayList<>();
        asRoles.add(table.get(0));
        for (int i = 1; i < table.size(); i++) {
            int row = i + 1;
            List<String> values = new ArrayList<>(table.get(i));
            if (values.size() != header.size()) {
                asRoles.add(values);
                continue;
            }
            String side = values.get(role).trim().toLowerCase(Locale.ROOT);
            if (side.equals(HOST)) {
                values.set(role, "mentor");
            } else if (side.equals(VISITOR)) {
                values.set(role, "mentee");
            } else {
                problems.add(Problem.at(
                        row,
                        "role",
                        side.isEmpty()
                                ? "Give the side: host or visitor"
                                : "'" + values.get(role).trim() + "' is not a side of an exchange; use host (hosts"
                                        + " the first visit) or visitor (makes the first visit)"));
                values.set(role, "mentee");
            }
            String places = values.get(capacity).trim();
            if (!places.isEmpty() && !places.equals("1")) {
                problems.add(Problem.at(
                        row, "capacity", "Leave capacity blank: in an exchange each person is paired with one other"));
            }
            values.set(capacity, "");
            if (!values.get(preferences).isBlank()) {
                problems.add(Problem.at(
                        row,
                        "preferences",
                        "Leave preferences blank: nobody ranks in an exchange; matching pairs people across"
                                + " sectors"));
            }
            values.set(preferences, "");
            asRoles.add(values);
        }
        List<ParticipantFile.Entry> entries = List.of();
        try {
            entries = common.apply(asRoles);
        } catch (InvalidInput e) {
            e.problems().forEach(p -> problems.add(new Problem(p.row(), p.field(), inExchangeTerms(p.reason()))));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((Problem p) -> p.row() == null ? 0 : p.row())
                    .thenComparing(p -> p.field() == null ? -1 : ParticipantFile.COLUMNS.indexOf(p.field())));
            throw new InvalidInput(problems);
        }
        return entries;
    }

    private static String inExchangeTerms(String reason) {
        return reason.replace("mentors", "hosts")
                .replace("mentor", "host")
                .replace("mentees", "visitors")
                .replace("mentee", "visitor");
    }
}
