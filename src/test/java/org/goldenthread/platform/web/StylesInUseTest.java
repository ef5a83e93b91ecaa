package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet is built with only the NHS.UK components nhsuk.scss names, so a template that
 * starts using another component would look unstyled with nothing else noticing: every NHS.UK class
 * named in a template, in Java or in our script must have a rule in the built stylesheet, or be one
 * the frontend's own component markup carries for its scripts (a class renamed in a new version of
 * the frontend is neither, and fails here too).
 */
class StylesInUseTest {

    private static final Pattern CLASS = Pattern.compile("\\bnhsuk-[a-z0-9]+(?:[_-]{1,2}[a-z0-9]+)*");
    private static final Path BUILT = Path.of("target/classes/static/css/nhsuk.css");
    private static final Path COMPONENTS = Path.of("src/main/frontend/node_modules/nhsuk-frontend/dist/nhsuk");

    @Test
    void everyNhsukClassTheApplicationNamesIsInTheBuiltStylesheet() throws IOException {
        assertThat(BUILT).as("built by the npm step of the build").exists();
        String css = Files.readString(BUILT, StandardCharsets.UTF_8);
        Set<String> markup = componentMarkup();
        Set<String> missing = new TreeSet<>();
        for (String root : new String[] {"src/main/resources/templates", "src/main/java", "src/main/frontend"}) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(StylesInUseTest::isSource).toList()) {
                    Matcher m = CLASS.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (m.find()) {
                        String name = m.group();
                        if (!css.contains("." + name) && !markup.contains(name) && !name.startsWith("nhsuk-icon--")) {
                            missing.add(name + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing)
                .as("NHS.UK classes with no rule in the built stylesheet: add their component to nhsuk.scss")
                .isEmpty();
    }

    /** The classes the frontend's component templates write, hooks for its scripts among them. */
    private static Set<String> componentMarkup() throws IOException {
        Set<String> names = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(COMPONENTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".njk")).toList()) {
                Matcher m = CLASS.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    private static boolean isSource(Path file) {
        String name = file.toString();
        return !name.contains("node_modules")
                && (name.endsWith(".html") || name.endsWith(".java") || name.endsWith(".js"));
    }
}
