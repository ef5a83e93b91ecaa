package org.goldenthread.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Business figures for the operators' Prometheus ({@code /actuator/prometheus}): how many ICSs,
 * people, open surveys and so on the whole installation holds. Each module registers its own, as a
 * count taken in one ICS's scope (row-level security shows nothing else) and summed here over every
 * ICS. Counting every ICS on every scrape would cost as much as the traffic it watches, so a figure
 * is counted at most every {@link #FRESH} and the last count is given in between.
 */
@Component
public class Figures {

    static final Duration FRESH = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Figures.class);

    private final MeterRegistry meters;
    private final TenantDirectory tenants;
    private final ScopedTransactions transactions;

    Figures(MeterRegistry meters, TenantDirectory tenants, ScopedTransactions transactions) {
        this.meters = meters;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    /** A figure summed over every ICS still in use, each counted in its own scope. */
    public void summedOverIcss(String name, String description, Supplier<Long> countInScope) {
        register(name, description, () -> {
            long total = 0;
            for (Tenant tenant : Scope.systemPlatform().run(tenants::activeTenants)) {
                total += transactions.run(Scope.system(tenant), countInScope);
            }
            return total;
        });
    }

    /** A figure of the platform's own, counted in the platform's scope. */
    public void platformWide(String name, String description, Supplier<Long> count) {
        register(name, description, () -> transactions.run(Scope.systemPlatform(), count));
    }

    private void register(String name, String description, Supplier<Long> count) {
        Gauge.builder(name, new Remembered(name, count), Remembered::value)
                .description(description)
                .strongReference(true)
                .register(meters);
    }

    /** The last count of one figure and when it was taken. */
    private static final class Remembered {
        private final String name;
        private final Supplier<Long> count;
        private double value = Double.NaN;
        private long countedAt;

        Remembered(String name, Supplier<Long> count) {
            this.name = name;
            this.count = count;
        }

        synchronized double value() {
            long now = System.nanoTime();
            if (Double.isNaN(value) || now - countedAt >= FRESH.toNanos()) {
                try {
                    value = count.get();
                    countedAt = now;
                } catch (RuntimeException e) {
                    // a scrape while the database is away shows the last count, not an error page
                    log.warn("Could not count {}: {}", name, e.getMessage());
                }
            }
            return value;
        }
    }
}
