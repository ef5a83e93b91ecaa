package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Admission admission = new Admission(1, meters);
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread holder;

    @AfterEach
    void releaseTheHolders() throws InterruptedException {
        release.countDown();
        if (holder != null) {
            holder.join(5_000);
        }
        for (Holder h : holders) {
            h.thread().join(5_000);
        }
    }

    @Test
    void aCallBeyondTheLimitIsToldToComeBackAndNothingBehindTheFilterRuns() throws Exception {
        holdTheOnlyPlace();
        AtomicInteger reached = new AtomicInteger();
        MockHttpServletResponse busy = call("POST", "/api/v1/ics/QWE/surveys/7/responses", reached);

        assertThat(reached).hasValue(0);
        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
        assertThat(busy.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(busy.getContentType()).isEqualTo("application/problem+json");
        assertThat(busy.getContentAsString())
                .contains("\"status\":503")
                .contains("nothing was changed")
                .contains("same idempotency key");
        assertThat(meters.get("gt.api.shed").counter().count()).isEqualTo(1.0);

        release.countDown();
        holder.join(5_000);
        MockHttpServletResponse after = call("POST", "/api/v1/ics/QWE/surveys/7/responses", reached);
        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(reached).hasValue(1);
    }

    @Test
    void importsInvitationsAndPagesAreNotCounted() throws Exception {
        holdTheOnlyPlace();
        AtomicInteger reached = new AtomicInteger();
        assertThat(call("POST", "/api/v1/ics/QWE/surveys/7/responses/import", reached)
                        .getStatus())
                .isEqualTo(200);
        assertThat(call("POST", "/api/v1/ics/QWE/surveys/7/invitations", reached)
                        .getStatus())
                .isEqualTo(200);
        assertThat(call("POST", "/api/v1/ics/QWE/surveys/7/invitations/reminders", reached)
                        .getStatus())
                .isEqualTo(200);
        assertThat(call("GET", "/surveys", reached).getStatus()).isEqualTo(200);
        assertThat(reached).hasValue(4);
        assertThat(meters.get("gt.api.shed").counter().count()).isZero();
    }

    @Test
    void aFailingCallGivesItsPlaceBack() throws Exception {
        AtomicInteger answeredMeanwhile = new AtomicInteger();
        FilterChain failing = (request, response) -> {
            // while this call runs it holds the only place: another is turned away
            answeredMeanwhile.set(
                    call("GET", "/api/v1/ics", new AtomicInteger()).getStatus());
            throw new IllegalStateException("the handler failed");
        };
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/ics");
        // the failure is someone else's to answer, so it passes through
        assertThatThrownBy(() -> admission.doFilter(request, new MockHttpServletResponse(), failing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the handler failed");
        assertThat(answeredMeanwhile).as("the failing call held a place").hasValue(503);
        AtomicInteger reached = new AtomicInteger();
        assertThat(call("GET", "/api/v1/ics", reached).getStatus()).isEqualTo(200);
        assertThat(reached).hasValue(1);
    }

    /**
     * One ICS hammering insight holds every place it may, which with no one else there is all but
     * one; the other ICSs' survey responses and the platform's own calls still get in, and the busy
     * ICS is the one turned away.
     */
    @Test
    void oneBusyIcsCannotTakeThePlacesOfTheOthers() throws Exception {
        Admission fourPlaces = new Admission(4, meters);
        for (int i = 0; i < 4; i++) {
            holders.add(hold(fourPlaces, "/api/v1/ics/AAA/insight"));
        }
        AtomicInteger reached = new AtomicInteger();
        assertThat(holders.stream().filter(Holder::admitted).count())
                .as("ICS A, alone, holds every place but one")
                .isEqualTo(3);
        assertThat(call(fourPlaces, "GET", "/api/v1/ics/aaa/insight", reached).getStatus())
                .as("ICS A, however its code is written, is turned away")
                .isEqualTo(503);
        assertThat(reached).hasValue(0);

        assertThat(call(fourPlaces, "POST", "/api/v1/ics/BBB/surveys/7/responses", reached)
                        .getStatus())
                .isEqualTo(200);
        assertThat(call(fourPlaces, "GET", "/api/v1/admin/ics", reached).getStatus())
                .isEqualTo(200);
        assertThat(reached).hasValue(2);

        // ICS B busy too: it has the place left free, and the rest are still A's until A's calls end
        holders.add(hold(fourPlaces, "/api/v1/ics/BBB/surveys/7/responses"));
        holders.add(hold(fourPlaces, "/api/v1/ics/BBB/surveys/7/responses"));
        assertThat(holders.stream().filter(Holder::admitted).count()).isEqualTo(4);
        assertThat(call(fourPlaces, "POST", "/api/v1/ics/BBB/surveys/7/responses", reached)
                        .getStatus())
                .isEqualTo(503);

        release.countDown();
        for (Holder h : holders) {
            h.thread().join(5_000);
        }
        assertThat(call(fourPlaces, "GET", "/api/v1/ics/AAA/insight", reached).getStatus())
                .as("places are given back per ICS")
                .isEqualTo(200);
    }

    /** Once another ICS holds a place, an ICS gets no more than half, though places are free. */
    @Test
    void withAnotherIcsInAnIcsIsHeldToHalf() throws Exception {
        Admission fourPlaces = new Admission(4, meters);
        holders.add(hold(fourPlaces, "/api/v1/ics/BBB/surveys/7/responses"));
        for (int i = 0; i < 3; i++) {
            holders.add(hold(fourPlaces, "/api/v1/ics/AAA/insight"));
        }
        assertThat(holders.stream().filter(Holder::admitted).count())
                .as("B's call and half the places for A")
                .isEqualTo(3);
        AtomicInteger reached = new AtomicInteger();
        assertThat(call(fourPlaces, "GET", "/api/v1/ics/AAA/insight", reached).getStatus())
                .as("A is turned away with a place still free")
                .isEqualTo(503);
        assertThat(call(fourPlaces, "GET", "/api/v1/ics/CCC/insight", reached).getStatus())
                .as("and that place is there for a third ICS")
                .isEqualTo(200);
        assertThat(reached).hasValue(1);
    }

    /** A call beyond its ICS's share waits a few milliseconds for one of its ICS's own calls to end. */
    @Test
    void aCallBeyondItsShareWaitsBrieflyForItsOwnIcssPlace() throws Exception {
        Admission fourPlaces = new Admission(4, meters);
        holders.add(hold(fourPlaces, "/api/v1/ics/BBB/surveys/7/responses"));
        holders.add(hold(fourPlaces, "/api/v1/ics/AAA/surveys/7/responses"));
        Thread shortCall = callInside(fourPlaces, "POST", "/api/v1/ics/AAA/surveys/7/responses", () -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicInteger reached = new AtomicInteger();
        assertThat(call(fourPlaces, "POST", "/api/v1/ics/AAA/surveys/7/responses", reached)
                        .getStatus())
                .as("A holds its half, and its next call gets the place its short call gives back")
                .isEqualTo(200);
        shortCall.join(5_000);
        assertThat(meters.get("gt.api.shed").counter().count()).isZero();
    }

    /** A call interrupted while it waits for a place is turned away and gives its ICS's share back. */
    @Test
    void anInterruptedCallGivesItsIcssShareBack() throws Exception {
        holdTheOnlyPlace();
        AtomicInteger status = new AtomicInteger();
        Thread waiting = new Thread(() -> {
            try {
                status.set(call("GET", "/api/v1/ics/ABC/insight", new AtomicInteger())
                        .getStatus());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiting.start();
        waiting.interrupt();
        waiting.join(5_000);
        assertThat(status).hasValue(503);

        release.countDown();
        holder.join(5_000);
        AtomicInteger reached = new AtomicInteger();
        assertThat(call("GET", "/api/v1/ics/ABC/insight", reached).getStatus())
                .as("the interrupted call left no place of ABC's behind")
                .isEqualTo(200);
    }

    @Test
    void callsAreCountedByTheIcsInTheirPath() {
        assertThat(Admission.tenantOf("/api/v1/ics/qwe/surveys/7/responses")).isEqualTo("QWE");
        assertThat(Admission.tenantOf("/api/v1/ics/QWE")).isEqualTo("QWE");
        assertThat(Admission.tenantOf("/api/v1/ics")).isEqualTo(Admission.tenantOf("/api/v1/admin/users"));
        assertThat(Admission.tenantOf("/api/v1/tokens")).isEqualTo(Admission.tenantOf("/api/v1/professions"));
    }

    private record Holder(Thread thread, boolean admitted) {}

    private final java.util.List<Holder> holders = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Starts a call that holds its place until released; says whether it was admitted at all. */
    private Holder hold(Admission filter, String path) throws InterruptedException {
        CountDownLatch decided = new CountDownLatch(1);
        AtomicInteger admitted = new AtomicInteger();
        Thread thread = new Thread(() -> {
            try {
                MockHttpServletResponse response = new MockHttpServletResponse();
                filter.doFilter(new MockHttpServletRequest("GET", path), response, (request, r) -> {
                    admitted.set(1);
                    decided.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                decided.countDown();
            }
        });
        thread.start();
        assertThat(decided.await(5, TimeUnit.SECONDS)).isTrue();
        return new Holder(thread, admitted.get() == 1);
    }

    private void holdTheOnlyPlace() throws InterruptedException {
        holder = callInside(admission, "GET", "/api/v1/ics/QWE/insight", () -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Starts a call on a thread of its own, returning once the call is past the filter; it then does {@code meanwhile}. */
    private static Thread callInside(Admission filter, String method, String path, Runnable meanwhile)
            throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                filter.doFilter(
                        new MockHttpServletRequest(method, path),
                        new MockHttpServletResponse(),
                        (request, response) -> {
                            inside.countDown();
                            meanwhile.run();
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return thread;
    }

    private MockHttpServletResponse call(String method, String path, AtomicInteger reached)
            throws IOException, ServletException {
        return call(admission, method, path, reached);
    }

    private static MockHttpServletResponse call(Admission filter, String method, String path, AtomicInteger reached)
            throws IOException, ServletException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest(method, path), response, (request, r) -> reached.incrementAndGet());
        return response;
    }
}
