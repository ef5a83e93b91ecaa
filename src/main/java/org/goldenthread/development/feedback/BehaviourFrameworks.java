package org.goldenthread.development.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.JsonProblems;
import org.goldenthread.platform.Text;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The behaviour frameworks of the ICS in scope and the one Golden Thread ships. An ICS adopts the
 * shipped one as it is, or adapts it by importing an edited copy under the same code, or imports a
 * framework of its own. A round keeps a copy of the framework it started with, so changing a
 * framework never changes a round.
 */
@Component
class BehaviourFrameworks {

    static final String SHIPPED = "system-leadership";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Audit audit;

    BehaviourFrameworks(JdbcClient jdbc, ObjectMapper json, Audit audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    BehaviourFramework shipped() {
        try {
            return json.readValue(
                    new ClassPathResource("development/feedback/" + SHIPPED + ".json").getContentAsByteArray(),
                    BehaviourFramework.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ICS's frameworks by title; the shipped one among them as if adopted, until it has its own. */
    List<BehaviourFramework> frameworks() {
        List<BehaviourFramework> own = jdbc.sql("select definition from feedback_framework order by code")
                .query((rs, n) -> read(rs.getString("definition")))
                .list();
        if (own.stream().noneMatch(f -> SHIPPED.equals(f.code()))) {
            own = new java.util.ArrayList<>(own);
            own.add(0, shipped());
        }
        return own;
    }

    /** Whether the ICS has a framework of its own under this code (the shipped one, once adapted). */
    boolean isOwn(String code) {
        return jdbc.sql("select exists (select 1 from feedback_framework where code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    /** The framework a new round uses: the ICS's own with that code, or the shipped one. */
    BehaviourFramework framework(String code) {
        return frameworks().stream()
                .filter(f -> code.equals(f.code()))
                .findFirst()
                .orElseThrow(() -> new InvalidInput("framework", "This ICS has no behaviour framework called " + code));
    }

    /** Reads a framework file, naming the problem when it is not JSON of the right shape. */
    BehaviourFramework parse(byte[] file) {
        Text.unstorableInJson(file).ifPresent(problem -> {
            throw new InvalidInput(List.of(problem));
        });
        try {
            return json.readValue(file, BehaviourFramework.class);
        } catch (JacksonException e) {
            throw new InvalidInput("file", "This is not a behaviour framework file (" + JsonProblems.describe(e) + ")");
        }
    }

    /** Saves a framework under its code, in place of any the ICS had with that code. */
    @Transactional
    BehaviourFramework save(BehaviourFramework framework) {
        List<org.goldenthread.platform.Problem> problems = framework.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                        insert into feedback_framework (code, definition) values (:code, cast(:definition as jsonb))
                        on conflict (ics_id, code) do update set definition = excluded.definition""")
                .param("code", framework.code())
                .param("definition", json.writeValueAsString(framework))
                .update();
        audit.record(
                "feedback.framework_saved",
                "feedback_framework",
                framework.code(),
                null,
                Map.of(
                        "title",
                        String.valueOf(framework.title()),
                        "behaviours",
                        framework.behaviours().size()));
        return framework;
    }

    BehaviourFramework read(String definition) {
        return json.readValue(definition, BehaviourFramework.class);
    }

    String write(BehaviourFramework framework) {
        return json.writeValueAsString(framework);
    }
}
