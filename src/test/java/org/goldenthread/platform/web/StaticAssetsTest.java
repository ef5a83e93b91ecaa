package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.junit.jupiter.api.Test;

/**
 * A phone on a slow connection downloads the stylesheets, scripts and icons once: they are linked
 * by names that carry a hash of their content and may be kept for a year, and text comes
 * compressed. Pages themselves are never kept, so nobody sees another's page from a cache.
 */
class StaticAssetsTest extends IntegrationTest {

    private static final Pattern LINKED = Pattern.compile("(?:href|src)=\"(/(?:css|js|assets)/[^\"]+)\"");
    private static final Pattern IN_CSS = Pattern.compile("url\\(\"?(/assets/[^\")]+)\"?\\)");
    /** Spring's content strategy: the MD5 of the file's bytes before the extension. */
    private static final Pattern HASHED = Pattern.compile(".*-([0-9a-f]{32})\\.(css|js|svg)");

    private static final String YEAR = "max-age=31536000";

    @Test
    void theSignInPageLinksHashedFilesKeptForAYearAndIsItselfNeverKept() {
        PageClient browser = new PageClient(port);
        Page signIn = browser.get("/login", "Accept-Encoding", "gzip");

        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(signIn.headers().firstValue("Content-Encoding")).hasValue("gzip");

        List<String> linked = all(LINKED, gunzip(signIn.bytes()));
        assertThat(linked)
                .as("every stylesheet, script and icon the page links")
                .hasSize(6)
                .anyMatch(p -> p.startsWith("/js/supported-"))
                .anyMatch(p -> p.startsWith("/css/nhsuk-"))
                .anyMatch(p -> p.startsWith("/css/golden-thread-"))
                .anyMatch(p -> p.startsWith("/js/golden-thread-"))
                .anyMatch(p -> p.startsWith("/js/htmx.min-"))
                .anyMatch(p -> p.startsWith("/assets/images/favicon-"));
        for (String path : linked) {
            Page file = browser.get(path, "Accept-Encoding", "gzip");
            assertThat(file.status()).as(path).isEqualTo(200);
            byte[] content =
                    "gzip".equals(file.headers().firstValue("Content-Encoding").orElse(null))
                            ? gunzip(file.bytes())
                            : file.bytes();
            assertKeptForAYear(path, file, content);
            // the favicon and the few lines of the head script are smaller than is worth compressing
            if (!path.endsWith(".svg") && !path.startsWith("/js/supported-")) {
                assertThat(file.headers().firstValue("Content-Encoding"))
                        .as(path)
                        .hasValue("gzip");
                assertThat(file.bytes().length).as(path).isLessThan(content.length / 2);
            }
            // the same headers as pages besides caching: the policy still guards a script opened on its own
            assertThat(file.headers().firstValue("Content-Security-Policy").orElse(""))
                    .as(path)
                    .contains("default-src 'self'");
            assertThat(file.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
        }

        String stylesheet = linked.stream()
                .filter(p -> p.startsWith("/css/nhsuk-"))
                .findFirst()
                .orElseThrow();
        String css = new String(
                gunzip(browser.get(stylesheet, "Accept-Encoding", "gzip").bytes()), StandardCharsets.UTF_8);
        List<String> icons = all(IN_CSS, css.getBytes(StandardCharsets.UTF_8));
        assertThat(icons).as("the icons the NHS.UK stylesheet draws").isNotEmpty();
        for (String icon : icons) {
            Page file = browser.get(icon);
            assertThat(file.status()).as(icon).isEqualTo(200);
            assertKeptForAYear(icon, file, file.bytes());
        }
        assertThat(css)
                .as("Frutiger comes from another host, which the policy blocks")
                .doesNotContain("@font-face");
    }

    @Test
    void aSignedInPageComesCompressedAndIsNeverKept() {
        String ods = createIcs("Compressed pages ICS");
        String admin = createUser("ics_admin", ods);
        PageClient browser = new PageClient(port).signIn(admin, PASSWORD);

        Page overview = browser.get("/ics/" + ods, "Accept-Encoding", "gzip");

        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(overview.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(new String(gunzip(overview.bytes()), StandardCharsets.UTF_8)).contains("Compressed pages ICS");
    }

    @Test
    void aFileNotLinkedByItsHashedNameIsStillServed() {
        Page plain = new PageClient(port).get("/css/golden-thread.css");

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.contentType()).startsWith("text/css");
    }

    /**
     * The hash is of the file as built; a stylesheet is served with its own links rewritten to
     * hashed names, so only other files are served exactly as built.
     */
    private static void assertKeptForAYear(String path, Page file, byte[] served) {
        Matcher hashed = HASHED.matcher(path);
        assertThat(hashed.matches()).as(path + " carries a content hash").isTrue();
        byte[] built = built(path.replace("-" + hashed.group(1), ""));
        assertThat(hashed.group(1)).as(path).isEqualTo(md5(built));
        if (!path.endsWith(".css")) {
            assertThat(served).as(path).isEqualTo(built);
        }
        assertThat(file.headers().firstValue("Cache-Control").orElse(""))
                .as(path)
                .contains(YEAR)
                .doesNotContain("no-store")
                .doesNotContain("no-cache");
    }

    private static byte[] built(String path) {
        try (var in = StaticAssetsTest.class.getResourceAsStream("/static" + path)) {
            assertThat(in).as(path + " in the build").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> all(Pattern pattern, byte[] text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(new String(text, StandardCharsets.UTF_8));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
