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
 * Two readers finding figures due at once release them once: the second waits for the first's release
 * and, measured against it, finds nothing to release. Were it to release what it worked out before,
 * the two releases could differ by one person.
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
    void aSecondReaderFindingTheFiguresDueWaitsAndReleasesNothingWhenTheFirstHasReleased() throws Exception {
        String ods = createIcs("Releases");
        int k = small.platformMinGroupSize();
        // what is kept, and what each reader worked out today: k people more
        AtomicReference<Counted> kept = new AtomicReference<>(new Counted(10));
        Counted today = new Counted(10 + k);
        AtomicInteger released = new AtomicInteger();
        CountDownLatch firstReleasing = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);

        CompletableFuture<Counted> first = CompletableFuture.supplyAsync(() -> inIcs(
                ods,
                () -> transactions.execute(status ->
                        releases.current("test figures", null, kept::get, c -> today.people() - c.people(), () -> {
                            firstReleasing.countDown();
                            await(letFirstFinish);
                            released.incrementAndGet();
                            kept.set(today);
                            return today;
                        }))));
        assertThat(firstReleasing.await(20, TimeUnit.SECONDS)).isTrue();

        CountDownLatch secondAsked = new CountDownLatch(1);
        CompletableFuture<Counted> second = CompletableFuture.supplyAsync(() -> inIcs(
                ods,
                () -> transactions.execute(status -> releases.current(
                        "test figures",
                        null,
                        () -> {
                            secondAsked.countDown();
                            return kept.get();
                        },
                        c -> today.people() - c.people(),
                        () -> {
                            released.incrementAndGet();
                            return today;
                        }))));
        assertThat(secondAsked.await(20, TimeUnit.SECONDS)).isTrue();
        // the second found the figures due and now waits for the first's lock
        Thread.sleep(300);
        assertThat(second).isNotDone();

        letFirstFinish.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(today);
        assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(today);
        assertThat(released).hasValue(1);
    }

    @Test
    void figuresChangedByFewerThanKStandAndNoneKeptAreReleased() {
        String ods = createIcs("Releases");
        int k = small.platformMinGroupSize();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        AtomicInteger released = new AtomicInteger();

        Counted stood = inIcs(
                ods,
                () -> transactions.execute(
                        status -> releases.current("test figures", null, () -> new Counted(10), c -> k - 1, () -> {
                            released.incrementAndGet();
                            return new Counted(10 + k - 1);
                        })));
        Counted first = inIcs(
                ods,
                () -> transactions.execute(status -> releases.current("test figures", null, () -> null, c -> 0, () -> {
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
