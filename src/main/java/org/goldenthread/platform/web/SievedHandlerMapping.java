package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds the handler for a request as Spring MVC does, but tries only the handlers that can fit it.
 * For a path with a variable in it ({@code /api/v1/ics/{ods}/…}, most API calls) Spring tries
 * every one of the application's several hundred handlers in turn, each test asking the request
 * (through Spring Security's wrappers) for its method, content type and path again: measured at
 * about a third of the CPU of a single survey response. Here the handlers are kept in a tree of
 * their paths' segments (fixed text, or a variable that takes any one segment), and a request
 * tries only those the tree leads to whose declared methods include its own, with Spring's own
 * matching and choice of the best. Anything the tree is unsure of goes to Spring as before: a
 * pattern with wildcards or regular expressions is tried for every request, an encoded or unusual
 * path, HEAD and OPTIONS skip the tree, and when nothing fits, Spring's own lookup gives the
 * answer (404, 405, 415).
 */
class SievedHandlerMapping extends RequestMappingHandlerMapping {

    /** A segment that is plain text: matched as it is, with no wildcard or variable in it. */
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()+,=:@-]+");

    /** A segment that is one variable and nothing else: it takes any one segment. */
    private static final Pattern VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*\\}");

    /** The methods whose matching is plain membership (HEAD also matches GET, OPTIONS is special). */
    private static final Set<String> PLAIN_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private volatile @Nullable Tree tree;

    /** One handler: its mapping, its method and the request methods it declares (none: any). */
    private record Handler(RequestMappingInfo info, HandlerMethod method, Set<RequestMethod> methods) {}

    /** A level of the tree: handlers whose paths end here, and the ways on by fixed text or by a variable. */
    private static final class Node {
        final List<Handler> ending = new ArrayList<>();
        final Map<String, Node> fixed = new HashMap<>();

        @Nullable
        Node variable;

        /** The way on by a variable, made when first asked for. */
        Node variable() {
            Node next = variable;
            if (next == null) {
                next = new Node();
                variable = next;
            }
            return next;
        }

        void collect(String[] segments, int depth, List<Handler> into) {
            if (depth == segments.length) {
                into.addAll(ending);
                return;
            }
            Node next = fixed.get(segments[depth]);
            if (next != null) {
                next.collect(segments, depth + 1, into);
            }
            Node any = variable;
            if (any != null) {
                any.collect(segments, depth + 1, into);
            }
        }
    }

    /** Every handler, in the tree by its paths, or among those tried for every request. */
    private record Tree(Node root, List<Handler> everywhere) {}

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
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        tree = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
        super.registerMapping(mapping, handler, method);
        tree = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        tree = null;
    }

    private Tree tree() {
        Tree built = tree;
        if (built == null) {
            built = build(getHandlerMethods());
            tree = built;
        }
        return built;
    }

    private Tree build(Map<RequestMappingInfo, HandlerMethod> handlers) {
        Node root = new Node();
        List<Handler> everywhere = new ArrayList<>();
        PathPatternParser parser = getPatternParser();
        handlers.forEach((info, method) -> {
            Handler handler = new Handler(
                    info, method, Set.copyOf(info.getMethodsCondition().getMethods()));
            List<String[]> paths = parser != null && parser.isCaseSensitive() ? plainPaths(info) : null;
            if (paths == null) {
                everywhere.add(handler);
                return;
            }
            for (String[] path : paths) {
                Node node = root;
                for (String segment : path) {
                    node = segment == null ? node.variable() : node.fixed.computeIfAbsent(segment, s -> new Node());
                }
                node.ending.add(handler);
            }
        });
        return new Tree(root, List.copyOf(everywhere));
    }

    /** Each of the mapping's path patterns as segments (null for a variable); null if any is more than that. */
    private static @Nullable List<String[]> plainPaths(RequestMappingInfo info) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns == null || patterns.getPatterns().isEmpty()) {
            return null;
        }
        List<String[]> paths = new ArrayList<>();
        for (PathPattern pattern : patterns.getPatterns()) {
            String text = pattern.getPatternString();
            if (!text.startsWith("/") || text.length() < 2 || text.endsWith("/")) {
                return null;
            }
            String[] segments = text.substring(1).split("/", -1);
            for (int i = 0; i < segments.length; i++) {
                if (VARIABLE.matcher(segments[i]).matches()) {
                    segments[i] = null;
                } else if (!LITERAL.matcher(segments[i]).matches()) {
                    return null;
                }
            }
            paths.add(segments);
        }
        return paths;
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        String method = request.getMethod();
        String[] segments = segments(lookupPath);
        if (!PLAIN_METHODS.contains(method) || segments == null) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Tree tree = tree();
        List<Handler> candidates = new ArrayList<>();
        tree.root().collect(segments, 0, candidates);
        candidates.addAll(tree.everywhere());
        RequestMethod requestMethod = RequestMethod.valueOf(method);
        List<RequestMappingInfo> matched = new ArrayList<>(2);
        List<Handler> of = new ArrayList<>(2);
        for (Handler candidate : candidates) {
            if (!candidate.methods().isEmpty() && !candidate.methods().contains(requestMethod)) {
                continue;
            }
            RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
            if (match != null && !of.contains(candidate)) {
                matched.add(match);
                of.add(candidate);
            }
        }
        if (matched.isEmpty()) {
            // nothing fits: Spring's own lookup finds nothing either, and says why (404, 405, 415)
            return super.lookupHandlerMethod(lookupPath, request);
        }
        int best = 0;
        if (matched.size() > 1) {
            Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
            for (int i = 1; i < matched.size(); i++) {
                if (comparator.compare(matched.get(i), matched.get(best)) < 0) {
                    best = i;
                }
            }
            for (int i = 0; i < matched.size(); i++) {
                if (i != best && comparator.compare(matched.get(i), matched.get(best)) == 0) {
                    throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                            + "': {" + of.get(best).method().getMethod() + ", "
                            + of.get(i).method().getMethod() + "}");
                }
            }
        }
        HandlerMethod handler = of.get(best).method();
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matched.get(best), lookupPath, request);
        return handler;
    }

    /** A plain path's segments; null for anything the tree might read differently from Spring. */
    private static String @Nullable [] segments(String lookupPath) {
        boolean plain = lookupPath.length() > 1
                && lookupPath.charAt(0) == '/'
                && !lookupPath.endsWith("/")
                && !lookupPath.contains("//")
                && lookupPath.indexOf('%') < 0
                && lookupPath.indexOf(';') < 0;
        return plain ? lookupPath.substring(1).split("/", -1) : null;
    }
}
