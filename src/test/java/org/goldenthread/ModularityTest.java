package org.goldenthread;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module; only the types in a module's root package are its public
 * API. This fails the build when one module reaches into another's internals or modules form a cycle.
 */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(GoldenThreadApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    /**
     * Writes the module diagrams (PlantUML) and canvases (AsciiDoc) into docs/modules, so the
     * pictures of the modules are redrawn from the code on every build; commit what changes.
     */
    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
    }
}
