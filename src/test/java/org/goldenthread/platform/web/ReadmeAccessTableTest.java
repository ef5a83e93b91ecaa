package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The README's table of API calls says who may make each one as the access declarations do: its
 * calls and "who" column are built from {@link AccessDeclaration} for every /api/v1 mapping, and
 * only the "what" column is written by hand. When they differ the test fails and shows the table
 * as it should be; run it with {@code -Dreadme.rewrite=true} to write that table into README.md,
 * keeping each row's "what".
 */
class ReadmeAccessTableTest extends IntegrationTest {

    static final String START =
            "<!-- api-table:start (generated from the access declarations by ReadmeAccessTableTest) -->";
    static final String END = "<!-- api-table:end -->";
    private static final Path README = Path.of("README.md");
    private static final List<RequestMethod> METHOD_ORDER = List.of(
            RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /** One line of the table; the calls and who are generated, what is the README's own words. */
    record Row(String calls, String who, String what) {

        String line() {
            return "| `" + calls + "` | " + who + " | " + what + " |";
        }

        boolean sameCallAndWho(Row other) {
            return calls.equals(other.calls) && who.equals(other.who);
        }
    }

    @Test
    void theReadmeSaysWhoMayCallEachApiCallAsTheDeclarationsDo() throws IOException {
        String readme = Files.readString(README);
        List<Row> written = rows(section(readme));
        List<Row> expected = expected(written);

        boolean same = expected.size() == written.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = expected.get(i).sameCallAndWho(written.get(i));
        }
        if (!same && Boolean.getBoolean("readme.rewrite")) {
            Files.writeString(README, withSection(readme, table(expected)));
            return;
        }
        assertThat(same)
                .as(
                        "README.md's API table (between %s and %s) should read, in its calls and who:%n%s%n"
                                + "Run this test with -Dreadme.rewrite=true to write it, keeping each row's what.",
                        START, END, table(expected))
                .isTrue();
    }

    @Test
    void aRowWhoseWhoDiffersFromTheDeclarationIsCaught() {
        List<Row> written = rows("""
                | call | who | what |
                |---|---|---|
                | `GET /api/v1/ics/{ods}/insight` | ICS administrator, Place lead | leadership figures |
                """);
        List<Row> expected = expected(written);
        Row insight = expected.stream()
                .filter(r -> r.calls().equals("GET /api/v1/ics/{ods}/insight"))
                .findFirst()
                .orElseThrow();

        assertThat(insight.who()).isEqualTo("ICS administrator, Place lead, Analyst");
        assertThat(insight.what()).as("the README's own words are kept").isEqualTo("leadership figures");
        assertThat(insight.sameCallAndWho(written.get(0))).isFalse();
    }

    /**
     * One row per path and group of methods allowed to the same callers, in path order; a row's
     * "what" is the README's where it has that row, or else the handler's summary to start from.
     */
    private List<Row> expected(List<Row> written) {
        Map<String, String> whatByCalls =
                written.stream().collect(Collectors.toMap(Row::calls, Row::what, (a, b) -> a));
        Map<String, Map<RequestMethod, HandlerMethod>> byPath = new TreeMap<>();
        mappings.getHandlerMethods()
                .forEach((info, handler) -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/v1/") && !p.startsWith("/api/v1/openapi"))
                        .forEach(p -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(m -> byPath.computeIfAbsent(p, k -> new TreeMap<>())
                                        .put(m, handler))));
        List<Row> rows = new ArrayList<>();
        byPath.forEach((path, handlers) -> {
            Map<String, List<RequestMethod>> methodsByWho = new LinkedHashMap<>();
            METHOD_ORDER.stream()
                    .filter(handlers::containsKey)
                    .forEach(m -> methodsByWho
                            .computeIfAbsent(who(handlers.get(m)), k -> new ArrayList<>())
                            .add(m));
            methodsByWho.forEach((who, methods) -> {
                String calls = methods.stream().map(Enum::name).collect(Collectors.joining(", ")) + " " + path;
                String what = whatByCalls.getOrDefault(calls, summary(handlers.get(methods.get(0))));
                rows.add(new Row(calls, who, what));
            });
        });
        return rows;
    }

    private static String who(HandlerMethod handler) {
        return AccessDeclaration.of(handler).map(AccessDeclaration::who).orElse("nobody (no access declaration)");
    }

    private static String summary(HandlerMethod handler) {
        Operation operation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Operation.class);
        return operation == null ? "" : operation.summary();
    }

    private static String section(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README.md marks its API table with " + START).isNotNegative();
        assertThat(end).as("README.md ends its API table with " + END).isGreaterThan(start);
        return readme.substring(start + START.length(), end);
    }

    private static String withSection(String readme, String table) {
        return readme.substring(0, readme.indexOf(START) + START.length()) + "\n" + table
                + readme.substring(readme.indexOf(END));
    }

    private static List<Row> rows(String table) {
        List<Row> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            // cells hold no bare "|": a call or a who never does, and a what escapes it
            String[] cells = line.substring(1, line.lastIndexOf('|')).split("(?<!\\\\)\\|", 3);
            rows.add(new Row(cells[0].strip().replaceAll("^`|`$", ""), cells[1].strip(), cells[2].strip()));
        }
        return rows;
    }

    private static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("| call | who | what |\n|---|---|---|\n");
        rows.forEach(r -> table.append(r.line()).append('\n'));
        return table.toString();
    }
}
