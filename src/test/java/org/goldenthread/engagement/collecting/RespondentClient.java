package org.goldenthread.engagement.collecting;

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
 * A respondent's browser without the browser: keeps its cookies (by hand, because the cookies are
 * marked Secure, which browsers honour on localhost and Java's cookie store does not), reads the
 * CSRF token from the last form it was shown and sends forms as a browser with JavaScript off would.
 */
final class RespondentClient {

    record Page(int status, String body, String location) {}

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private String csrf;

    RespondentClient(int port) {
        this.base = "http://localhost:" + port;
    }

    Page get(String path) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** Sends a form as pairs of name and value; a name may come more than once, as checkboxes do. */
    Page post(String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrf));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append('&').append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Follows redirects from a response, as a browser would, to the page finally shown. */
    Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.location() != null && hops < 5; hops++) {
            current = get(URI.create(current.location()).getPath()
                    + (URI.create(current.location()).getQuery() == null
                            ? ""
                            : "?" + URI.create(current.location()).getQuery()));
        }
        return current;
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

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
