package org.goldenthread.platform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.tenancy.TenancyFilter;
import org.goldenthread.platform.tenancy.Tenants;
import org.goldenthread.platform.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** No inline script or style anywhere; everything comes from this origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String[] PUBLIC = {
        "/assets/**",
        "/css/**",
        "/js/**",
        "/favicon.ico",
        "/login",
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/claim/**"
    };

    /** Choosing a password with a one-time link: the link is the credential, so there is no session to forge. */
    private static final String USE_LINK = "/api/v1/account-links/use";

    /**
     * Pages people reach through a link of their own, without an account: survey respondents'
     * and people registering for an event (the engagement module's), a development pair's (the
     * development module's), a 360° rater's (the development module's) and a person giving their equality
     * answers (the pipeline module's); and the "you said, we did" page shared with those who took part
     * in a survey or event (engagement's).
     */
    private static final String[] RESPONDENT_PAGES = {
        "/respond/**",
        "/invited/**",
        "/relationship/**",
        "/equality/**",
        "/feedback/**",
        "/event/**",
        "/event-place/**",
        "/you-said-we-did/**"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /**
     * No observation of Spring Security's filters at all, rather than observations that are made and
     * then dropped (management.observations.enable.spring.security is off): otherwise every filter of
     * every request is still wrapped to start and stop one, a measurable share of a survey response.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    TenancyFilterHolder tenancyFilter(Tenants tenants, Accounts accounts) {
        return new TenancyFilterHolder(new TenancyFilter(
                tenants,
                authentication ->
                        authentication != null && authentication.getDetails() instanceof ApiTokens.Bearer bearer
                                ? Optional.of(bearer.caller())
                                : SignedInUser.of(authentication).flatMap(accounts::caller)));
    }

    /** Keeps the filter out of the servlet container's own chain: it belongs inside Spring Security's. */
    record TenancyFilterHolder(TenancyFilter filter) {}

    // Password sign-in (the one AuthenticationProvider bean) reaches both chains through Spring
    // Security's global authentication manager. Adding it to a chain as well made a wrong password
    // go through it twice, once per manager, and count twice towards lock-out.

    // metrics describe every tenant's traffic, so they are read like the platform API: with a
    // platform administrator's token (Prometheus sends it as a bearer token)
    private static final String[] API = {
        "/api/**", "/actuator/metrics", "/actuator/metrics/**", "/actuator/info", "/actuator/prometheus"
    };

    /**
     * API calls that carry a bearer token: the token is the whole of who is calling, so there is no
     * session to look up or keep, no CSRF token (a call with credentials in its header never needed
     * one), no password sign-in and no anonymous caller. The same rules and answers as {@link #api}
     * otherwise; a call without a bearer token goes there. Single survey responses come this way at
     * hundreds a second, and the filters left out here have nothing to do for them.
     */
    @Bean
    @Order(0)
    SecurityFilterChain bearerApi(HttpSecurity http, ApiTokens tokens, Tenants tenants, TenancyFilterHolder tenancy)
            throws Exception {
        http.securityMatcher(request -> {
                    String header = request.getHeader("Authorization");
                    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && isApi(request);
                })
                .authorizeHttpRequests(SecurityConfiguration::apiRules)
                .addFilterBefore(new BearerTokenFilter(tokens, tenants), ExceptionTranslationFilter.class)
                .addFilterBefore(tenancy.filter(), AuthorizationFilter.class)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .anonymous(a -> a.disable())
                .servletApi(s -> s.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable());
        return apiAnswers(http);
    }

    /** How both API chains answer a refusal (as problem JSON, never a sign-in page), and their headers. */
    private static SecurityFilterChain apiAnswers(HttpSecurity http) throws Exception {
        return http.exceptionHandling(
                        e -> e.authenticationEntryPoint((request, response, ex) -> apiUnauthorized(response, ex))
                                .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(
                                        response, HttpStatus.FORBIDDEN, "Your role does not allow this.", List.of())))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    private static final RequestMatcher API_PATHS = new OrRequestMatcher(Arrays.stream(API)
            .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p))
            .toList());

    private static boolean isApi(HttpServletRequest request) {
        return API_PATHS.matches(request);
    }

    private static void apiRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        a.requestMatchers("/api/v1/openapi", "/api/v1/openapi/**", USE_LINK)
                .permitAll()
                .requestMatchers("/api/v1/admin/**", "/actuator/**")
                .access(platformAdmin())
                .anyRequest()
                .authenticated();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Tenants tenants, TenancyFilterHolder tenancy)
            throws Exception {
        http.securityMatcher(API)
                .authorizeHttpRequests(SecurityConfiguration::apiRules)
                .httpBasic(b -> b.realmName("Golden Thread")
                        .authenticationEntryPoint((request, response, e) -> apiUnauthorized(response, e)))
                .addFilterBefore(new BearerTokenFilter(tokens, tenants), BasicAuthenticationFilter.class)
                .addFilterBefore(tenancy.filter(), AuthorizationFilter.class)
                // A browser session calling the API needs the CSRF token; automation sends credentials instead.
                .csrf(c -> c.ignoringRequestMatchers(request ->
                        request.getHeader("Authorization") != null || USE_LINK.equals(request.getServletPath())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                // nothing to sign out of or return to under /api: two filters fewer on every call
                .logout(l -> l.disable())
                .requestCache(r -> r.disable());
        return apiAnswers(http);
    }

    /**
     * Survey respondents: nobody signs in, and nothing is kept about them in a session. The CSRF
     * token lives in a cookie instead, so a form left open for hours on a phone still submits, and
     * it is issued before the page is written so the cookie cannot miss a response already under way.
     */
    @Bean
    @Order(2)
    SecurityFilterChain respondents(
            HttpSecurity http, @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies)
            throws Exception {
        CookieCsrfTokenRepository csrfCookies = new CookieCsrfTokenRepository();
        csrfCookies.setCookieName("GTRESPOND");
        csrfCookies.setCookieCustomizer(c -> c.secure(secureCookies).sameSite("Lax"));
        http.securityMatcher(RESPONDENT_PAGES)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(csrfCookies))
                .addFilterAfter(
                        (request, response, chain) -> {
                            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                                token.getToken();
                            }
                            chain.doFilter(request, response);
                        },
                        CsrfFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        // the path carries the respondent's token: never pass it on
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(
            HttpSecurity http,
            TenancyFilterHolder tenancy,
            ObjectProvider<ClientRegistrationRepository> oidcProviders,
            Accounts accounts,
            Audit audit,
            @Value("${gt.public-url:}") String publicUrl)
            throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .access(platformAdmin())
                        .requestMatchers("/actuator/**")
                        .access(platformAdmin())
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", true)
                        .failureHandler(signInFailure()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessHandler(signedOut(oidcProviders, publicUrl)))
                .addFilterBefore(tenancy.filter(), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(withProviderSignOut(oidcProviders)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (oidcProviders.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(new OidcSignIn(accounts, audit)))
                    .failureHandler((request, response, e) -> response.sendRedirect("/login?error="
                            + (e instanceof OAuth2AuthenticationException oauth
                                            && OidcSignIn.EMAIL_NOT_VERIFIED.equals(
                                                    oauth.getError().getErrorCode())
                                    ? "sso-unverified"
                                    : "sso"))));
        }
        return http.build();
    }

    /**
     * The sign-out form's answer sends the browser on to the provider's sign-out page, and browsers
     * hold such a redirect to the page's form-action rule: each provider's sign-out origin is allowed.
     */
    private static String withProviderSignOut(ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        java.util.Set<String> origins = new java.util.TreeSet<>();
        if (oidcProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                Object endpoint = ((org.springframework.security.oauth2.client.registration.ClientRegistration)
                                registration)
                        .getProviderDetails()
                        .getConfigurationMetadata()
                        .get("end_session_endpoint");
                if (endpoint != null) {
                    java.net.URI uri = java.net.URI.create(endpoint.toString());
                    origins.add(uri.getScheme() + "://" + uri.getRawAuthority());
                }
            }
        }
        return origins.isEmpty()
                ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace(
                        "form-action 'self'", "form-action 'self' " + String.join(" ", origins));
    }

    /**
     * After signing out of a session begun through single sign-on, the provider's own session ends
     * too (OpenID Connect RP-initiated logout, where the provider offers it): otherwise the next
     * "Sign in with ..." on a shared workstation would sign straight back in without a password.
     */
    private static LogoutSuccessHandler signedOut(
            ObjectProvider<ClientRegistrationRepository> oidcProviders, String publicUrl) {
        ClientRegistrationRepository registrations = oidcProviders.getIfAvailable();
        if (registrations == null) {
            SimpleUrlLogoutSuccessHandler plain = new SimpleUrlLogoutSuccessHandler();
            plain.setDefaultTargetUrl("/login?signed-out");
            return plain;
        }
        OidcClientInitiatedLogoutSuccessHandler oidc = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        String base = publicUrl == null || publicUrl.isBlank()
                ? "{baseUrl}"
                : publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        oidc.setPostLogoutRedirectUri(base + "/login?signed-out");
        oidc.setDefaultTargetUrl("/login?signed-out");
        return oidc;
    }

    private static AuthorizationManager<RequestAuthorizationContext> platformAdmin() {
        return (authentication, context) -> {
            Caller caller = Scope.current().caller();
            return new AuthorizationDecision(caller != null && caller.isPlatformAdmin());
        };
    }

    private static AuthenticationFailureHandler signInFailure() {
        return (request, response, e) -> {
            String reason =
                    e instanceof LockedException ? "locked" : e instanceof DisabledException ? "disabled" : "bad";
            response.sendRedirect("/login?error=" + reason);
        };
    }

    private static void apiUnauthorized(HttpServletResponse response, Exception e) throws java.io.IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        String detail = e instanceof LockedException
                ? "This account is locked after repeated failed sign-ins. Try again later or ask an administrator to reset the password."
                : e instanceof DisabledException
                        ? "This account has been disabled."
                        : "Sign in: send Authorization: Bearer <token>, or HTTP Basic credentials to POST /api/v1/tokens. "
                                + "The credentials given, if any, were not accepted.";
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, detail, List.of());
    }
}
