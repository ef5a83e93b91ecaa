package org.goldenthread.people;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.goldenthread.platform.ProfessionDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The professions leaders come from. The reference list is loaded on every start (new entries
 * only, so an administrator's additions and edits stay) and then held in memory: it is small and
 * read on every register row.
 */
@Service
public class Professions implements InitializingBean, ProfessionDirectory {

    /** The two reference groups that hold seats but are not clinical or care professions. */
    static final Set<String> NOT_CLINICAL_OR_CARE = Set.of("manager", "expert_by_experience");

    private final JdbcClient jdbc;
    private volatile Map<String, Profession> byCode = Map.of();
    private volatile List<Profession> ordered = List.of();
    private volatile List<ProfessionDirectory.Listed> listed = List.of();
    private volatile Map<String, String> names = Map.of();

    Professions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() throws IOException {
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("reference/professions.csv").getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader)) {
                jdbc.sql("""
                                insert into profession (code, name, profession_group, regulator, registration_pattern,
                                                        clinical_and_care)
                                values (:code, :name, :group, nullif(:regulator, ''), nullif(:pattern, ''), :clinical)
                                on conflict (code) do nothing""")
                        .param("code", r.get("code"))
                        .param("name", r.get("name"))
                        .param("group", r.get("group"))
                        .param("regulator", r.get("regulator"))
                        .param("pattern", r.get("registration_pattern"))
                        .param("clinical", !NOT_CLINICAL_OR_CARE.contains(r.get("code")))
                        .update();
            }
        }
        reload();
    }

    private void reload() {
        Map<String, Profession> loaded = new LinkedHashMap<>();
        jdbc.sql("""
                        select code, name, profession_group, regulator, registration_pattern, clinical_and_care
                          from profession order by profession_group, name""").query(Profession.class).list().forEach(p -> loaded.put(p.code(), p));
        byCode = Map.copyOf(loaded);
        ordered = List.copyOf(loaded.values());
        listed = ordered.stream()
                .map(p -> new ProfessionDirectory.Listed(p.code(), p.name(), p.professionGroup()))
                .toList();
        Map<String, String> named = new LinkedHashMap<>();
        ordered.forEach(p -> named.put(p.code(), p.name()));
        names = java.util.Collections.unmodifiableMap(named);
    }

    public List<Profession> all() {
        return ordered;
    }

    /** Each profession's name by its code, in the reference list's order: what pages show for a code. */
    public Map<String, String> names() {
        return names;
    }

    @Override
    public List<ProfessionDirectory.Listed> professions() {
        return listed;
    }

    public Optional<Profession> find(@Nullable String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.trim()));
    }

    /** Codes of the clinical and care professions: every profession but managers and experts by experience. */
    public List<String> clinicalAndCareCodes() {
        return ordered.stream()
                .filter(Profession::clinicalAndCare)
                .map(Profession::code)
                .sorted()
                .toList();
    }
}
