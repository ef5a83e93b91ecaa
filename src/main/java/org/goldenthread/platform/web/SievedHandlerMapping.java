package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds the handler for a request as Spring MVC does, but first sets aside, cheaply, the handlers
 * that cannot be it. For a path with a variable in it ({@code /api/v1/ics/{ods}/…}, most API
 * calls) Spring tries every one of the application's several hundred handlers in turn, each test
 * asking the request (through Spring Security's wrappers) for its method, content type and path
 * again: measured at about a third of the CPU of a single survey response. Here the request's
 * method and path segments are read once, and a handler is only tried if its declared methods
 * include the request's and its path's fixed segments are the request's. The sieve only ever
 * says "cannot match" when Spring would say so too; anything it is unsure of (a pattern with
 * wildcards or regular expressions, an encoded or unusual path, HEAD and OPTIONS) goes to Spring
 * as before, and so do the answers when nothing matches (404, 405, 415).
 */
class SievedHandlerMapping extends RequestMappingHandlerMapping {

    /** A segment that is plain text: matched as it is, with no wildcard or variable in it. */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()+,=:@-]+");

    /** A segment that is one variable and nothing else: it takes any one segment. */
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*\\}");

    /** The methods whose matching is plain membership (HEAD also matches GET, OPTIONS is special). */
    private static final Set<String> PLAIN_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** What the request looks like, while its handler is being looked up on this thread. */
    private static final ThreadLocal<@Nullable Probe> PROBE = new ThreadLocal<>();

    private final Map<RequestMappingInfo, Sieve> sieves = new ConcurrentHashMap<>();

    /** The request's method, and its path's segments when the path is plain enough to compare as text. */
    private record Probe(RequestMethod method, String @Nullable [] segments) {}

    /**
     * What a handler needs of a request: one of its methods (none declared: any), and for each of its
     * path patterns (none known: any path) the segment count and the fixed segments, null where a
     * variable goes.
     */
    private record Sieve(
            Set<RequestMethod> methods, @Nullable List<String[]> paths) {

        boolean mayMatch(Probe probe) {
            if (!methods.isEmpty() && !methods.contains(probe.method())) {
                return false;
            }
            if (paths == null || probe.segments() == null) {
                return true;
            }
            for (String[] path : paths) {
                if (fits(path, probe.segments())) {
                    return true;
                }
            }
            return false;
        }

        private static boolean fits(String[] path, String[] segments) {
            if (path.length != segments.length) {
                return false;
            }
            for (int i = 0; i < path.length; i++) {
                if (path[i] != null && !path[i].equals(segments[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Puts this lookup in the place of Spring Boot's. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Registration {
        @org.springframework.context.annotation.Bean
        org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations sievedHandlerMapping() {
            return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new SievedHandlerMapping();
                }
            };
        }
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        sieves.put(mapping, sieveFor(mapping));
    }

    private Sieve sieveFor(RequestMappingInfo mapping) {
        Set<RequestMethod> methods = Set.copyOf(mapping.getMethodsCondition().getMethods());
        PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
        org.springframework.web.util.pattern.@Nullable PathPatternParser parser = getPatternParser();
        if (patterns == null || patterns.getPatterns().isEmpty() || parser == null || !parser.isCaseSensitive()) {
            return new Sieve(methods, null);
        }
        List<String[]> paths = new java.util.ArrayList<>();
        for (PathPattern pattern : patterns.getPatterns()) {
            String[] path = fixedSegments(pattern.getPatternString());
            if (path == null) {
                return new Sieve(methods, null);
            }
            paths.add(path);
        }
        return new Sieve(methods, List.copyOf(paths));
    }

    /** A pattern's segments, null for each variable; null for the whole if it has anything else in it. */
    private static String @Nullable [] fixedSegments(String pattern) {
        if (!pattern.startsWith("/") || pattern.length() < 2 || pattern.endsWith("/")) {
            return null;
        }
        String[] segments = pattern.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (VARIABLE.matcher(segments[i]).matches()) {
                segments[i] = null;
            } else if (!LITERAL.matcher(segments[i]).matches()) {
                return null;
            }
        }
        return segments;
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        Probe earlier = PROBE.get();
        PROBE.set(probe(lookupPath, request.getMethod()));
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            PROBE.set(earlier);
        }
    }

    /** Only plain methods and plain paths: anything else goes through Spring's own matching alone. */
    private static @Nullable Probe probe(String lookupPath, String method) {
        if (!PLAIN_METHODS.contains(method)) {
            return null;
        }
        boolean plain = lookupPath.length() > 1
                && lookupPath.charAt(0) == '/'
                && !lookupPath.endsWith("/")
                && !lookupPath.contains("//")
                && lookupPath.indexOf('%') < 0
                && lookupPath.indexOf(';') < 0;
        return new Probe(
                RequestMethod.valueOf(method), plain ? lookupPath.substring(1).split("/", -1) : null);
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Probe probe = PROBE.get();
        if (probe != null) {
            Sieve sieve = sieves.get(info);
            if (sieve != null && !sieve.mayMatch(probe)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }
}
