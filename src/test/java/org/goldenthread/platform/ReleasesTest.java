package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two readers finding figures due at once release them once: the second shows what is kept, or, with
 * nothing kept yet, waits for the first's release and, measured against it, finds nothing to release.
 * Were it to release what it worked out before, the two releases could differ by one person.
 */
class ReleasesTest extends IntegrationTest {

    @Autowired
    private Releases releases;

    @Autowired
    private SmallNumbers small;

    @Autowired
    private PlatformTransactionManager transactionManager;

    /** A release: the people it counted. */
    private record Counted(int people) {}

    @Test
    void withNothingKeptASecondReaderWaitsForTheFirstsReleaseAndReleasesNothingMore() throws Exception {
        String ods = createIcs("Releases");
        int k = small.platformMinGroupSize();
        AtomicReference<Counted> kept = new AtomicReference<>();
        Counted today = new Counted(10 + k);
        AtomicInteger released = new AtomicInteger();
        Releasing first = new Releasing(ods, kept, today, released);
        CompletableFuture<Counted> second = reader(ods, kept, () -> {
            released.incrementAndGet();
            return today;
        });
        // the second found nothing kept and waits for the first's lock
        Thread.sleep(300);
        assertThat(second).isNotDone();

        first.finish.countDown();
        assertThat(first.done.get(20, TimeUnit.SECONDS)).isEqualTo(today);
        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(today);
        assertThat(released).hasValue(1);
    }

    @Test
    void whileOneReaderReleasesAnotherShowsWhatIsKeptWithoutWaiting() throws Exception {
        String ods = createIcs("Releases");
        int k = small.platformMinGroupSize();
        Counted before = new Counted(10);
        AtomicReference<Counted> kept = new AtomicReference<>(before);
        Counted today = new Counted(10 + k);
        AtomicInteger released = new AtomicInteger();
        Releasing first = new Releasing(ods, kept, today, released);
        Counted second = reader(ods, kept, () -> {
                    released.incrementAndGet();
                    return today;
                })
                .get(20, TimeUnit.SECONDS);

        assertThat(second).isEqualTo(before);
        first.finish.countDown();
        assertThat(first.done.get(20, TimeUnit.SECONDS)).isEqualTo(today);
        assertThat(released).hasValue(1);
    }

    /** A release counts answers as they stand when it is made, so it waits for a writer who is changing them. */
    @Test
    void aReleaseWaitsForAWriterOfWhatItCounts() throws Exception {
        String ods = createIcs("Releases");
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch letWriterFinish = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> inIcs(ods, () -> {
            transactions.executeWithoutResult(status -> {
                releases.writing(Releases.REPRESENTATION, null);
                writing.countDown();
                await(letWriterFinish);
            });
            return null;
        }));
        assertThat(writing.await(20, TimeUnit.SECONDS)).isTrue();
        AtomicInteger released = new AtomicInteger();
        CompletableFuture<Counted> reader = reader(ods, new AtomicReference<>(), () -> {
            released.incrementAndGet();
            return new Counted(3);
        });
        Thread.sleep(300);
        assertThat(reader).isNotDone();

        letWriterFinish.countDown();
        writer.get(20, TimeUnit.SECONDS);
        assertThat(reader.get(20, TimeUnit.SECONDS)).isEqualTo(new Counted(3));
        assertThat(released).hasValue(1);
    }

    /** A reader that found the figures due and is releasing {@code today}, held there until {@link #finish}. */
    private final class Releasing {

        final CountDownLatch finish = new CountDownLatch(1);
        final CompletableFuture<Counted> done;

        Releasing(String ods, AtomicReference<Counted> kept, Counted today, AtomicInteger released)
                throws InterruptedException {
            CountDownLatch started = new CountDownLatch(1);
            done = reader(ods, kept, () -> {
                started.countDown();
                await(finish);
                released.incrementAndGet();
                kept.set(today);
                return today;
            });
            assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A reader of leaders' figures in the ICS, today k people more than {@code kept} (when there is one). */
    private CompletableFuture<Counted> reader(
            String ods, AtomicReference<Counted> kept, java.util.function.Supplier<Counted> release) {
        int today = 10 + small.platformMinGroupSize();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        return CompletableFuture.supplyAsync(() -> inIcs(
                ods,
                () -> transactions.execute(status ->
                        releases.current(Releases.REPRESENTATION, null, kept::get, c -> today - c.people(), release))));
    }

    @Test
    void figuresChangedByFewerThanKStandAndNoneKeptAreReleased() {
        String ods = createIcs("Releases");
        int k = small.platformMinGroupSize();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        AtomicInteger released = new AtomicInteger();

        Counted stood = inIcs(
                ods,
                () -> transactions.execute(status ->
                        releases.current(Releases.REPRESENTATION, null, () -> new Counted(10), c -> k - 1, () -> {
                            released.incrementAndGet();
                            return new Counted(10 + k - 1);
                        })));
        Counted first = inIcs(
                ods,
                () -> transactions.execute(
                        status -> releases.current(Releases.REPRESENTATION, null, () -> null, c -> 0, () -> {
                            released.incrementAndGet();
                            return new Counted(3);
                        })));

        assertThat(stood).isEqualTo(new Counted(10));
        assertThat(first).isEqualTo(new Counted(3));
        assertThat(released).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
