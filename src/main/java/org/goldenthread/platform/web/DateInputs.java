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
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Joins the three boxes of every NHS.UK date input on a page form ({@code <name>-day}, {@code
 * <name>-month}, {@code <name>-year}) into the one {@code <name>} parameter the form's record binds,
 * as {@link DateInput#joined} writes it. One place for every form, so no controller knows dates come
 * in three parts. The boxes stay readable as sent. Parameters are read only when something asks for
 * them, so a multipart form is still read by Spring MVC in its own time; the API's JSON is left
 * alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DateInputs extends OncePerRequestFilter {

    private static final String DAY = "-day";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ProblemResponses.isApi(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Joined(request), response);
    }

    /** The request with each date input's boxes joined into one parameter, worked out on first use. */
    static final class Joined extends HttpServletRequestWrapper {

        private @Nullable Map<String, String[]> parameters;

        Joined(HttpServletRequest request) {
            super(request);
        }

        private Map<String, String[]> parameters() {
            Map<String, String[]> own = parameters;
            if (own == null) {
                own = join(super.getParameterMap());
                parameters = own;
            }
            return own;
        }

        static Map<String, String[]> join(Map<String, String[]> sent) {
            if (sent.keySet().stream().noneMatch(name -> name.endsWith(DAY))) {
                return sent;
            }
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

        @Override
        public @Nullable String getParameter(String name) {
            String[] values = parameters().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters().keySet());
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            return parameters().get(name);
        }
    }
}
