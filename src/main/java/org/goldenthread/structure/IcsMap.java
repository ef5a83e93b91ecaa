package org.goldenthread.structure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.platform.Audit;
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
