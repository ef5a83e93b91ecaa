package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Holds every handler to its {@link AccessDeclaration} before it runs. A caller without an allowed
 * role gets 403 (they already passed the 404 for an ICS where they hold no role at all); one of our
 * handlers that declares nothing is refused to everyone and logged, so a forgotten declaration
 * fails closed.
 */
class AccessRules implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessRules.class);

    /** Each handler's declaration, read from its annotations once rather than on every request. */
    private final Map<Method, Optional<AccessDeclaration>> declarations = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !AccessDeclaration.isOurs(method)) {
            return true;
        }
        AccessDeclaration declaration = declarations
                .computeIfAbsent(method.getMethod(), m -> AccessDeclaration.of(method))
                .orElse(null);
        if (declaration == null) {
            log.error("Refused {}: the handler has no access declaration", method.getShortLogMessage());
            throw new Forbidden("This is not open to anyone yet");
        }
        Scope scope = Scope.current();
        Caller caller = scope.caller();
        Set<Role> heldHere = caller == null || scope.tenant() == null
                ? Set.of()
                : caller.rolesIn(scope.tenant().id());
        boolean platformAdmin = caller != null && caller.isPlatformAdmin();
        if (!declaration.admits(caller != null, heldHere, platformAdmin)) {
            throw new Forbidden(declaration.refusal(scope.tenant() != null));
        }
        return true;
    }
}
