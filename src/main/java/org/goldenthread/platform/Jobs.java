package org.goldenthread.platform;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs long work in the background as {@link Job}s. Jobs of one ICS run one after another, in the
 * order they were started, so two imports never interleave; jobs of different ICSs run side by
 * side on a few workers, and because an ICS puts its next job in line only when its last one ends,
 * one busy ICS cannot keep another waiting behind all of its work.
 *
 * <p>The work runs in the scope of whoever started it. While it runs, its counts reach the job's
 * row at most twice a second, each time in a transaction of their own, so the work's own
 * transaction stays all-or-nothing. Every few seconds this instance marks its jobs alive; a job
 * whose instance stopped (a restart, a crash) is shown, and then recorded, as interrupted.
 *
 * <p>Several instances may share the database. A job's work lives only in the memory of the
 * instance that started it, so no other instance can run it, let alone twice; what they share is
 * the sweep that records stalled jobs as interrupted, which one instance does for all ({@link Chores}).
 *
 * <p>Work that only reads (loading a survey's answers) runs at once on workers of its own, outside
 * its ICS's line: it cannot interleave with an import's changes, and the person waiting for it
 * should not wait behind another's import. Beside its own jobs, this lists the work modules keep in
 * their own tables ({@link JobFeed}) as jobs too.
 */
@Service
public class Jobs {

    /** Work that a job runs; it gives the outcome to keep, or throws {@link InvalidInput}. */
    @FunctionalInterface
    public interface Work {
        Object run(Progress progress);
    }

    static final int STALE_SECONDS = 30;
    private static final long FLUSH_MILLIS = 500;
    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private static final String COLUMNS = """
            select j.id, j.kind, j.subject, j.link, j.measure,
                   case when j.state in ('queued', 'checking', 'storing')
                         and j.alive_at < now() - make_interval(secs => %d) then 'interrupted'
                        else j.state end as state,
                   j.rows_total, j.rows_read, j.rows_checked, j.rows_stored, j.problems, j.result,
                   a.display_name as started_by, j.started_by as started_by_id, j.queued_at, j.started_at,
                   j.finished_at, j.shown_to
              from job j left join app_user a on a.id = j.started_by""".formatted(STALE_SECONDS);

    private final JdbcClient jdbc;
    private final ScopedTransactions transactions;
    private final TenantDirectory tenants;
    private final ObjectMapper json;
    private final ExecutorService workers;
    private final ExecutorService readers;
    private final ObjectProvider<JobFeed> feeds;
    private final ScheduledExecutorService clock;
    // jobs waiting their ICS's turn, and the ICSs with a job running: guarded by this
    private final Map<Long, Deque<Runnable>> waiting = new HashMap<>();
    private final Set<Long> running = new HashSet<>();
    // every job this instance holds (waiting or running), by id, with the ICS it belongs to
    private final Map<Long, Tenant> held = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> ends = new ConcurrentHashMap<>();

    Jobs(
            JdbcClient jdbc,
            ScopedTransactions transactions,
            TenantDirectory tenants,
            ObjectMapper json,
            Chores chores,
            ObjectProvider<JobFeed> feeds) {
        this.jdbc = jdbc;
        this.feeds = feeds;
        this.transactions = transactions;
        this.tenants = tenants;
        this.json = json;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "gt-job-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger reading = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "gt-job-read-" + reading.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gt-job-clock");
            t.setDaemon(true);
            return t;
        });
        clock.scheduleWithFixedDelay(this::beat, 2, 2, TimeUnit.SECONDS);
        // any instance may record another's jobs as interrupted; one of them is enough
        chores.schedule("job.sweep", Duration.ofSeconds(60), Duration.ofSeconds(STALE_SECONDS + 5), this::sweep);
    }

    @PreDestroy
    void stop() {
        clock.shutdownNow();
        workers.shutdownNow();
        readers.shutdownNow();
    }

    /**
     * Starts work as a job of the current ICS, started by the current user, and returns it queued.
     * {@code subject} says what the work is (an import of which file); {@code link} is the page where
     * it was started, which shows its progress and then its outcome ({@code {id}} in it stands for the
     * job's id).
     */
    public Job start(String kind, String subject, String link, Work work) {
        return start(kind, subject, link, Job.Measure.ROWS, work);
    }

    /** Starts work that counts something other than a file's rows, as {@link #start} does. */
    public Job start(String kind, String subject, String link, Job.Measure measure, Work work) {
        Scope scope = Scope.current();
        long id = insert(kind, subject, link, measure, Set.of());
        enqueue(Scope.currentTenant().id(), () -> scope.run(() -> run(id, scope, work)));
        return job(id).orElseThrow();
    }

    /**
     * Starts work that changes nothing, such as reading a survey's answers into memory, and returns
     * it queued. It starts at once rather than behind the ICS's other jobs, and beside whoever
     * started it and the ICS's administrators, anyone holding one of {@code shownTo} in the ICS may
     * follow it: it serves a page they all may open.
     */
    public Job startReading(
            String kind, String subject, String link, Job.Measure measure, Set<Role> shownTo, Work work) {
        Scope scope = Scope.current();
        long id = insert(kind, subject, link, measure, shownTo);
        readers.execute(() -> scope.run(() -> run(id, scope, work)));
        return job(id).orElseThrow();
    }

    private long insert(String kind, String subject, String link, Job.Measure measure, Set<Role> shownTo) {
        Caller caller = Scope.current().caller();
        long id = jdbc.sql("""
                        insert into job (kind, subject, link, measure, started_by, shown_to)
                        values (:kind, :subject, :link, :measure, :user, cast(:shownTo as text[])) returning id""")
                .param("kind", kind)
                .param("measure", measure.code())
                .param("subject", subject.length() > 300 ? subject.substring(0, 300) : subject)
                .param("link", link)
                .param("user", caller == null ? null : caller.userId())
                .param("shownTo", shownTo.stream().map(Role::code).sorted().toArray(String[]::new))
                .query(Long.class)
                .single();
        held.put(id, Scope.currentTenant());
        ends.put(id, new CompletableFuture<>());
        return id;
    }

    /**
     * Waits up to {@code patience} for a job this instance runs to end, so that small work can show
     * its outcome straight away; longer work goes on in the background, its page showing progress.
     */
    public Optional<Job> await(long id, Duration patience) {
        CompletableFuture<Void> end = ends.get(id);
        if (end != null) {
            try {
                end.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // the caller shows the progress instead
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        return job(id);
    }

    /**
     * A job of the current ICS as the current user may see it: an ICS administrator sees every job
     * of the ICS, anyone else the jobs they started and those shown to a role they hold there.
     */
    public Job visible(long id) {
        return job(id).filter(Jobs::inSight).orElseThrow(() -> new NotFound("No such job"));
    }

    /** A job of a {@link JobFeed}, by the feed's name and the job's id, as {@link #visible(long)} shows one. */
    public Job visible(String feed, long id) {
        return feeds.orderedStream()
                .filter(f -> f.name().equals(feed))
                .findFirst()
                .flatMap(f -> f.job(id))
                .filter(Jobs::inSight)
                .orElseThrow(() -> new NotFound("No such job"));
    }

    /** The latest jobs the current user may see, those of every {@link JobFeed} among them, newest first. */
    public List<Job> recentVisible(int limit) {
        Caller caller = Scope.currentCaller();
        Set<Role> roles = caller.rolesIn(Scope.currentTenant().id());
        List<Job> own = roles.contains(Role.ICS_ADMIN)
                ? recent(null, limit)
                : jdbc.sql(COLUMNS + " where (j.started_by = :user or j.shown_to && cast(:roles as text[]))"
                                + " order by j.queued_at desc, j.id desc limit :limit")
                        .param("user", caller.userId())
                        .param("roles", roles.stream().map(Role::code).toArray(String[]::new))
                        .param("limit", limit)
                        .query(this::row)
                        .list();
        return Stream.concat(
                        own.stream(),
                        feeds.orderedStream()
                                .flatMap(f -> f.recent(limit).stream().filter(Jobs::inSight)))
                .sorted(Comparator.comparing(Job::queuedAt).reversed())
                .limit(limit)
                .toList();
    }

    private static boolean inSight(Job job) {
        Caller caller = Scope.currentCaller();
        Set<Role> roles = caller.rolesIn(Scope.currentTenant().id());
        return roles.contains(Role.ICS_ADMIN)
                || java.util.Objects.equals(job.startedById(), caller.userId())
                || job.shownTo().stream().anyMatch(roles::contains);
    }

    /** A job of the current ICS. */
    public Optional<Job> job(long id) {
        return jdbc.sql(COLUMNS + " where j.id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    /** The current ICS's latest jobs, newest first; with a user, only the jobs they started. */
    public List<Job> recent(@Nullable Long startedBy, int limit) {
        return jdbc.sql(COLUMNS + " where (cast(:user as bigint) is null or j.started_by = :user)"
                        + " order by j.queued_at desc, j.id desc limit :limit")
                .param("user", startedBy)
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    private synchronized void enqueue(long ics, Runnable job) {
        if (running.add(ics)) {
            workers.execute(() -> runThenNext(ics, job));
        } else {
            waiting.computeIfAbsent(ics, k -> new ArrayDeque<>()).add(job);
        }
    }

    private void runThenNext(long ics, Runnable job) {
        try {
            job.run();
        } finally {
            Runnable next;
            synchronized (this) {
                Deque<Runnable> line = waiting.get(ics);
                next = line == null ? null : line.poll();
                if (line != null && line.isEmpty()) {
                    waiting.remove(ics);
                }
                if (next == null) {
                    running.remove(ics);
                }
            }
            if (next != null) {
                Runnable then = next;
                // to the back of the workers' line, behind the other ICSs' jobs already waiting
                workers.execute(() -> runThenNext(ics, then));
            }
        }
    }

    private void run(long id, Scope scope, Work work) {
        Counts counts = new Counts(id, scope);
        try {
            counts.begin();
            Object outcome = work.run(counts);
            counts.end("done", List.of(), json.valueToTree(outcome));
        } catch (InvalidInput e) {
            counts.end("failed", e.problems(), null);
        } catch (RuntimeException e) {
            log.error("Job {} stopped on an unexpected error", id, e);
            counts.end(
                    "failed",
                    List.of(Problem.of(null, "The work stopped on an unexpected error, so nothing was changed")),
                    null);
        } finally {
            held.remove(id);
            CompletableFuture<Void> end = ends.remove(id);
            if (end != null) {
                end.complete(null);
            }
        }
    }

    /** The counts of one running job, written to its row now and then from the worker's thread. */
    private final class Counts implements Progress {
        private final long id;
        private final Scope scope;
        private @Nullable Integer total;
        private int read;
        private int checked;
        private int stored;
        private String state = "checking";
        private long flushedAt;

        Counts(long id, Scope scope) {
            this.id = id;
            this.scope = scope;
        }

        void begin() {
            transactions.run(scope, () -> jdbc.sql("""
                            update job set state = 'checking', started_at = now(), alive_at = now()
                             where id = :id""").param("id", id).update());
        }

        @Override
        public void expect(int rows) {
            total = rows;
            flush(false);
        }

        @Override
        public void read(int rows) {
            read = rows;
            flush(false);
        }

        @Override
        public void checked(int rows) {
            checked = rows;
            flush(false);
        }

        @Override
        public void stored(int rows) {
            boolean phase = !state.equals("storing");
            state = "storing";
            stored = rows;
            flush(phase);
        }

        private void flush(boolean now) {
            long at = System.currentTimeMillis();
            if (!now && at - flushedAt < FLUSH_MILLIS) {
                return;
            }
            flushedAt = at;
            transactions.run(
                    scope,
                    () -> jdbc.sql("""
                            update job set state = :state, rows_total = :total, rows_read = :read,
                                   rows_checked = :checked, rows_stored = :stored, alive_at = now()
                             where id = :id""")
                            .param("state", state)
                            .param("total", total)
                            .param("read", read)
                            .param("checked", Math.max(checked, 0))
                            .param("stored", stored)
                            .param("id", id)
                            .update());
        }

        void end(String outcomeState, List<Problem> problems, @Nullable JsonNode result) {
            transactions.run(
                    scope,
                    () -> jdbc.sql("""
                            update job set state = :state, rows_total = coalesce(:total, rows_total),
                                   rows_read = greatest(rows_read, :read), rows_checked = greatest(rows_checked, :checked),
                                   rows_stored = :stored, problems = cast(:problems as jsonb),
                                   result = cast(:result as jsonb), finished_at = now(), alive_at = now()
                             where id = :id""")
                            .param("state", outcomeState)
                            .param("total", total)
                            .param("read", read)
                            .param("checked", checked)
                            .param("stored", outcomeState.equals("done") ? stored : 0)
                            .param("problems", json.writeValueAsString(problems))
                            .param("result", result == null ? null : json.writeValueAsString(result))
                            .param("id", id)
                            .update());
        }
    }

    /** Marks this instance's jobs, waiting or running, as alive. */
    private void beat() {
        try {
            Map<Tenant, List<Long>> byTenant = new HashMap<>();
            held.forEach((id, tenant) ->
                    byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(id));
            byTenant.forEach((tenant, ids) -> transactions.run(
                    Scope.system(tenant),
                    () -> jdbc.sql("update job set alive_at = now() where id = any (:ids)")
                            .param("ids", ids.toArray(Long[]::new))
                            .update()));
        } catch (RuntimeException e) {
            log.warn("Could not mark the running jobs alive: {}", e.getMessage());
        }
    }

    /** Records as interrupted the jobs whose instance stopped marking them alive. */
    private void sweep() {
        try {
            for (Tenant tenant : tenants.activeTenants()) {
                transactions.run(
                        Scope.system(tenant),
                        () -> jdbc.sql("""
                                update job set state = 'interrupted', finished_at = alive_at, problems = cast(:problems as jsonb)
                                 where state in ('queued', 'checking', 'storing')
                                   and alive_at < now() - make_interval(secs => :stale)""")
                                .param("problems", json.writeValueAsString(List.of(INTERRUPTED)))
                                .param("stale", STALE_SECONDS)
                                .update());
            }
        } catch (RuntimeException e) {
            log.warn("Could not record interrupted jobs: {}", e.getMessage());
        }
    }

    static final Problem INTERRUPTED = Problem.of(
            null, "The work was cut off when the application stopped, so nothing was changed; start it again");

    private Job row(ResultSet rs, int number) throws SQLException {
        Job.State state = Job.State.of(rs.getString("state"));
        String problems = rs.getString("problems");
        String result = rs.getString("result");
        return new Job(
                rs.getLong("id"),
                null,
                rs.getString("kind"),
                rs.getString("subject"),
                rs.getString("link").replace("{id}", rs.getString("id")),
                Job.Measure.of(rs.getString("measure")),
                state,
                (Integer) rs.getObject("rows_total"),
                rs.getInt("rows_read"),
                rs.getInt("rows_checked"),
                rs.getInt("rows_stored"),
                state == Job.State.INTERRUPTED
                        ? List.of(INTERRUPTED)
                        : json.readValue(problems, new TypeReference<List<Problem>>() {}),
                result == null ? null : json.readTree(result),
                rs.getString("started_by"),
                (Long) rs.getObject("started_by_id"),
                instant(rs.getTimestamp("queued_at")),
                rs.getTimestamp("started_at") == null ? null : instant(rs.getTimestamp("started_at")),
                rs.getTimestamp("finished_at") == null ? null : instant(rs.getTimestamp("finished_at")),
                roles((String[]) rs.getArray("shown_to").getArray()));
    }

    private static Set<Role> roles(String[] codes) {
        return Arrays.stream(codes)
                .map(Role::fromCode)
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
    }

    private static Instant instant(Timestamp at) {
        return at.toInstant();
    }
}
