package org.goldenthread.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.SmallCsv;
import org.jspecify.annotations.Nullable;

/**
 * The ICS map file: CSV (UTF-8), header {@code kind,name,place,local_authority,ods_code,sector,population}
 * in any order, one row for each place, neighbourhood or organisation. Reading gives every row or
 * refuses the whole file, naming each problem by row (the header is row 1), column and reason. A value
 * left blank is not given, so a row changes only what it gives; a column that does not apply to a row's
 * kind must be blank, since a value there is a slip that would otherwise be dropped without a word.
 */
final class MapFile {

    static final List<String> COLUMNS =
            List.of("kind", "name", "place", "local_authority", "ods_code", "sector", "population");

    /** More people than England has is a slip, not a population. */
    static final int MOST_PEOPLE = 60_000_000;

    /** More rows than every ICS's map together has is not one ICS's map. */
    static final int MOST_ROWS = 20_000;

    enum Kind implements Coded {
        PLACE("place", "Place"),
        NEIGHBOURHOOD("neighbourhood", "Neighbourhood"),
        ORGANISATION("organisation", "Organisation");

        private final String code;
        private final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }

        int longestName() {
            return this == ORGANISATION ? 200 : 120;
        }

        /** The columns a row of this kind may fill, beside kind and name. */
        Set<String> columns() {
            return switch (this) {
                case PLACE -> Set.of("local_authority", "population");
                case NEIGHBOURHOOD -> Set.of("place", "ods_code", "population");
                case ORGANISATION -> Set.of("place", "ods_code", "sector");
            };
        }
    }

    /** One good row; null values were left blank. */
    record Row(
            int row,
            Kind kind,
            String name,
            @Nullable String place,
            @Nullable String localAuthority,
            @Nullable String odsCode,
            @Nullable String sector,
            @Nullable Integer population) {}

    private MapFile() {}

    /**
     * What the map has already: its places by lower-cased name, as it spells them, the place of each
     * neighbourhood by the neighbourhood's lower-cased name, its organisations' lower-cased names, and
     * the names two rows of one kind share in a view of ICSs merged into one, as {@code kind|name}.
     */
    record Known(
            Map<String, String> places,
            Map<String, String> neighbourhoodPlaces,
            Set<String> organisations,
            Set<String> shared) {}

    static List<Row> read(byte[] bytes, Known known) {
        SmallCsv.Table table =
                SmallCsv.table(bytes, COLUMNS, "the map file", "places, neighbourhoods or organisations");
        List<CSVRecord> records = table.records();
        Map<String, Integer> at = table.at();
        if (records.size() - 1 > MOST_ROWS) {
            throw refused(Problem.at(
                    MOST_ROWS + 2,
                    null,
                    "The file has " + (records.size() - 1) + " rows; a map file has at most " + MOST_ROWS));
        }
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> placesInFile = new java.util.HashSet<>();
        for (int i = 1; i < records.size() && problems.size() < 100; i++) {
            int row = i + 1;
            CSVRecord record = records.get(i);
            if (record.size() != COLUMNS.size()) {
                problems.add(Problem.at(
                        row, null, "The row has " + record.size() + " values; the header has " + COLUMNS.size()));
                continue;
            }
            // a row given twice is said even when the row has other problems too
            Kind kind = Coded.parse(
                            Kind.class, SmallCsv.cell(record, at, "kind").toLowerCase(Locale.ROOT))
                    .orElse(null);
            String name = CsvText.unguarded(SmallCsv.cell(record, at, "name"));
            if (kind == Kind.PLACE && !name.isEmpty()) {
                // a row naming this place is not told it is missing, even when this row has problems
                placesInFile.add(name.toLowerCase(Locale.ROOT));
            }
            Integer first = kind == null || name.isEmpty()
                    ? null
                    : seen.putIfAbsent(kind.code() + "|" + name.toLowerCase(Locale.ROOT), row);
            if (first != null) {
                problems.add(Problem.at(
                        row,
                        "name",
                        "This " + Objects.requireNonNull(kind).code() + " is also on row " + first
                                + "; give each once"));
                continue;
            }
            Row good = row(row, record, at, problems);
            if (good != null) {
                rows.add(good);
            }
        }
        placesNamed(rows, known, placesInFile, problems);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(p -> p.row() == null ? 0 : p.row()));
            throw new InvalidInput(problems);
        }
        return rows;
    }

    /**
     * Each place a row names is on the map or on a row of the file, and no neighbourhood moves place; a
     * new neighbourhood gives its place and a new organisation its sector (one the map has keeps its own
     * when the row leaves them blank).
     */
    private static void placesNamed(List<Row> rows, Known known, Set<String> inFile, List<Problem> problems) {
        for (Row r : rows) {
            String named = r.name().toLowerCase(Locale.ROOT);
            if (known.shared().contains(r.kind().code() + "|" + named)) {
                problems.add(Problem.at(
                        r.row(),
                        "name",
                        "Two " + r.kind().code() + "s of the ICSs merged into this one are called " + r.name()
                                + ", so the row cannot say which it means"));
                continue;
            }
            if (r.place() != null
                    && known.shared().contains("place|" + r.place().toLowerCase(Locale.ROOT))) {
                problems.add(Problem.at(
                        r.row(),
                        "place",
                        "Two places of the ICSs merged into this one are called " + r.place()
                                + ", so the row cannot say which it means"));
                continue;
            }
            if (r.kind() == Kind.NEIGHBOURHOOD
                    && r.place() == null
                    && !known.neighbourhoodPlaces().containsKey(named)) {
                problems.add(Problem.at(r.row(), "place", "Enter the place the neighbourhood is in"));
            }
            if (r.kind() == Kind.ORGANISATION
                    && r.sector() == null
                    && !known.organisations().contains(named)) {
                problems.add(Problem.at(
                        r.row(), "sector", "Enter the organisation's sector: " + Coded.choices(Sector.class)));
            }
            if (r.place() == null) {
                continue;
            }
            String place = r.place().toLowerCase(Locale.ROOT);
            if (!known.places().containsKey(place) && !inFile.contains(place)) {
                problems.add(Problem.at(
                        r.row(),
                        "place",
                        "This ICS has no place called '" + r.place() + "'; add it on a row of its own first"));
            }
            String was = r.kind() == Kind.NEIGHBOURHOOD
                    ? known.neighbourhoodPlaces().get(r.name().toLowerCase(Locale.ROOT))
                    : null;
            if (was != null && !was.equalsIgnoreCase(r.place())) {
                problems.add(Problem.at(
                        r.row(),
                        "place",
                        r.name() + " is a neighbourhood of " + was
                                + "; a neighbourhood cannot move to another place, since its forums are placed"
                                + " with it"));
            }
        }
    }

    private static @Nullable Row row(int row, CSVRecord record, Map<String, Integer> at, List<Problem> problems) {
        int before = problems.size();
        String kindText = SmallCsv.cell(record, at, "kind");
        Kind kind = Coded.parse(Kind.class, kindText.toLowerCase(Locale.ROOT)).orElse(null);
        if (kind == null) {
            problems.add(Problem.at(
                    row,
                    "kind",
                    "Use " + Coded.choices(Kind.class)
                            + (kindText.isEmpty() ? "" : ", not \"" + SmallCsv.shortened(kindText) + "\"")));
            return null;
        }
        for (String column : List.of("place", "local_authority", "ods_code", "sector", "population")) {
            if (!kind.columns().contains(column)
                    && !SmallCsv.cell(record, at, column).isEmpty()) {
                problems.add(Problem.at(
                        row, column, "A " + kind.code() + " has no " + column.replace('_', ' ') + "; leave it blank"));
            }
        }
        String name = CsvText.unguarded(SmallCsv.cell(record, at, "name"));
        if (name.isEmpty()) {
            problems.add(Problem.at(row, "name", "Enter the name of the " + kind.code()));
        } else if (name.length() > kind.longestName()) {
            problems.add(Problem.at(row, "name", "The name must be " + kind.longestName() + " characters or fewer"));
        }
        String place = CsvText.unguarded(SmallCsv.cell(record, at, "place"));
        String ods = SmallCsv.cell(record, at, "ods_code").toUpperCase(Locale.ROOT);
        if (!ods.isEmpty() && !ods.matches("^[A-Z0-9]{3,10}$")) {
            problems.add(Problem.at(
                    row,
                    "ods_code",
                    "An ODS code is 3 to 10 letters and digits, not \"" + SmallCsv.shortened(ods) + "\""));
        }
        String sectorText = SmallCsv.cell(record, at, "sector");
        Sector sector =
                Coded.parse(Sector.class, sectorText.toLowerCase(Locale.ROOT)).orElse(null);
        if (kind == Kind.ORGANISATION && sector == null && !sectorText.isEmpty()) {
            problems.add(Problem.at(
                    row,
                    "sector",
                    "\"" + SmallCsv.shortened(sectorText) + "\" is not a sector; use " + Coded.choices(Sector.class)));
        }
        String populationText = SmallCsv.cell(record, at, "population");
        Integer population = null;
        if (!populationText.isEmpty()) {
            population = populationText.matches("\\d{1,8}") ? Integer.valueOf(populationText) : null;
            if (population == null || population > MOST_PEOPLE) {
                problems.add(Problem.at(
                        row,
                        "population",
                        "Enter the population as a whole number from 0 to " + MOST_PEOPLE + ", not \""
                                + SmallCsv.shortened(populationText) + "\""));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        String authority = CsvText.unguarded(SmallCsv.cell(record, at, "local_authority"));
        return new Row(
                row,
                kind,
                name,
                place.isEmpty() ? null : place,
                authority.isEmpty() ? null : authority,
                ods.isEmpty() ? null : ods,
                sector == null ? null : sector.code(),
                population);
    }

    private static InvalidInput refused(Problem problem) {
        return new InvalidInput(List.of(problem));
    }
}
