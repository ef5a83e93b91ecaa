package org.goldenthread.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in browser session without a browser: the pages and downloads as a person reaches them. */
public final class PageSession {

    public record Page(int status, byte[] bytes, String contentType) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    // Cookies are kept by hand: the application marks them Secure, which Java's cookie handler then
    // withholds from http://localhost, where browsers send them.
    private final java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();
    private final String base;

    private PageSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in through the sign-in form, failing the test when the credentials are refused. */
    public static PageSession signIn(int port, String email, String password) {
        PageSession session = new PageSession(port);
        Matcher csrf = CSRF.matcher(session.get("/login").body());
        if (!csrf.find()) {
            throw new AssertionError("The sign-in page has no CSRF token");
        }
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<byte[]> r = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("Sign-in failed: " + r.statusCode() + " " + location);
        }
        return session;
    }

    public Page get(String path) {
        HttpResponse<byte[]> r =
                send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        return new Page(
                r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(request, (name, value) -> true);
        if (!cookies.isEmpty()) {
            withCookies.header(
                    "Cookie",
                    String.join(
                            "; ",
                            cookies.entrySet().stream()
                                    .map(c -> c.getKey() + "=" + c.getValue())
                                    .toList()));
        }
        try {
            HttpResponse<byte[]> response = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
