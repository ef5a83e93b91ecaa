package org.goldenthread;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module; only the types in a module's root package are its public
 * API. This fails the build when one module reaches into another's internals or modules form a cycle.
 */
class ModularityTest {

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(GoldenThreadApplication.class).verify();
    }
}
