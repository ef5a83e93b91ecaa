package org.goldenthread.engagement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
 */
@Component
class Intake {

    /** At most this many in one statement, so that no sender waits behind an unbounded batch. */
    private static final int MOST = 256;

    private final Surveys surveys;

    // guarded by this: responses waiting to be stored, and whether someone is storing now
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private boolean storing;

    Intake(Surveys surveys) {
        this.surveys = surveys;
    }

    /** One response on its way in, with the scope it was sent in (its ICS's row-level security). */
    private static final class Waiting {
        final Surveys.Single single;
        final Scope scope;
        /** What the row-level-security policies read: only responses alike in these share a statement. */
        final String settings;
        // guarded by Intake.this
        Surveys.@Nullable Outcome outcome;

        @Nullable
        RuntimeException failure;

        Waiting(Surveys.Single single, Scope scope) {
            this.single = single;
            this.scope = scope;
            this.settings = scope.activeIcsId() + "|" + scope.visibleIcsArray() + "|" + scope.platform();
        }

        boolean done() {
            return outcome != null || failure != null;
        }

        @Nullable
        String sameness() {
            String key = single.idempotencyKey();
            return key == null ? null : single.survey().id() + ":" + key;
        }
    }

    /**
     * Stores one response, committed before this returns, unless the survey row has changed since
     * it was read (then nothing is stored, as {@link Surveys#storeSingles}).
     */
    Surveys.Outcome store(Surveys.Single single) {
        Waiting mine = new Waiting(single, Scope.current());
        synchronized (this) {
            waiting.addLast(mine);
        }
        while (true) {
            List<Waiting> batch;
            synchronized (this) {
                while (!mine.done() && storing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // it may still be stored by whoever is storing, so the sender cannot be told it was not
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("Interrupted while the response was being stored", e);
                    }
                }
                if (mine.done()) {
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return Objects.requireNonNull(mine.outcome);
                }
                if (waiting.isEmpty()) {
                    // write() finishes every response it takes, so this cannot happen; never wait on it
                    throw new IllegalStateException("A response was neither stored nor waiting");
                }
                storing = true;
                batch = next();
            }
            try {
                write(batch);
            } finally {
                synchronized (this) {
                    storing = false;
                    notifyAll();
                }
            }
        }
    }

    /**
     * The longest-waiting response and those waiting after it that can go in the same statement:
     * sent in the same scope, and not sharing a survey and idempotency key with one already in it.
     * The oldest goes first whatever its ICS, so a busy ICS cannot keep another's responses waiting.
     */
    private List<Waiting> next() {
        List<Waiting> batch = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        String settings = waiting.getFirst().settings;
        for (Iterator<Waiting> i = waiting.iterator(); i.hasNext() && batch.size() < MOST; ) {
            Waiting w = i.next();
            String sameness = w.sameness();
            if (w.settings.equals(settings) && (sameness == null || keys.add(sameness))) {
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
    private void write(List<Waiting> batch) {
        try {
            List<Surveys.Outcome> outcomes = batch.get(0).scope.run(() -> surveys.storeSingles(singles(batch)));
            for (int i = 0; i < batch.size(); i++) {
                finish(batch.get(i), outcomes.get(i), null);
            }
        } catch (RuntimeException together) {
            for (Waiting w : batch) {
                try {
                    Surveys.Outcome alone = batch.size() == 1
                            ? null
                            : w.scope.run(() ->
                                    surveys.storeSingles(singles(List.of(w))).get(0));
                    finish(w, alone, alone == null ? together : null);
                } catch (RuntimeException failed) {
                    finish(w, null, failed);
                }
            }
        } finally {
            synchronized (this) {
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

    private synchronized void finish(Waiting w, Surveys.@Nullable Outcome outcome, @Nullable RuntimeException failure) {
        w.outcome = outcome;
        w.failure = failure;
    }
}
