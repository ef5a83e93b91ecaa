package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
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
    private final CountDownLatch holding = new CountDownLatch(1);
    private Thread holder;

    @AfterEach
    void releaseTheHolder() throws InterruptedException {
        release.countDown();
        if (holder != null) {
            holder.join(5_000);
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
        assertThat(busy.getContentAsString()).contains("\"status\":503").contains("nothing was changed")
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
        assertThat(call("POST", "/api/v1/ics/QWE/surveys/7/responses/import", reached).getStatus()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/ics/QWE/surveys/7/invitations", reached).getStatus()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/ics/QWE/surveys/7/invitations/reminders", reached).getStatus())
                .isEqualTo(200);
        assertThat(call("GET", "/surveys", reached).getStatus()).isEqualTo(200);
        assertThat(reached).hasValue(4);
        assertThat(meters.get("gt.api.shed").counter().count()).isZero();
    }

    @Test
    void aFailingCallGivesItsPlaceBack() throws Exception {
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("the handler failed");
        };
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/ics");
        try {
            admission.doFilter(request, new MockHttpServletResponse(), failing);
        } catch (IllegalStateException expected) {
            // the failure is someone else's to answer
        }
        AtomicInteger reached = new AtomicInteger();
        assertThat(call("GET", "/api/v1/ics", reached).getStatus()).isEqualTo(200);
        assertThat(reached).hasValue(1);
    }

    private void holdTheOnlyPlace() throws InterruptedException {
        holder = new Thread(() -> {
            try {
                admission.doFilter(new MockHttpServletRequest("GET", "/api/v1/ics/QWE/insight"),
                        new MockHttpServletResponse(), (request, response) -> {
                            holding.countDown();
                            try {
                                release.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private MockHttpServletResponse call(String method, String path, AtomicInteger reached) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        admission.doFilter(new MockHttpServletRequest(method, path), response,
                (request, r) -> reached.incrementAndGet());
        return response;
    }
}
