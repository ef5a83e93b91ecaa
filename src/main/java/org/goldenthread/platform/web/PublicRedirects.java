package org.goldenthread.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.goldenthread.platform.Settings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects never name the host the request claimed to be for: a forged {@code Host} header must
 * not send people to sign in somewhere else. Where {@code gt.public-url} is set, a redirect within
 * the application starts from it; otherwise it stays relative ({@code server.tomcat.use-relative-redirects}
 * keeps Tomcat from completing it with the request's host).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicRedirects extends OncePerRequestFilter {

    private final String publicUrl;

    PublicRedirects(String publicUrl) {
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    @Autowired
    PublicRedirects(Settings settings) {
        this(settings.publicUrl());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return publicUrl.isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                sendRedirect(location, SC_FOUND, true);
            }

            @Override
            public void sendRedirect(String location, boolean clearBuffer) throws IOException {
                sendRedirect(location, SC_FOUND, clearBuffer);
            }

            @Override
            public void sendRedirect(String location, int status) throws IOException {
                sendRedirect(location, status, true);
            }

            @Override
            public void sendRedirect(String location, int status, boolean clearBuffer) throws IOException {
                super.sendRedirect(fromPublicUrl(location), status, clearBuffer);
            }
        });
    }

    /** A path within the application, from the public URL; anything else (another site, a relative path) as it is. */
    String fromPublicUrl(String location) {
        return location != null && location.startsWith("/") && !location.startsWith("//")
                ? publicUrl + location
                : location;
    }
}
