package org.goldenthread.platform.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.tenancy.TenancyFilter;
import org.goldenthread.platform.tenancy.Tenants;
import org.goldenthread.platform.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls that carry {@code Authorization: Bearer <token>}; a bad token is refused outright. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Tenants tenants;

    BearerTokenFilter(ApiTokens tokens, Tenants tenants) {
        this.tokens = tokens;
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        // The token's tables are not tenant-owned, so any scope reads them alike. Reading them in the
        // scope of the ICS the path names leaves the connection set up as the rest of the request wants
        // it, which saves setting it up again (see TenantAwareDataSource).
        Scope scope = TenancyFilter.odsCodeIn(request)
                .flatMap(ods -> Scope.systemPlatform().run(() -> tenants.tenantForRequest(ods)))
                .map(Scope::system)
                .orElse(Scope.systemPlatform());
        Optional<ApiTokens.Bearer> bearer =
                scope.run(() -> tokens.authenticate(header.substring(7).trim()));
        if (bearer.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponses.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "The bearer token is not valid: it is unknown, malformed or has been revoked.",
                    List.of());
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(bearer.get().user(), null, List.of());
        // the roles were read with the token just now; the tenancy filter uses them rather than asking again
        authentication.setDetails(bearer.get());
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
