package org.goldenthread.platform.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.SignedIn;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * What a handler declares about who may call it, read from {@link Allowed}, {@link SignedIn} or
 * {@link Public} on the method or, failing that, on its class. One source for the check made on
 * every request ({@link AccessRules}), the OpenAPI document and the README's table of who may do what.
 *
 * @param roles  for {@link Allowed}, the roles any one of which lets a caller in; otherwise empty
 * @param signedIn whether any signed-in account may call it
 * @param publicReason for {@link Public}, why no sign-in is needed; otherwise {@code null}
 */
public record AccessDeclaration(
        Set<Role> roles, boolean signedIn, @Nullable String publicReason) {

    /** Our own handlers must declare; the framework's (error page, OpenAPI document) are not ours to annotate. */
    private static final String OURS = "org.goldenthread.";

    public static Optional<AccessDeclaration> of(HandlerMethod handler) {
        return of(handler.getMethod(), handler.getBeanType());
    }

    static Optional<AccessDeclaration> of(Method method, Class<?> type) {
        List<AccessDeclaration> onMethod = declaredOn(method);
        List<AccessDeclaration> found = onMethod.isEmpty() ? declaredOn(type) : onMethod;
        // Two declarations on one handler would leave the reader guessing which one holds.
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static List<AccessDeclaration> declaredOn(AnnotatedElement element) {
        List<AccessDeclaration> found = new ArrayList<>();
        Allowed allowed = element.getAnnotation(Allowed.class);
        if (allowed != null) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(List.of(allowed.value()));
            found.add(new AccessDeclaration(Set.copyOf(roles), false, null));
        }
        if (element.isAnnotationPresent(SignedIn.class)) {
            found.add(new AccessDeclaration(Set.of(), true, null));
        }
        Public open = element.getAnnotation(Public.class);
        if (open != null) {
            found.add(new AccessDeclaration(Set.of(), false, open.value()));
        }
        return found;
    }

    public static boolean isOurs(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith(OURS);
    }

    public boolean isPublic() {
        return publicReason != null;
    }

    /** Whether this caller, holding these roles here (and platform administration or not), may call the handler. */
    public boolean admits(boolean signedInCaller, Set<Role> heldHere, boolean platformAdmin) {
        if (isPublic()) {
            return true;
        }
        if (!signedInCaller) {
            return false;
        }
        if (signedIn) {
            return true;
        }
        if (platformAdmin && roles.contains(Role.PLATFORM_ADMIN)) {
            return true;
        }
        return heldHere.stream().anyMatch(roles::contains);
    }

    /** Who may call it, in words, for documentation: "ICS admin, place lead", "anyone signed in". */
    public String who() {
        if (isPublic()) {
            return "anyone, without signing in";
        }
        if (signedIn) {
            return "anyone signed in";
        }
        return EnumSet.copyOf(roles).stream().map(Role::label).collect(Collectors.joining(", "));
    }

    /** Why a caller outside the declaration is refused, naming who it is for: "…; it is for ICS admins and analysts." */
    public String refusal(boolean inIcs) {
        String start = inIcs ? "Your role in this ICS does not allow this" : "Your role does not allow this";
        if (isPublic() || signedIn || roles.isEmpty()) {
            return start + ".";
        }
        List<String> whom =
                EnumSet.copyOf(roles).stream().map(AccessDeclaration::plural).toList();
        String list = whom.size() == 1
                ? whom.get(0)
                : String.join(", ", whom.subList(0, whom.size() - 1)) + " and " + whom.get(whom.size() - 1);
        return start + "; it is for " + list + ".";
    }

    private static String plural(Role role) {
        return switch (role) {
            case PLATFORM_ADMIN -> "platform administrators";
            case ICS_ADMIN -> "ICS admins";
            case PLACE_LEAD -> "place leads";
            case MEMBER -> "members";
            case ANALYST -> "analysts";
        };
    }

    /**
     * The handlers among these mappings that break the rules, each named with its paths and the
     * reason: one of ours without exactly one declaration, a declaration of no roles, or a path under
     * an ICS open to callers who need no role in it.
     */
    public static List<String> violations(Map<RequestMappingInfo, HandlerMethod> mappings) {
        Set<String> found = new TreeSet<>();
        mappings.forEach((info, handler) -> {
            if (!isOurs(handler)) {
                return;
            }
            String name = info.getPatternValues() + " " + handler.getShortLogMessage();
            Optional<AccessDeclaration> declared = of(handler);
            if (declared.isEmpty()) {
                found.add(name + ": no access declaration (@Allowed, @SignedIn or @Public), or more than one");
                return;
            }
            AccessDeclaration declaration = declared.get();
            if (!declaration.isPublic()
                    && !declaration.signedIn()
                    && declaration.roles().isEmpty()) {
                found.add(name + ": @Allowed names no role");
            }
            boolean underIcs = info.getPatternValues().stream().anyMatch(AccessDeclaration::isIcsPath);
            if (underIcs && (declaration.isPublic() || declaration.signedIn())) {
                found.add(name + ": a path under an ICS must name the roles it allows there");
            }
        });
        return List.copyOf(found);
    }

    static boolean isIcsPath(String pattern) {
        return pattern.startsWith("/ics/") || pattern.startsWith("/api/v1/ics/");
    }
}
