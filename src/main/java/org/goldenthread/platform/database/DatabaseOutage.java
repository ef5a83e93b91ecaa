package org.goldenthread.platform.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.goldenthread.platform.web.ProblemResponses;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the embedded PostgreSQL is down and restarting, every request that would need it is
 * answered 503 with {@code Retry-After} at once, and nothing is read or changed; health says DOWN.
 * Health checks and static files still answer as usual.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutage extends OncePerRequestFilter implements HealthIndicator {

    static final String RETRY_AFTER_SECONDS = "5";
    private static final String DETAIL = "Golden Thread's database stopped and is restarting, so this request was not "
            + "started and nothing was changed. Send it again in a few seconds.";
    private static final byte[] PAGE =
            ("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Back in a moment – Golden Thread</title></head>
            <body><main><h1>Back in a moment</h1><p>%s</p></main></body></html>
            """.formatted(DETAIL.replace("Send it again", "Try again"))).getBytes(StandardCharsets.UTF_8);

    private final DatabaseServer server;

    DatabaseOutage(DatabaseServer server) {
        this.server = server;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!server.isDown()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/assets/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        // this answer leaves before Spring Security would add its headers
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ProblemResponses.isApi(path)) {
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL, List.of());
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(PAGE.length);
        response.getOutputStream().write(PAGE);
    }

    @Override
    public Health health() {
        return server.isDown()
                ? Health.down()
                        .withDetail("embedded_postgres", "stopped; restarting")
                        .build()
                : Health.up().build();
    }
}
