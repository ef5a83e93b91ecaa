package org.goldenthread.engagement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Single responses that arrive together are stored together: one statement and one commit for as
 * many as are waiting, rather than one each. Whoever arrives while no one is storing stores what
 * is waiting (its own response among it), and the others wait for that commit; so each sender is
 * answered only once its response is committed, and a response arriving alone is stored at once.
 * A commit waits for the disk and costs the database more than the row itself, so sharing it lets
 * many more single responses in a second, with {@code synchronous_commit} on throughout.
 * <p>
 * Responses wait in a lane of their own survey and scope (the settings the row-level-security
 * policies read), so a survey whose row is held up (say, locked while it is being deleted) holds
 * up only its own responses, never another survey's or another ICS's.
 */
@Component
class Intake {

    /** At most this many in one statement, so that no sender waits behind an unbounded batch. */
    private static final int MOST = 256;

    private final Surveys surveys;
    private final Map<LaneKey, Lane> lanes = new ConcurrentHashMap<>();

    Intake(Surveys surveys) {
        this.surveys = surveys;
    }

    /** A survey and the settings the row-level-security policies read in the sender's scope. */
    private record LaneKey(long surveyId, Scope.RowSecurity rowSecurity) {}

    /** The responses of one survey in one scope waiting to be stored, and whether someone is storing them now. */
    private static final class Lane {
        // all guarded by the lane itself
        final Deque<Waiting> waiting = new ArrayDeque<>();
        boolean storing;
        /** Taken out of the map once idle: whoever finds it so must take the lane that replaced it. */
        boolean retired;
    }

    /** One response on its way in, with the scope it was sent in. */
    private static final class Waiting {
        final Surveys.Single single;
        final Scope scope;
        // guarded by its lane
        Surveys.@Nullable Outcome outcome;

        @Nullable
        RuntimeException failure;

        Waiting(Surveys.Single single, Scope scope) {
            this.single = single;
            this.scope = scope;
        }

        boolean done() {
            return outcome != null || failure != null;
        }
    }

    /**
     * Stores one response, committed before this returns, unless the survey row has changed since
     * it was read (then nothing is stored, as {@link Surveys#storeSingles}).
     */
    Surveys.Outcome store(Surveys.Single single) {
        Scope scope = Scope.current();
        Waiting mine = new Waiting(single, scope);
        LaneKey key = new LaneKey(single.survey().id(), scope.rowSecurity());
        Lane lane = join(key, mine);
        while (true) {
            List<Waiting> batch;
            synchronized (lane) {
                while (!mine.done() && lane.storing) {
                    try {
                        lane.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        if (lane.waiting.remove(mine)) {
                            throw new IllegalStateException("Interrupted before the response was stored", e);
                        }
                        // taken into a statement already: it may yet be stored, so nobody can say it was not
                        throw new IllegalStateException("Interrupted while the response was being stored", e);
                    }
                }
                if (mine.done()) {
                    if (lane.waiting.isEmpty() && !lane.storing && !lane.retired) {
                        lane.retired = true;
                        lanes.remove(key, lane);
                    }
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return Objects.requireNonNull(mine.outcome);
                }
                if (lane.waiting.isEmpty()) {
                    // write() finishes every response it takes, so this cannot happen; never wait on it
                    throw new IllegalStateException("A response was neither stored nor waiting");
                }
                lane.storing = true;
                batch = next(lane);
            }
            try {
                write(lane, batch);
            } finally {
                synchronized (lane) {
                    lane.storing = false;
                    lane.notifyAll();
                }
            }
        }
    }

    /** Puts a response at the back of its lane, opening the lane if there is none (or only a retired one). */
    private Lane join(LaneKey key, Waiting mine) {
        while (true) {
            Lane lane = lanes.computeIfAbsent(key, k -> new Lane());
            synchronized (lane) {
                if (!lane.retired) {
                    lane.waiting.addLast(mine);
                    return lane;
                }
            }
        }
    }

    /**
     * The longest-waiting responses of the lane, as many as may go in one statement: none sharing
     * an idempotency key with one already taken, since two alike could not be told apart as stored
     * and seen (the later one waits for the next statement, where it is seen).
     */
    private static List<Waiting> next(Lane lane) {
        List<Waiting> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Iterator<Waiting> i = lane.waiting.iterator(); i.hasNext() && batch.size() < MOST; ) {
            Waiting w = i.next();
            String key = w.single.idempotencyKey();
            if (key == null || keys.add(key)) {
                batch.add(w);
                i.remove();
            }
        }
        return batch;
    }

    /**
     * Stores a batch in one statement; if that fails, each on its own, so that one bad row fails
     * only itself. Every response taken ends finished, stored or failed, whatever happens.
     */
    private void write(Lane lane, List<Waiting> batch) {
        try {
            List<Surveys.Outcome> outcomes = batch.get(0).scope.run(() -> surveys.storeSingles(singles(batch)));
            for (int i = 0; i < batch.size(); i++) {
                finish(lane, batch.get(i), outcomes.get(i), null);
            }
        } catch (RuntimeException together) {
            for (Waiting w : batch) {
                try {
                    Surveys.Outcome alone = batch.size() == 1
                            ? null
                            : w.scope.run(() ->
                                    surveys.storeSingles(singles(List.of(w))).get(0));
                    finish(lane, w, alone, alone == null ? together : null);
                } catch (RuntimeException failed) {
                    finish(lane, w, null, failed);
                }
            }
        } finally {
            synchronized (lane) {
                for (Waiting w : batch) {
                    if (!w.done()) {
                        w.failure = new IllegalStateException("The response may not have been stored");
                    }
                }
            }
        }
    }

    private static List<Surveys.Single> singles(List<Waiting> batch) {
        return batch.stream().map(w -> w.single).toList();
    }

    private static void finish(
            Lane lane, Waiting w, Surveys.@Nullable Outcome outcome, @Nullable RuntimeException failure) {
        synchronized (lane) {
            w.outcome = outcome;
            w.failure = failure;
        }
    }
}
