package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details for answers written outside a controller (security filters, size
 * limits). Controllers use {@link ApiErrors}, which produces the same shape.
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    public static void write(
            HttpServletResponse response, HttpStatus status, @Nullable String detail, List<Problem> errors)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body(status, detail, errors));
    }

    static byte[] bytes(HttpStatus status, String detail) {
        return JSON.writeValueAsBytes(body(status, detail, List.of()));
    }

    static Map<String, Object> body(HttpStatus status, @Nullable String detail, List<Problem> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors.stream().map(ProblemResponses::error).toList());
        }
        return body;
    }

    private static Map<String, Object> error(Problem p) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (p.row() != null) {
            e.put("row", p.row());
        }
        e.put("field", p.field());
        e.put("reason", p.reason());
        return e;
    }

    public static boolean isApi(String path) {
        return path.startsWith("/api/");
    }
}
