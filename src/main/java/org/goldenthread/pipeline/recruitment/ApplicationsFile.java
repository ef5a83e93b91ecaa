package org.goldenthread.pipeline.recruitment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.people.RegisterFile;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;

/**
 * A recruitment system's export of a round's applications: CSV, UTF-8, a header naming the columns
 * (in any order) and one applicant a row. Rows are numbered as a spreadsheet shows them, the header
 * being row 1.
 */
final class ApplicationsFile {

    static final List<String> COLUMNS = List.of(
            "applicant_ref",
            "person_ref",
            "given_name",
            "family_name",
            "email",
            "profession",
            "career_stage",
            "stage",
            "ethnic_group",
            "sex",
            "disability");

    /** More than any real round; a bigger file is more likely the wrong file. */
    static final int MOST_ROWS = 20_000;

    private static final int MOST_PROBLEMS = 500;

    private ApplicationsFile() {}

    /** What an import did. */
    record Outcome(
            int rows,
            int added,
            int updated,
            @JsonProperty("unchanged") int unchanged) {}

    /** Reads the file's rows; a problem with the file's shape (not its values) is refused at once. */
    static List<ApplicantDetails> read(byte[] bytes) {
        List<List<String>> table = RegisterFile.readCsv(bytes);
        if (table.isEmpty()) {
            throw new InvalidInput(List.of(Problem.at(
                    1, "file", "The file is empty: it needs a header row and an application on each row after it")));
        }
        List<String> header = table.get(0).stream().map(String::strip).toList();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add(Problem.at(
                        1,
                        column.length() > 60 ? column.substring(0, 57) + "…" : column,
                        "This is not a column of the applications file; its columns are " + String.join(",", COLUMNS)));
            } else if (!seen.add(column)) {
                problems.add(Problem.at(1, column, "The column " + column + " is in the header twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                problems.add(Problem.at(1, column, "The column " + column + " is missing from the header"));
            }
        }
        if (table.size() == 1 && problems.isEmpty()) {
            problems.add(Problem.at(1, null, "The file has a header but no applications after it"));
        }
        if (table.size() - 1 > MOST_ROWS) {
            problems.add(Problem.at(
                    MOST_ROWS + 2, null, "A file holds at most " + MOST_ROWS + " applications, one round's worth"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(capped(problems));
        }
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            at.put(header.get(c), c);
        }
        List<ApplicantDetails> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> values = table.get(i);
            int row = i + 1;
            if (values.size() != header.size()) {
                problems.add(Problem.at(
                        row,
                        null,
                        "This row has " + Plurals.of(values.size(), "value") + "; the header has "
                                + Plurals.of(header.size(), "column")));
                continue;
            }
            rows.add(new ApplicantDetails(
                    cell(values, at, "applicant_ref"),
                    cell(values, at, "person_ref"),
                    cell(values, at, "given_name"),
                    cell(values, at, "family_name"),
                    cell(values, at, "email"),
                    cell(values, at, "profession"),
                    cell(values, at, "career_stage"),
                    cell(values, at, "stage"),
                    cell(values, at, "ethnic_group"),
                    cell(values, at, "sex"),
                    cell(values, at, "disability"),
                    row));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(capped(problems));
        }
        return rows;
    }

    /** A row's value in a column the header has been checked to hold. */
    private static String cell(List<String> values, Map<String, Integer> at, String column) {
        return values.get(Objects.requireNonNull(at.get(column), "checked in the header"));
    }

    /** The first {@value #MOST_PROBLEMS} problems, then how many more. */
    static List<Problem> capped(List<Problem> problems) {
        if (problems.size() <= MOST_PROBLEMS) {
            return problems;
        }
        List<Problem> first = new ArrayList<>(problems.subList(0, MOST_PROBLEMS));
        first.add(Problem.of(null, "…and " + (problems.size() - MOST_PROBLEMS) + " more problems not listed"));
        return first;
    }
}
