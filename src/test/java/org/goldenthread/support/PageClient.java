package org.goldenthread.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in user's browser without the browser, for checking what pages say: signs in with the
 * password form, keeps its cookies by hand (they are Secure, which Java's cookie store does not
 * send to plain-HTTP localhost) and sends the CSRF token from the last form it was shown.
 */
public final class PageClient {

    public record Page(int status, String body, String location) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private String csrf;

    public PageClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in with the password form; fails the test if that does not work. */
    public PageClient signIn(String email, String password) {
        get("/login");
        Page signedIn = post("/login", "email", email, "password", password);
        if (signedIn.status() != 302
                || signedIn.location() == null
                || signedIn.location().contains("error")) {
            throw new AssertionError(
                    "Could not sign in " + email + ": " + signedIn.status() + " " + signedIn.location());
        }
        return this;
    }

    public Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** Sends a form as pairs of name and value. */
    public Page post(String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrf));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append('&').append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(c -> c.getKey() + "=" + c.getValue())
                                .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return new Page(
                    r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
