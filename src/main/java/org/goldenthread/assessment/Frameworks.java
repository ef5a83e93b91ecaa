package org.goldenthread.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.JsonProblems;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The frameworks of the ICS in scope, and the ones Golden Thread ships for an ICS to adopt and
 * adapt. A framework is kept as one document; saving one with a code the ICS already uses
 * replaces it, which never touches a cycle already run against it.
 */
@Service
public class Frameworks {

    /** The frameworks that ship with Golden Thread, by code, in the order they are offered. */
    static final List<String> SHIPPED = List.of("national-2021", "draft-principles-2021");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Audit audit;

    Frameworks(JdbcClient jdbc, ObjectMapper json, Audit audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    public record Stored(long id, Framework framework) {}

    public List<Framework> shipped() {
        return SHIPPED.stream().map(this::shipped).toList();
    }

    public Framework shipped(String code) {
        if (!SHIPPED.contains(code)) {
            throw new NotFound("Golden Thread ships no framework called " + code);
        }
        try {
            return json.readValue(
                    new ClassPathResource("assessment/" + code + ".json").getContentAsByteArray(), Framework.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Stored> frameworks() {
        return jdbc.sql("select id, definition from framework order by definition->>'title'")
                .query((rs, n) -> new Stored(rs.getLong("id"), read(rs.getString("definition"))))
                .list();
    }

    public Stored framework(long id) {
        return jdbc.sql("select id, definition from framework where id = :id")
                .param("id", id)
                .query((rs, n) -> new Stored(rs.getLong("id"), read(rs.getString("definition"))))
                .optional()
                .orElseThrow(() -> new NotFound("No framework with id " + id + " in this ICS"));
    }

    /** Reads a framework file, naming the problem when it is not JSON of the right shape. */
    public Framework parse(byte[] file) {
        Text.unstorableInJson(file).ifPresent(problem -> {
            throw new InvalidInput(List.of(problem));
        });
        try {
            return json.readValue(file, Framework.class);
        } catch (JacksonException e) {
            throw new InvalidInput("file", "This is not a framework file (" + JsonProblems.describe(e) + ")");
        }
    }

    /** Saves a framework under its code: a new one, or in place of the ICS's framework with that code. */
    @Transactional
    public long save(Framework framework) {
        return save(framework, false);
    }

    /**
     * Starts a framework of the ICS's own, such as a list of local expectations: its title and
     * scale now, its principles added one by one on its page.
     */
    @Transactional
    public long start(
            @Nullable String code,
            @Nullable String title,
            @Nullable String description,
            List<@Nullable String> levelNames) {
        if (code != null
                && jdbc.sql("select count(*) from framework where code = :code")
                                .param("code", code.trim())
                                .query(Integer.class)
                                .single()
                        > 0) {
            throw new InvalidInput("code", "This ICS already has a framework with the code " + code.trim());
        }
        List<Framework.ScaleLevel> scale = new ArrayList<>();
        for (int i = 0; i < levelNames.size(); i++) {
            if (levelNames.get(i) != null || i < 2) {
                scale.add(new Framework.ScaleLevel(i + 1, levelNames.get(i), null));
            }
        }
        return save(new Framework(code == null ? null : code.trim(), title, description, scale, List.of()), true);
    }

    private long save(Framework framework, boolean started) {
        List<Problem> problems = FrameworkRules.check(framework, started);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        String document = json.writeValueAsString(framework);
        Long existing = jdbc.sql("select id from framework where code = :code for update")
                .param("code", framework.code())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (existing != null) {
            Framework before = framework(existing).framework();
            jdbc.sql("update framework set definition = cast(:d as jsonb), updated_at = now() where id = :id")
                    .param("d", document)
                    .param("id", existing)
                    .update();
            audit.record(
                    "framework.changed",
                    "framework",
                    existing,
                    Map.of("code", before.code(), "title", before.title()),
                    Map.of("code", framework.code(), "title", framework.title()));
            return existing;
        }
        long id = jdbc.sql("insert into framework (code, definition) values (:code, cast(:d as jsonb)) returning id")
                .param("code", framework.code())
                .param("d", document)
                .query(Long.class)
                .single();
        audit.record(
                "framework.added", "framework", id, null, Map.of("code", framework.code(), "title", framework.title()));
        return id;
    }

    /** Copies a framework that ships with Golden Thread into the ICS, to use as it is or adapt. */
    @Transactional
    public long adopt(@Nullable String code) {
        if (code == null || !SHIPPED.contains(code)) {
            throw new InvalidInput(
                    "code", "Choose one of the frameworks that ship with Golden Thread: " + String.join(", ", SHIPPED));
        }
        if (jdbc.sql("select count(*) from framework where code = :code")
                        .param("code", code)
                        .query(Integer.class)
                        .single()
                > 0) {
            throw new InvalidInput("code", "This ICS already has the framework " + code + "; change that one instead");
        }
        return save(shipped(code));
    }

    /** Adds one principle, with its first indicator, at the end of a framework. */
    @Transactional
    public void addPrinciple(long id, Framework.Principle principle) {
        Framework f = framework(id).framework();
        List<Framework.Principle> principles = new ArrayList<>(f.principles());
        principles.add(principle);
        save(new Framework(f.code(), f.title(), f.description(), f.scale(), principles));
    }

    /** Replaces an indicator (found by code) or, for a code not yet in the framework, adds it to a principle. */
    @Transactional
    public void putIndicator(long id, String principleCode, Framework.Indicator indicator) {
        Framework f = framework(id).framework();
        boolean found = f.principles().stream().anyMatch(p -> p.code().equals(principleCode));
        if (!found) {
            throw new InvalidInput("principle", "This framework has no principle " + principleCode);
        }
        List<Framework.Principle> principles = f.principles().stream()
                .map(p -> {
                    List<Framework.Indicator> indicators = new ArrayList<>(p.indicators().stream()
                            .filter(i -> !i.code().equals(indicator.code())
                                    || p.code().equals(principleCode))
                            .map(i -> i.code().equals(indicator.code()) ? indicator : i)
                            .toList());
                    if (p.code().equals(principleCode)
                            && indicators.stream().noneMatch(i -> i.code().equals(indicator.code()))) {
                        indicators.add(indicator);
                    }
                    return new Framework.Principle(p.code(), p.group(), p.title(), p.description(), indicators);
                })
                .toList();
        save(new Framework(f.code(), f.title(), f.description(), f.scale(), principles));
    }

    private Framework read(String document) {
        return json.readValue(document, Framework.class);
    }
}
