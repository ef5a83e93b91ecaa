package org.goldenthread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module; only the types in a module's root package are its public
 * API. This fails the build when one module reaches into another's internals or modules form a cycle.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(GoldenThreadApplication.class);
    private static final Path DOCUMENTATION = Path.of("docs", "modules");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    /**
     * Writes the module diagrams (PlantUML) and canvases (AsciiDoc) into docs/modules, so the
     * pictures of the modules are redrawn from the code on every build; commit what changes.
     */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString()))
                .writeDocumentation();
        sortRelationships(DOCUMENTATION);
    }

    /**
     * The diagrams list their relationships in no fixed order from one run to the next; sorted, an
     * unchanged design leaves the committed files unchanged.
     */
    private static void sortRelationships(Path folder) throws IOException {
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(folder)) {
            diagrams = files.filter(f -> f.toString().endsWith(".puml")).toList();
        }
        for (Path diagram : diagrams) {
            List<String> lines = Files.readAllLines(diagram);
            Iterator<String> sorted = lines.stream()
                    .filter(ModularityTest::isRelationship)
                    .sorted()
                    .iterator();
            List<String> written = lines.stream()
                    .map(l -> isRelationship(l) ? sorted.next() : l)
                    .toList();
            Files.writeString(diagram, String.join("\n", written) + "\n");
        }
    }

    private static boolean isRelationship(String line) {
        return line.startsWith("Rel(");
    }
}
