package org.goldenthread.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Text;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses request parameters (query strings, page forms, multipart form fields) that no field can
 * hold: text with a NUL character, which PostgreSQL cannot store in text, and percent-encoded bytes
 * that are not UTF-8. One check here rather than one in every controller; the answer names the
 * parameter. Runs before Spring Security, which reads the CSRF parameter of every form it checks.
 * Multipart forms are read later, by Spring MVC, so their fields are checked by {@link Interceptor}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ParameterText extends OncePerRequestFilter {

    private static final Pattern TOMCAT_PARAMETER = Pattern.compile("Parameter \\[([^\\]]{1,100})]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            Optional<Problem> problem;
            try {
                problem = problemIn(request.getParameterMap());
            } catch (IllegalStateException e) {
                // Tomcat's InvalidParameterException: the name is in its message, quoted as received
                Matcher m = TOMCAT_PARAMETER.matcher(String.valueOf(e.getMessage()));
                problem = Optional.of(Problem.of(
                        m.find() ? m.group(1) : null, "Not valid text: percent-encoded bytes that are not UTF-8"));
            }
            if (problem.isPresent()) {
                refuse(request, response, problem.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static Optional<Problem> problemIn(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return Optional.of(Problem.of(
                        parameter.getKey().replace('\0', '?'), "A parameter name holds a NUL character (0x00)"));
            }
            for (String value : parameter.getValue()) {
                String reason = Text.unstorable(value);
                if (reason != null) {
                    return Optional.of(Problem.of(parameter.getKey(), reason));
                }
            }
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ProblemResponses.isApi(path)) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, problem.describe(), List.of(problem));
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    /** The fields of multipart forms, once Spring MVC has read them. */
    static class Interceptor implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request instanceof MultipartHttpServletRequest) {
                problemIn(request.getParameterMap()).ifPresent(p -> {
                    throw new InvalidInput(List.of(p));
                });
            }
            return true;
        }
    }
}
