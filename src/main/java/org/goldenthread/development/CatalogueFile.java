package org.goldenthread.development;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.goldenthread.people.RegisterFile;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The catalogue as a file, CSV or JSON, with the same fields either way. In CSV the lists (who an
 * offer is for) are codes separated by semicolons; in JSON they are arrays. Rows are numbered as
 * people see them: in CSV the header is row 1; in JSON row 1 is the first offer in the array.
 */
@Component
class CatalogueFile {

    static final List<String> COLUMNS = List.of(
            "title",
            "kind",
            "description",
            "provider",
            "scope",
            "place",
            "delivery",
            "hours",
            "weeks",
            "cost_pounds",
            "paid_by",
            "professions",
            "profession_groups",
            "career_stages",
            "levels",
            "sectors",
            "capacity",
            "opens_on",
            "closes_on",
            "more_info_url",
            "retired");

    private static final Set<String> LISTS =
            Set.of("professions", "profession_groups", "career_stages", "levels", "sectors");
    private static final int MOST_OFFERS = 2000;

    private final ObjectMapper json;

    CatalogueFile(ObjectMapper json) {
        this.json = json;
    }

    // ---------------------------------------------------------------- writing

    byte[] csv(List<Offer> offers) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().get().print(out)) {
            printer.printRecord(COLUMNS);
            for (Offer offer : offers) {
                // the details' JSON names are the columns
                Map<?, ?> values = json.convertValue(OfferDetails.of(offer), LinkedHashMap.class);
                List<String> row = new ArrayList<>();
                for (String column : COLUMNS) {
                    Object value = values.get(column);
                    // a description may start with '-' (a list of points): a spreadsheet would run it
                    row.add(
                            value == null
                                    ? ""
                                    : CsvText.guarded(
                                            value instanceof List<?> list
                                                    ? String.join(";", strings(list))
                                                    : value.toString()));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] json(List<Offer> offers) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(offers);
    }

    private static List<String> strings(List<?> list) {
        return list.stream().map(String::valueOf).toList();
    }

    private static OfferDetails details(Map<String, String> text, Map<String, List<String>> lists, int row) {
        return new OfferDetails(
                text.get("title"),
                text.get("kind"),
                text.get("description"),
                text.get("provider"),
                text.get("scope"),
                text.get("place"),
                text.get("delivery"),
                text.get("hours"),
                text.get("weeks"),
                text.get("cost_pounds"),
                text.get("paid_by"),
                lists.get("professions"),
                lists.get("profession_groups"),
                lists.get("career_stages"),
                lists.get("levels"),
                lists.get("sectors"),
                text.get("capacity"),
                text.get("opens_on"),
                text.get("closes_on"),
                text.get("more_info_url"),
                text.get("retired"),
                row);
    }

    // ---------------------------------------------------------------- reading

    /** Reads a CSV catalogue, header first; problems with its shape name the row and the column. */
    List<OfferDetails> fromCsv(byte[] bytes) {
        List<List<String>> table = RegisterFile.readCsv(bytes);
        if (table.isEmpty()) {
            throw new InvalidInput(List.of(
                    Problem.of("file", "The file is empty: it needs a header row and an offer on each row after it")));
        }
        List<String> header = table.get(0).stream().map(String::strip).toList();
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add(Problem.at(
                        1,
                        column,
                        "'" + column + "' is not a column of the catalogue file; its columns are "
                                + String.join(", ", COLUMNS)));
            } else if (!seen.add(column)) {
                problems.add(Problem.at(1, column, "The column " + column + " is in the header twice"));
            }
        }
        for (String column : COLUMNS) {
            if (!header.contains(column)) {
                problems.add(Problem.at(1, column, "The column " + column + " is missing from the header"));
            }
        }
        if (table.size() - 1 > MOST_OFFERS) {
            problems.add(
                    Problem.at(MOST_OFFERS + 2, null, "A catalogue file holds at most " + MOST_OFFERS + " offers"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<OfferDetails> offers = new ArrayList<>();
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
            Map<String, String> text = new LinkedHashMap<>();
            Map<String, List<String>> lists = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c);
                String value = CsvText.unguarded(values.get(c));
                if (LISTS.contains(column)) {
                    lists.put(column, value.isBlank() ? List.of() : Arrays.asList(value.split(";", -1)));
                } else {
                    text.put(column, value);
                }
            }
            offers.add(details(text, lists, row));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return offers;
    }

    /** Reads a JSON catalogue: an array of offers, each an object with the catalogue's fields. */
    List<OfferDetails> fromJson(byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new InvalidInput(List.of(Problem.of("file", "The file is not valid UTF-8 JSON" + where)));
        }
        if (root == null || root.isMissingNode() || !root.isArray()) {
            throw new InvalidInput(
                    List.of(Problem.of("file", "The file must be a JSON array of offers, like [{\"title\": …}]")));
        }
        if (root.size() > MOST_OFFERS) {
            throw new InvalidInput(
                    List.of(Problem.of("file", "A catalogue file holds at most " + MOST_OFFERS + " offers")));
        }
        List<Problem> problems = new ArrayList<>();
        List<OfferDetails> offers = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            OfferDetails offer = fromJson(root.get(i), i + 1, problems);
            if (offer != null) {
                offers.add(offer);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return offers;
    }

    private static @Nullable OfferDetails fromJson(JsonNode node, int row, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(Problem.at(row, null, "Each offer must be a JSON object with the catalogue's fields"));
            return null;
        }
        int before = problems.size();
        Map<String, String> text = new HashMap<>();
        Map<String, List<String>> lists = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("id")) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                problems.add(Problem.at(
                        row,
                        name,
                        "'" + name + "' is not a field of an offer; its fields are " + String.join(", ", COLUMNS)));
            } else if (value.isNull()) {
                continue;
            } else if (LISTS.contains(name)) {
                if (!value.isArray()) {
                    problems.add(Problem.at(row, name, "Give " + name + " as an array of codes, like [\"a\", \"b\"]"));
                    continue;
                }
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    if (!item.isValueNode() || item.isNull()) {
                        problems.add(Problem.at(row, name, "Each of " + name + " must be a code as text"));
                    } else {
                        items.add(item.asString());
                    }
                }
                lists.put(name, items);
            } else if (!value.isValueNode()) {
                problems.add(Problem.at(row, name, "Give " + name + " as a single value, not a list or an object"));
            } else {
                text.put(name, value.asString());
            }
        }
        return problems.size() > before ? null : details(text, lists, row);
    }
}
