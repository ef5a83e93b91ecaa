package org.goldenthread.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.tenancy.Tenants;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The structure module started with only what it depends on: platform, which holds the database,
 * tenancy and security. People, insight, engagement and assessment are left out, so this shows
 * that the geography of an ICS works against the embedded database without them. (Structure cannot
 * start alone: its services need platform's data source, audit trail and tenancy.)
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(
        properties = {
            "gt.database.ephemeral=true",
            "gt.admin.email=" + IntegrationTest.ADMIN_EMAIL,
            "gt.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
            "gt.demo=false"
        })
class StructureModuleTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ApplicationContext context;
    private final IcsMap map;
    private final Tenants tenants;

    StructureModuleTest(ApplicationContext context, IcsMap map, Tenants tenants) {
        this.context = context;
        this.map = map;
        this.tenants = tenants;
    }

    @Test
    void theModuleStartsWithPlatformAndNoOtherModule() {
        assertThat(Arrays.stream(context.getBeanDefinitionNames())
                        .map(context::getType)
                        .filter(type -> type != null && type.getPackageName().startsWith("org.goldenthread.")))
                .extracting(type -> type.getPackageName().split("\\.")[2])
                .contains("structure", "platform")
                .doesNotContain("people", "insight", "engagement", "assessment");
    }

    @Test
    void aPlaceAndItsNeighbourhoodAreKeptInTheirIcsAndRefusedTwice() {
        Tenant north = ics("Module North");
        Tenant south = ics("Module South");

        Place riverside = in(north, () -> map.addPlace(" Riverside ", "Riverside Council", 180_000));
        assertThat(riverside.name()).isEqualTo("Riverside");
        Neighbourhood pcn = in(north, () -> map.addNeighbourhood("Riverside West PCN", "riverside", "u123", 40_000));
        assertThat(pcn.place()).isEqualTo("Riverside");
        assertThat(pcn.odsCode()).isEqualTo("U123");

        assertThat(in(north, map::places)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(riverside.id());
            assertThat(p.neighbourhoodCount()).isEqualTo(1);
            assertThat(p.population()).isEqualTo(180_000);
        });
        assertThat(in(north, map::counts)).isEqualTo(new IcsMap.Counts(1, 1, 0));
        assertThatThrownBy(() -> in(north, () -> map.addPlace("RIVERSIDE", null, null)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("name"));

        // row-level security keeps the other ICS's geography out of sight, and its names free
        assertThat(in(south, map::places)).isEmpty();
        assertThat(in(south, map::neighbourhoods)).isEmpty();
        assertThat(in(south, () -> map.addPlace("Riverside", null, null)).name())
                .isEqualTo("Riverside");
    }

    private Tenant ics(String name) {
        String ods =
                "M" + Integer.toString(36 * 36 + SEQUENCE.incrementAndGet(), 36).toUpperCase();
        return Scope.systemPlatform().run(() -> {
            tenants.create(ods, name, "Test region");
            return tenants.tenant(ods).orElseThrow();
        });
    }

    private static <T> T in(Tenant tenant, java.util.function.Supplier<T> work) {
        return Scope.system(tenant).run(work);
    }
}
