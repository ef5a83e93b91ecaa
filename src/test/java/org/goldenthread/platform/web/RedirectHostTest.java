package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A forged Host header is never echoed into a redirect, so nobody is sent to sign in on someone else's site. */
class RedirectHostTest extends IntegrationTest {

    @Test
    void theRedirectToSignInDoesNotNameAForgedHost() throws Exception {
        for (String path : new String[] {"/", "/admin/ics", "/ics/QE1/people"}) {
            String answer = rawGet(path, "evil.example");
            assertThat(answer).as(path).startsWith("HTTP/1.1 302");
            String location = header(answer, "Location");
            assertThat(location).as(path).doesNotContain("evil.example").isEqualTo("/login");
        }
    }

    @Test
    void withAPublicUrlRedirectsStartFromIt() throws Exception {
        PublicRedirects filter = new PublicRedirects("https://gt.example.org/");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ics/QE1");
        request.setServerName("evil.example");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(
                    jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                    throws java.io.IOException {
                res.sendRedirect("/login");
            }
        }));
        assertThat(response.getRedirectedUrl()).isEqualTo("https://gt.example.org/login");
        assertThat(filter.fromPublicUrl("https://idp.example/authorize")).isEqualTo("https://idp.example/authorize");
        assertThat(filter.fromPublicUrl("//evil.example/x")).isEqualTo("//evil.example/x");
    }

    /** A request as a client forging its Host header sends it; Java's HTTP client will not send a Host of our choosing. */
    private String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String header(String answer, String name) {
        for (String line : answer.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }
}
