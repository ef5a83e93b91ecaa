package org.goldenthread.structure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.PlaceDirectory;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The geography and organisations of the ICS in scope. Queries carry no ICS filter of their own:
 * row-level security limits them to the ICS in scope and any ICS merged into it.
 */
@Service
public class IcsMap implements PlaceDirectory {

    private final JdbcClient jdbc;
    private final Audit audit;
    private final ScopedTransactions elsewhere;

    IcsMap(JdbcClient jdbc, Audit audit, ScopedTransactions elsewhere) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.elsewhere = elsewhere;
    }

    public List<Place> places() {
        return jdbc.sql("""
                        select p.id, p.name, p.local_authority, p.population,
                               (select count(*) from neighbourhood n where n.place_id = p.id) as neighbourhood_count,
                               (select count(*) from organisation o where o.place_id = p.id) as organisation_count
                          from place p order by p.name""").query(Place.class).list();
    }

    public Place place(long id) {
        return places().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("No place with id " + id + " in this ICS"));
    }

    public List<Neighbourhood> neighbourhoods() {
        return jdbc.sql("""
                        select n.id, n.name, p.name as place, n.ods_code, n.population
                          from neighbourhood n join place p on p.id = n.place_id order by p.name, n.name""").query(Neighbourhood.class).list();
    }

    public List<Organisation> organisations() {
        return jdbc.sql("""
                        select o.id, o.name, o.ods_code, o.sector, p.name as place
                          from organisation o left join place p on p.id = o.place_id order by o.name""").query(Organisation.class).list();
    }

    public record Counts(int places, int neighbourhoods, int organisations) {}

    public Counts counts() {
        return jdbc.sql("""
                        select (select count(*) from place), (select count(*) from neighbourhood),
                               (select count(*) from organisation)""")
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    @Transactional
    public Place addPlace(@Nullable String name, @Nullable String localAuthority, @Nullable Integer population) {
        List<Problem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            problems.add(Problem.of("name", "Enter the name of the place"));
        } else if (trimmed.length() > 120) {
            problems.add(Problem.of("name", "The name must be 120 characters or fewer"));
        } else if (jdbc.sql("select count(*) > 0 from place where lower(name) = lower(:name)")
                .param("name", trimmed)
                .query(Boolean.class)
                .single()) {
            problems.add(Problem.of("name", "This ICS already has a place called " + trimmed));
        }
        if (population != null && population < 0) {
            problems.add(Problem.of("population", "The population cannot be negative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into place (ics_id, name, local_authority, population)
                        values (:ics, :name, :la, :population) returning id""")
                .param("ics", Scope.currentTenant().id())
                .param("name", trimmed)
                .param("la", localAuthority == null || localAuthority.isBlank() ? null : localAuthority.trim())
                .param("population", population)
                .query(Long.class)
                .single();
        Place created = place(id);
        audit.record("place.created", "place", id, null, created);
        return created;
    }

    /*
     * A neighbourhood or organisation is kept with its place's ICS, which after a merge may be the
     * ICS merged in rather than the one in scope; the keys between them include ics_id.
     */
    @Transactional
    public Neighbourhood addNeighbourhood(
            @Nullable String name, @Nullable String place, @Nullable String odsCode, @Nullable Integer population) {
        List<Problem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            problems.add(Problem.of("name", "Enter the name of the neighbourhood"));
        } else if (trimmed.length() > 120) {
            problems.add(Problem.of("name", "The name must be 120 characters or fewer"));
        } else if (neighbourhoods().stream().anyMatch(n -> n.name().equalsIgnoreCase(trimmed))) {
            problems.add(Problem.of("name", "This ICS already has a neighbourhood called " + trimmed));
        }
        Long placeId = placeId(place, true, problems);
        String ods =
                odsCode == null || odsCode.isBlank() ? null : odsCode.trim().toUpperCase(java.util.Locale.ROOT);
        if (ods != null && !ods.matches("^[A-Z0-9]{3,10}$")) {
            problems.add(Problem.of("ods_code", "An ODS code is 3 to 10 letters and digits"));
        }
        if (population != null && population < 0) {
            problems.add(Problem.of("population", "The population cannot be negative"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into neighbourhood (ics_id, place_id, name, ods_code, population)
                        select p.ics_id, p.id, :name, :ods, :population from place p where p.id = :place
                        returning id""")
                .param("place", placeId)
                .param("name", trimmed)
                .param("ods", ods)
                .param("population", population)
                .query(Long.class)
                .single();
        Neighbourhood created =
                neighbourhoods().stream().filter(n -> n.id() == id).findFirst().orElseThrow();
        audit.record("neighbourhood.created", "neighbourhood", id, null, created);
        return created;
    }

    @Transactional
    public Organisation addOrganisation(
            @Nullable String name, @Nullable String odsCode, @Nullable String sector, @Nullable String place) {
        List<Problem> problems = new ArrayList<>();
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            problems.add(Problem.of("name", "Enter the name of the organisation"));
        } else if (trimmed.length() > 200) {
            problems.add(Problem.of("name", "The name must be 200 characters or fewer"));
        } else if (organisations().stream().anyMatch(o -> o.name().equalsIgnoreCase(trimmed))) {
            problems.add(Problem.of("name", "This ICS already has an organisation called " + trimmed));
        }
        String ods =
                odsCode == null || odsCode.isBlank() ? null : odsCode.trim().toUpperCase(java.util.Locale.ROOT);
        if (ods != null && !ods.matches("^[A-Z0-9]{3,10}$")) {
            problems.add(Problem.of("ods_code", "An ODS code is 3 to 10 letters and digits"));
        }
        if (org.goldenthread.platform.Coded.parse(Sector.class, sector).isEmpty()) {
            problems.add(Problem.of(
                    "sector",
                    sector == null || sector.isBlank()
                            ? "Choose the organisation's sector"
                            : "'" + sector + "' is not a sector; use "
                                    + org.goldenthread.platform.Coded.choices(Sector.class)));
        }
        Long placeId = placeId(place, false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into organisation (ics_id, name, ods_code, sector, place_id)
                        values (coalesce((select ics_id from place where id = :place), :ics), :name, :ods, :sector,
                                :place)
                        returning id""")
                .param("ics", Scope.currentTenant().id())
                .param("name", trimmed)
                .param("ods", ods)
                // a sector this ICS knows has been checked above
                .param("sector", Objects.requireNonNull(sector).trim())
                .param("place", placeId)
                .query(Long.class)
                .single();
        Organisation created =
                organisations().stream().filter(o -> o.id() == id).findFirst().orElseThrow();
        audit.record("organisation.created", "organisation", id, null, created);
        return created;
    }

    // ---------------------------------------------------------------- the map file

    /** What importing a map file did: its rows, and how many of them added, changed or left a row as it was. */
    public record Imported(int rows, int added, int changed, int unchanged) {}

    /**
     * Adds the file's places, neighbourhoods and organisations that the map does not have yet, and
     * changes those it has (found by name, whatever the case) where the file gives a value that differs;
     * a blank value leaves the map's as it is, and nothing is ever removed. A file with any problem changes
     * nothing. Each row added or changed is in the audit log with what it was and what it became.
     */
    @Transactional
    public Imported importFile(byte[] bytes) {
        // names are unique within one ICS, but ICSs merged into one may share some
        java.util.Set<String> shared = new java.util.HashSet<>();
        Map<String, Place> places = byName(places(), Place::name, MapFile.Kind.PLACE, shared);
        Map<String, Neighbourhood> hoods =
                byName(neighbourhoods(), Neighbourhood::name, MapFile.Kind.NEIGHBOURHOOD, shared);
        Map<String, Organisation> organisations =
                byName(organisations(), Organisation::name, MapFile.Kind.ORGANISATION, shared);
        Map<String, String> placeNames = new java.util.HashMap<>();
        places.forEach((k, p) -> placeNames.put(k, p.name()));
        Map<String, String> hoodPlaces = new java.util.HashMap<>();
        hoods.forEach((k, n) -> hoodPlaces.put(k, n.place()));
        List<MapFile.Row> rows =
                MapFile.read(bytes, new MapFile.Known(placeNames, hoodPlaces, organisations.keySet(), shared));

        List<Audit.Change> changes = new ArrayList<>();
        int unchanged = 0;
        long ics = Scope.currentTenant().id();
        // places first, so that the neighbourhoods and organisations after them can name them
        for (MapFile.Row r : rows) {
            if (r.kind() != MapFile.Kind.PLACE) {
                continue;
            }
            Place was = places.get(key(r.name()));
            if (was == null) {
                long id = jdbc.sql("""
                                insert into place (ics_id, name, local_authority, population)
                                values (:ics, :name, :la, :population) returning id""")
                        .param("ics", ics)
                        .param("name", r.name())
                        .param("la", r.localAuthority())
                        .param("population", r.population())
                        .query(Long.class)
                        .single();
                Place added = new Place(id, r.name(), r.localAuthority(), r.population(), 0, 0);
                places.put(key(r.name()), added);
                changes.add(new Audit.Change("place.created", "place", id, null, added));
            } else if (differs(r.localAuthority(), was.localAuthority()) || differs(r.population(), was.population())) {
                jdbc.sql("""
                                update place set local_authority = coalesce(:la, local_authority),
                                                 population = coalesce(:population, population)
                                 where id = :id""")
                        .param("la", r.localAuthority())
                        .param("population", r.population())
                        .param("id", was.id())
                        .update();
                Place now = new Place(
                        was.id(),
                        was.name(),
                        r.localAuthority() == null ? was.localAuthority() : r.localAuthority(),
                        r.population() == null ? was.population() : r.population(),
                        was.neighbourhoodCount(),
                        was.organisationCount());
                changes.add(new Audit.Change("place.changed", "place", was.id(), was, now));
            } else {
                unchanged++;
            }
        }
        for (MapFile.Row r : rows) {
            if (r.kind() != MapFile.Kind.NEIGHBOURHOOD) {
                continue;
            }
            Neighbourhood was = hoods.get(key(r.name()));
            if (was == null) {
                long id = jdbc.sql("""
                                insert into neighbourhood (ics_id, place_id, name, ods_code, population)
                                select p.ics_id, p.id, :name, :ods, :population from place p where p.id = :place
                                returning id""")
                        .param(
                                "place",
                                Objects.requireNonNull(places.get(key(Objects.requireNonNull(r.place()))))
                                        .id())
                        .param("name", r.name())
                        .param("ods", r.odsCode())
                        .param("population", r.population())
                        .query(Long.class)
                        .single();
                changes.add(new Audit.Change(
                        "neighbourhood.created",
                        "neighbourhood",
                        id,
                        null,
                        new Neighbourhood(
                                id,
                                r.name(),
                                Objects.requireNonNull(placeName(places, r.place())),
                                r.odsCode(),
                                r.population())));
            } else if (differs(r.odsCode(), was.odsCode()) || differs(r.population(), was.population())) {
                jdbc.sql("""
                                update neighbourhood set ods_code = coalesce(:ods, ods_code),
                                                         population = coalesce(:population, population)
                                 where id = :id""")
                        .param("ods", r.odsCode())
                        .param("population", r.population())
                        .param("id", was.id())
                        .update();
                Neighbourhood now = new Neighbourhood(
                        was.id(),
                        was.name(),
                        was.place(),
                        r.odsCode() == null ? was.odsCode() : r.odsCode(),
                        r.population() == null ? was.population() : r.population());
                changes.add(new Audit.Change("neighbourhood.changed", "neighbourhood", was.id(), was, now));
            } else {
                unchanged++;
            }
        }
        for (MapFile.Row r : rows) {
            if (r.kind() != MapFile.Kind.ORGANISATION) {
                continue;
            }
            Organisation was = organisations.get(key(r.name()));
            Place in = r.place() == null ? null : places.get(key(r.place()));
            Long placeId = in == null ? null : in.id();
            if (was == null) {
                long id = jdbc.sql("""
                                insert into organisation (ics_id, name, ods_code, sector, place_id)
                                values (coalesce((select ics_id from place where id = :place), :ics), :name, :ods,
                                        :sector, :place)
                                returning id""")
                        .param("ics", ics)
                        .param("name", r.name())
                        .param("ods", r.odsCode())
                        .param("sector", r.sector())
                        .param("place", placeId)
                        .query(Long.class)
                        .single();
                changes.add(new Audit.Change(
                        "organisation.created",
                        "organisation",
                        id,
                        null,
                        new Organisation(
                                id,
                                r.name(),
                                r.odsCode(),
                                Objects.requireNonNull(r.sector()),
                                placeName(places, r.place()))));
            } else if (differs(r.odsCode(), was.odsCode())
                    || differs(r.sector(), was.sector())
                    || (r.place() != null && (was.place() == null || !r.place().equalsIgnoreCase(was.place())))) {
                jdbc.sql("""
                                update organisation set ods_code = coalesce(:ods, ods_code),
                                                        sector = coalesce(:sector, sector),
                                                        place_id = coalesce(:place, place_id)
                                 where id = :id""")
                        .param("ods", r.odsCode())
                        .param("sector", r.sector())
                        .param("place", placeId)
                        .param("id", was.id())
                        .update();
                Organisation now = new Organisation(
                        was.id(),
                        was.name(),
                        r.odsCode() == null ? was.odsCode() : r.odsCode(),
                        r.sector() == null ? was.sector() : r.sector(),
                        r.place() == null ? was.place() : placeName(places, r.place()));
                changes.add(new Audit.Change("organisation.changed", "organisation", was.id(), was, now));
            } else {
                unchanged++;
            }
        }
        audit.recordAll(changes);
        int added = (int)
                changes.stream().filter(c -> c.action().endsWith(".created")).count();
        return new Imported(rows.size(), added, changes.size() - added, unchanged);
    }

    /**
     * The map as a map file, in the same columns, places first (by name), then neighbourhoods (by place
     * and name), then organisations (by name); importing it changes nothing. Text a spreadsheet would
     * run as a formula is guarded.
     */
    public List<List<String>> exportRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(MapFile.COLUMNS);
        for (Place p : places()) {
            rows.add(fileRow("place", p.name(), null, p.localAuthority(), null, null, p.population()));
        }
        for (Neighbourhood n : neighbourhoods()) {
            rows.add(fileRow("neighbourhood", n.name(), n.place(), null, n.odsCode(), null, n.population()));
        }
        for (Organisation o : organisations()) {
            rows.add(fileRow("organisation", o.name(), o.place(), null, o.odsCode(), o.sector(), null));
        }
        return rows;
    }

    /** {@link #exportRows} as CSV text, lines ending CRLF. */
    public String exportCsv() {
        StringBuilder out = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter printer = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setRecordSeparator("\r\n")
                .get()
                .print(out)) {
            for (List<String> row : exportRows()) {
                printer.printRecord(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The export as a download named for the ICS and the day. */
    public org.springframework.http.ResponseEntity<byte[]> download() {
        String name = "map-" + Scope.currentTenant().odsCode() + "-" + java.time.LocalDate.now() + ".csv";
        return org.springframework.http.ResponseEntity.ok()
                .contentType(
                        new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(
                        org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + name + "\"")
                .body(exportCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> fileRow(
            String kind,
            String name,
            @Nullable String place,
            @Nullable String localAuthority,
            @Nullable String odsCode,
            @Nullable String sector,
            @Nullable Integer population) {
        return List.of(
                kind,
                CsvText.cell(name),
                CsvText.cell(place),
                CsvText.cell(localAuthority),
                CsvText.cell(odsCode),
                CsvText.cell(sector),
                population == null ? "" : population.toString());
    }

    /**
     * The map's rows of one kind by lower-cased name; a name two of them share (ICSs merged into one may
     * each have had it) is added to {@code shared} as {@code kind|name}, and stands for the first.
     */
    private static <T> Map<String, T> byName(
            List<T> rows,
            java.util.function.Function<T, String> name,
            MapFile.Kind kind,
            java.util.Set<String> shared) {
        Map<String, T> byName = new java.util.HashMap<>();
        for (T row : rows) {
            if (byName.putIfAbsent(key(name.apply(row)), row) != null) {
                shared.add(kind.code() + "|" + key(name.apply(row)));
            }
        }
        return byName;
    }

    /** A place named in the file, as the map spells it. */
    private static @Nullable String placeName(Map<String, Place> places, @Nullable String named) {
        return named == null
                ? null
                : Objects.requireNonNull(places.get(key(named))).name();
    }

    /** Whether the file gives a value that is not the map's; a blank (null) in the file gives none. */
    private static boolean differs(@Nullable Object given, @Nullable Object kept) {
        return given != null && !given.equals(kept);
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private @Nullable Long placeId(@Nullable String place, boolean required, List<Problem> problems) {
        if (place == null || place.isBlank()) {
            if (required) {
                problems.add(Problem.of("place", "Choose the place it is in"));
            }
            return null;
        }
        Long id = placeIdsByName().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(place.trim()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        if (id == null) {
            problems.add(Problem.of("place", "This ICS has no place called '" + place.trim() + "'"));
        }
        return id;
    }

    @Override
    public List<String> unknownPlaces(Tenant tenant, Collection<String> names) {
        List<String> known = elsewhere.run(
                Scope.system(tenant),
                () -> jdbc.sql("select lower(name) from place")
                        .query(String.class)
                        .list());
        return names.stream()
                .filter(n -> !known.contains(n.toLowerCase(Locale.ROOT)))
                .toList();
    }

    Map<String, Long> placeIdsByName() {
        Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("select id, name from place")
                .query((rs, n) -> ids.put(rs.getString("name"), rs.getLong("id")))
                .list();
        return ids;
    }
}
