package org.goldenthread.platform;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures about people that move in steps of k. Counts read before and after one person joined, left
 * or gave new answers differ by that person, and who joins or leaves is often public; so such figures
 * are kept as released and released anew only once at least k of the people behind them have changed.
 *
 * <p>Two readers may find the figures due at once. Each decides again under the figures' lock, against
 * what is kept by then: without that, the second would replace the first's release with figures it
 * worked out before, which may differ from the first's by one person.
 */
@Component
public class Releases {

    /** Representation of leaders against the workforce, by profession group and level. */
    public static final String REPRESENTATION = "representation";

    /** What exit conversations said, over the last twelve months. */
    public static final String EXIT_ANSWERS = "exit answers";

    /** A programme's participants by leader type. */
    public static final String LEADER_TYPES = "leader types";

    private final JdbcClient jdbc;
    private final SmallNumbers small;

    Releases(JdbcClient jdbc, SmallNumbers small) {
        this.jdbc = jdbc;
        this.small = small;
    }

    /**
     * The figures to show: those kept, unless there are none yet or {@code changedSince} says at least k
     * people differ from them, when {@code release} replaces them and its figures are shown. Runs in the
     * caller's transaction, which holds the figures' lock from the moment they are found due until it ends.
     * While another holds the lock (a reader releasing, or a writer of what they count), a reader with
     * figures kept shows those rather than wait: they are a release like any other.
     *
     * @param figures one of this class's names, so that each kind has a lock of its own
     * @param key which of them (a programme, say); null for the ICS in scope
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <R> R current(
            String figures,
            @Nullable Long key,
            Supplier<@Nullable R> kept,
            ToIntFunction<R> changedSince,
            Supplier<R> release) {
        R last = kept.get();
        if (last != null && changedSince.applyAsInt(last) < small.minGroupSize()) {
            return last;
        }
        if (last == null) {
            lock(figures, key);
        } else if (!tryLock(figures, key)) {
            return last;
        }
        last = kept.get();
        if (last != null && changedSince.applyAsInt(last) < small.minGroupSize()) {
            return last;
        }
        return release.get();
    }

    /**
     * For a writer of what the figures count, when a release counts it at the time it is made rather than
     * from what was compared: held until the writer's transaction ends, so that a release waits for the
     * write and sees it whole, and the writer, started after a release, sees that release.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void writing(String figures, @Nullable Long key) {
        waitFor("pg_advisory_xact_lock_shared", figures, key);
    }

    private void lock(String figures, @Nullable Long key) {
        waitFor("pg_advisory_xact_lock", figures, key);
    }

    /** Takes the lock with {@code function}, one of PostgreSQL's waiting advisory-lock functions. */
    private void waitFor(String function, String figures, @Nullable Long key) {
        jdbc.sql("select count(*) from (select " + function + "(hashtext(:figures), :id)) locked")
                .param("figures", figures)
                .param("id", id(figures, key))
                .query(Integer.class)
                .single();
    }

    private boolean tryLock(String figures, @Nullable Long key) {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext(:figures), :id)")
                .param("figures", figures)
                .param("id", id(figures, key))
                .query(Boolean.class)
                .single());
    }

    /** The lock's second half: the key, or the ICS in scope; ids past an int's range wrap, as elsewhere. */
    private int id(String figures, @Nullable Long key) {
        Long id = key;
        if (id == null) {
            List<Long> ics =
                    jdbc.sql("select gt_current_ics()").query(Long.class).list();
            id = ics.isEmpty() ? null : ics.get(0);
        }
        // without an ICS in scope the lock would be on nothing, and two releases could interleave
        Objects.requireNonNull(id, () -> "No ICS in scope to release " + figures + " in");
        return (int) (id % Integer.MAX_VALUE);
    }
}
