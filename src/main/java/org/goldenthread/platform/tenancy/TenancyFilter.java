package org.goldenthread.platform.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Establishes who is calling and for which ICS, before anything else reads data. The account and
 * its roles are read afresh for every request. A caller without a role in the ICS named in the path
 * gets 404, exactly as if the ICS did not exist.
 */
public class TenancyFilter extends OncePerRequestFilter {

    public static final String CALLER = "gt.caller";
    public static final String TENANT = "gt.tenant";

    /**
     * Any path naming an ICS, whatever the code looks like: one that does not resolve to an ICS where
     * the caller holds a role is answered 404 here, never passed on to a controller without a tenant.
     */
    private static final Pattern TENANT_PATH = Pattern.compile("^(/api/v1)?/ics/([^/]+)(/.*)?$");

    private final Tenants tenants;
    private final Function<Authentication, Optional<Caller>> callers;

    public TenancyFilter(Tenants tenants, Function<Authentication, Optional<Caller>> callers) {
        this.tenants = tenants;
        this.callers = callers;
    }

    /** The ODS code a request's path names, upper-cased, if it names one. */
    public static Optional<String> odsCodeIn(HttpServletRequest request) {
        Matcher m = TENANT_PATH.matcher(pathOf(request));
        return m.matches() ? Optional.of(m.group(2).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller =
                Scope.systemPlatform().run(() -> callers.apply(authentication)).orElse(null);
        // The decoded, normalised path, as the controllers' mappings see it: the raw URI may spell
        // the same path differently (%5A for Z, say) and slip past the match.
        String path = pathOf(request);
        boolean api = ProblemResponses.isApi(path);

        // A session (or token) outlives changes to its account: once the account is switched off,
        // removed or left without any role, the session ends here rather than carrying on.
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (signedIn && (caller == null || caller.grants().isEmpty())) {
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            if (api) {
                ProblemResponses.write(
                        response,
                        HttpStatus.UNAUTHORIZED,
                        "You are no longer signed in: this account has been switched off or holds no role.",
                        List.of());
            } else {
                response.sendRedirect(request.getContextPath() + "/login?error=ended");
            }
            return;
        }

        Tenant tenant = null;
        Matcher m = TENANT_PATH.matcher(path);
        if (m.matches() && caller != null) {
            String ods = m.group(2).toUpperCase(Locale.ROOT);
            tenant = Scope.systemPlatform()
                    .run(() -> tenants.tenantForRequest(ods))
                    .filter(t -> !caller.rolesIn(t.id()).isEmpty())
                    .orElse(null);
            if (tenant == null) {
                Optional<String> successor = api ? Optional.empty() : successorFor(ods, caller);
                if (successor.isPresent() && "GET".equals(request.getMethod())) {
                    String rest = m.group(3) == null ? "" : m.group(3);
                    response.sendRedirect(request.getContextPath() + "/ics/" + successor.get()
                            + UriUtils.encodePath(rest, StandardCharsets.UTF_8));
                } else if (api) {
                    ProblemResponses.write(
                            response, HttpStatus.NOT_FOUND, "There is no ICS with this ODS code.", List.of());
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                }
                return;
            }
        }
        boolean platform = caller != null
                && caller.isPlatformAdmin()
                && (path.startsWith("/admin") || path.startsWith("/api/v1/admin"));
        request.setAttribute(CALLER, caller);
        request.setAttribute(TENANT, tenant);
        try (Scope.Entered ignored = new Scope(caller, tenant, platform).enter()) {
            chain.doFilter(request, response);
        }
    }

    /** Where an ICS merged into a larger footprint now lives, if the caller has a role there. */
    private Optional<String> successorFor(String ods, Caller caller) {
        return Scope.systemPlatform()
                .run(() -> tenants.find(ods))
                .filter(Ics::isMerged)
                .flatMap(ics -> Scope.systemPlatform().run(() -> tenants.tenant(ics.mergedInto())))
                .filter(t -> !caller.rolesIn(t.id()).isEmpty())
                .map(Tenant::odsCode);
    }
}
