package org.goldenthread.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.goldenthread.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Load shedding for the API: only so many calls run at once; one that cannot start within a few
 * milliseconds is answered 503 with {@code Retry-After} straight away, before anything is read or
 * stored. Queueing would be worse: when the application is slower than the traffic (just after a
 * restart, while the JIT compiler is still warming up on two cores, or on a host that has slowed
 * down) every waiting call makes the next one later, and all callers see seconds of delay. Shedding
 * keeps the calls that are admitted fast and tells the rest, truthfully, that nothing happened, so
 * a sender repeats them (a survey response with the same idempotency key is never stored twice).
 * <p>
 * Not counted: file imports ({@code …/import}), which are few, long and already bounded, and
 * invitation and reminder calls, which may wait seconds for emails sent in the background and
 * would otherwise hold places that survey responses need.
 * <p>
 * The places are shared fairly between ICSs: the calls of one ICS (the ODS code in
 * {@code /api/v1/ics/{ods}/…}; calls without one count as one platform bucket) hold at most half
 * of them at once while any other ICS holds one, so an ICS that sends more than its half waits
 * and is turned away itself while the other half stays free for everyone else. Without this, one
 * ICS hammering insight turned away every other ICS's survey responses. An ICS alone may use every
 * place but one, which stays free for whoever comes next. Held to half with no one else there, and
 * turned away at once over it, a single ICS sending 500 responses a second on two cores had one in
 * twenty-eight turned away while the other half of the places stood idle; now one in 330.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Admission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);
    private static final long WAIT_MILLIS = 20;

    // written ready-made: a busy application should spend as little as possible on saying so
    private static final byte[] BUSY = ProblemResponses.bytes(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Golden Thread is busy and did not start this request, so nothing was changed. Send it again in a second; "
                    + "a survey response sent again with the same idempotency key is stored once.");

    private static final String PLATFORM = "";

    private final Semaphore running;
    private final int limit;
    private final int perTenant;
    // places held per ICS, and by all; an entry is removed when its last call ends, so made-up codes
    // leave nothing behind. Guarded by itself: a few map operations a call, never contended for long.
    private final Map<String, Integer> holding = new HashMap<>();
    private int held;
    private int waiting;
    private final Counter shed;
    private final AtomicLong lastWarning = new AtomicLong();

    @Autowired
    Admission(Settings settings, MeterRegistry meters) {
        this(settings.api().maxConcurrent(), meters);
    }

    Admission(int configured, MeterRegistry meters) {
        // Two calls per core keep the CPU and the database busy. More only share the same CPU, each
        // taking longer, and when the JVM is cold they also starve the JIT compiler of the CPU it needs
        // to catch up (measured with SurveyCrashBenchmark: p99 158 ms at four per core in the first
        // seconds after a restart, 86 ms at two).
        int limit = configured > 0 ? configured : 2 * Runtime.getRuntime().availableProcessors();
        this.running = new Semaphore(limit);
        this.limit = limit;
        this.perTenant = Math.max(1, limit / 2);
        this.shed = Counter.builder("gt.api.shed")
                .description("API calls answered 503 because too many were running")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !ProblemResponses.isApi(path)
                || path.endsWith("/import")
                || path.endsWith("/invitations")
                || path.endsWith("/invitations/reminders");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String tenant = tenantOf(
                request.getRequestURI().substring(request.getContextPath().length()));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        try {
            if (!enter(tenant, deadline)) {
                busy(response);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            busy(response);
            return;
        }
        boolean admitted;
        try {
            admitted = running.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            leave(tenant);
            busy(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
            leave(tenant);
        }
    }

    /** The ODS code a call is for, upper-cased as the tenancy filter reads it; the platform bucket for the rest. */
    static String tenantOf(String path) {
        String prefix = "/api/v1/ics/";
        if (!path.startsWith(prefix) || path.length() == prefix.length()) {
            return PLATFORM;
        }
        int end = path.indexOf('/', prefix.length());
        return path.substring(prefix.length(), end < 0 ? path.length() : end).toUpperCase(Locale.ROOT);
    }

    /**
     * Takes one of the ICS's places, waiting until the deadline for one: a burst of one ICS's calls
     * then queues for a few milliseconds, as calls beyond the whole limit do, rather than being
     * turned away at once while its own calls are about to end.
     */
    private boolean enter(String tenant, long deadline) throws InterruptedException {
        synchronized (holding) {
            while (!fits(tenant)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waiting++;
                try {
                    TimeUnit.NANOSECONDS.timedWait(holding, left);
                } finally {
                    waiting--;
                }
            }
            holding.merge(tenant, 1, Integer::sum);
            held++;
            return true;
        }
    }

    /** Within the ICS's half, or more while no other ICS holds a place, leaving one free. */
    private boolean fits(String tenant) {
        int mine = holding.getOrDefault(tenant, 0);
        return mine < perTenant || (held == mine && mine < limit - 1);
    }

    private void leave(String tenant) {
        synchronized (holding) {
            holding.computeIfPresent(tenant, (key, n) -> n <= 1 ? null : n - 1);
            held--;
            if (waiting > 0) {
                holding.notifyAll();
            }
        }
    }

    private void busy(HttpServletResponse response) throws IOException {
        shed.increment();
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
            log.warn("API busy: calls are being answered 503 (Retry-After 1 s); {} so far", (long) shed.count());
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "1");
        // this answer leaves before Spring Security would add its headers
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/problem+json");
        response.setContentLength(BUSY.length);
        response.getOutputStream().write(BUSY);
    }
}
