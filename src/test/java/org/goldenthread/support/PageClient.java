package org.goldenthread.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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
 * A browser without the browser, for the pages as a person (signed in or a respondent) reaches
 * them: keeps its cookies, reads the CSRF token from the last page it was shown and sends forms as
 * a browser with JavaScript off would. Redirects are not followed unless asked ({@link #follow}),
 * so a test sees where a form sends it.
 * <p>
 * Cookies are kept by hand: the application marks them Secure, which browsers honour on
 * localhost and Java's cookie store does not. One client may be used from several threads at once,
 * as a person pressing a button twice would.
 */
public final class PageClient {

    /**
     * A page or download as it came back; {@code location} is where a redirect points, else null.
     * The bytes are as sent: a test that asks for compression unpacks them itself.
     */
    public record Page(int status, byte[] bytes, String contentType, String location, HttpHeaders headers) {

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final int MOST_REDIRECTS = 5;

    private final Map<String, String> cookies;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private volatile String csrf = "";

    public PageClient(int port) {
        this(port, new ConcurrentHashMap<>());
    }

    /**
     * The same browser talking to another instance of the application at another port, as behind a
     * load balancer: it sends the same cookies, and both see the cookies either is given.
     */
    public PageClient onPort(int otherPort) {
        return new PageClient(otherPort, cookies);
    }

    private PageClient(int port, Map<String, String> sharedCookies) {
        this.base = "http://localhost:" + port;
        this.cookies = sharedCookies;
    }

    /** Signs in with the password form; fails the test when that does not work. */
    public PageClient signIn(String email, String password) {
        if (!CSRF.matcher(get("/login").body()).find()) {
            throw new AssertionError("The sign-in page has no CSRF token");
        }
        Page signedIn = post("/login", "email", email, "password", password);
        if (signedIn.status() != 302
                || signedIn.location() == null
                || signedIn.location().contains("error")) {
            throw new AssertionError(
                    "Could not sign in " + email + ": " + signedIn.status() + " " + signedIn.location());
        }
        return this;
    }

    /** Asks for a page, remembering the CSRF token of any form on it for the next post. */
    public Page get(String path) {
        return get(path, new String[0]);
    }

    /** Asks for a page or file with request headers of its own, as pairs of name and value. */
    public Page get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        Page page = send(headers.length == 0 ? request : request.headers(headers));
        Matcher m = CSRF.matcher(page.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /**
     * Sends a form as pairs of name and value, with the CSRF token of the last page shown; a name
     * may come more than once, as checkboxes do.
     */
    public Page post(String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder("_csrf=" + encode(csrf));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append('&').append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return post(path, "application/x-www-form-urlencoded", form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a body exactly as given, such as a multipart form or something no form would send. The
     * CSRF token of the last page shown goes in the query string, where the application also
     * reads it, since such a body may not carry it.
     */
    public Page postBody(String path, String contentType, byte[] body) {
        return post(path + (path.contains("?") ? "&" : "?") + "_csrf=" + encode(csrf), contentType, body);
    }

    /** Sends one file in the form field {@code file}, as an upload form does. */
    public Page upload(String path, String fileName, String contentType, String content) {
        String boundary = "file" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return postBody(path, "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Follows redirects from a response, as a browser would, to the page finally shown. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; current.location() != null && hops < MOST_REDIRECTS; hops++) {
            URI next = URI.create(current.location());
            current = get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
        }
        return current;
    }

    /** The CSRF token of the last page shown, for a test that builds a form body itself. */
    public String csrfToken() {
        return csrf;
    }

    public static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private Page post(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A request for a path; a path the HTTP client cannot send at all throws IllegalArgumentException. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(c -> c.getKey() + "=" + c.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<byte[]> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return new Page(
                r.statusCode(),
                r.body(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Location").orElse(null),
                r.headers());
    }
}
