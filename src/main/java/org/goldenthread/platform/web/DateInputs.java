package org.goldenthread.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.goldenthread.platform.DateInput;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Joins the three boxes of every NHS.UK date input on a page form ({@code <name>-day}, {@code
 * <name>-month}, {@code <name>-year}) into the one {@code <name>} parameter the form's record binds,
 * as {@link DateInput#joined} writes it. One place for every form, so no controller knows dates come
 * in three parts. The boxes stay readable as sent.
 *
 * <p>It runs on every page request, so it costs nothing where there is no date: the API, and any body
 * that is not a plain form (multipart uploads, JSON), are not read at all, so Spring MVC still reads a
 * multipart body in its own time; and a request with no {@code -day} box goes on unwrapped.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DateInputs extends OncePerRequestFilter {

    private static final String DAY = "-day";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return ProblemResponses.isApi(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                || (contentType != null && !isPlainForm(contentType));
    }

    private static boolean isPlainForm(String contentType) {
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> sent = request.getParameterMap();
        boolean hasDate = sent.keySet().stream().anyMatch(name -> name.endsWith(DAY) && name.length() > DAY.length());
        chain.doFilter(hasDate ? new Joined(request, join(sent)) : request, response);
    }

    static Map<String, String[]> join(Map<String, String[]> sent) {
        Map<String, String[]> joined = new LinkedHashMap<>(sent);
        for (String name : sent.keySet()) {
            if (!name.endsWith(DAY) || name.length() == DAY.length()) {
                continue;
            }
            String field = name.substring(0, name.length() - DAY.length());
            DateInput typed = DateInput.typed(
                    first(sent, field + DAY), first(sent, field + "-month"), first(sent, field + "-year"));
            joined.put(field, new String[] {typed.joined()});
        }
        return Collections.unmodifiableMap(joined);
    }

    private static @Nullable String first(Map<String, String[]> sent, String name) {
        String[] values = sent.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** The request with each date input's boxes joined into one parameter. */
    private static final class Joined extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        Joined(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public @Nullable String getParameter(String name) {
            return first(parameters, name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
