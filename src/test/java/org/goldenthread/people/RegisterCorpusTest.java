package org.goldenthread.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A corpus of broken register files. Each gets a 400 that says where and why, and the register
 * (already holding the small fixture) is exactly as it was afterwards.
 */
class RegisterCorpusTest extends IntegrationTest {

    private String ods;
    private String token;
    private String before;

    @BeforeEach
    void anIcsWithARegister() {
        ods = createIcs("Broken files");
        token = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.addGeography(api, token, ods);
        assertThat(send(RegisterFixture.smallRegister().getBytes(StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(200);
        before = export();
    }

    private Response send(byte[] body) {
        return api.post("/api/v1/ics/" + ods + "/register/import", token, "text/csv", body);
    }

    private String export() {
        return api.get("/api/v1/ics/" + ods + "/register/export", token).body();
    }

    /** Sends a broken file and checks it is refused with these words and changes nothing. */
    private String refused(byte[] body, String... expected) {
        Response r = send(body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains(expected);
        assertThat(export()).isEqualTo(before);
        return r.body();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String row(String personRef, String givenName) {
        return personRef + "," + givenName + ",Smith,,gp,1234567,,,acute,senior,,,,,,,,,,,,,,,";
    }

    @Test
    void wrongEncoding() {
        byte[] latin1 = (RegisterFixture.HEADER + "\n" + row("E1", "Zoë") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        refused(latin1, "\"row\":2", "not UTF-8", "0xEB");
    }

    @Test
    void aByteOrderMarkIsReadAsExcelWritesIt() {
        ByteArrayOutputStream withBom = new ByteArrayOutputStream();
        withBom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        withBom.writeBytes(utf8(before));
        Response r = send(withBom.toByteArray());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("people_added").asInt()
                        + r.json().get("people_changed").asInt())
                .isZero();
        assertThat(export()).isEqualTo(before);
        // and a BOM does not hide a broken header behind a mangled first column name
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        broken.writeBytes(utf8(RegisterFixture.HEADER.replace(",hours_used_per_week", "") + "\n"));
        String body = refused(broken.toByteArray(), "\"field\":\"hours_used_per_week\"", "missing");
        assertThat(body).doesNotContain("\\uFEFF").doesNotContain("\uFEFF");
    }

    @Test
    void missingColumn() {
        String header = RegisterFixture.HEADER.replace("email,", "");
        refused(
                utf8(header + "\nE1,Ann,Smith,gp,1234567,,,acute,senior,,,,,,,,,,,,,,,\n"),
                "\"row\":1,\"field\":\"email\"",
                "missing");
    }

    @Test
    void extraColumn() {
        refused(
                utf8(RegisterFixture.HEADER + ",shoe_size\n" + row("E1", "Ann") + ",9\n"),
                "\"row\":1,\"field\":\"shoe_size\"",
                "not a column");
    }

    @Test
    void aRowWithTooManyOrTooFewValues() {
        refused(
                utf8(RegisterFixture.HEADER + "\n" + row("E1", "Ann") + ",extra\n" + "E2,Bo\n"),
                "\"row\":2",
                "26 values",
                "\"row\":3",
                "2 values");
    }

    @Test
    void formulas() {
        refused(
                utf8(RegisterFixture.HEADER + "\n" + row("E1", "=cmd|' /C calc'!A0") + "\n" + row("@SUM(1+1)", "Bo")
                        + "\n"),
                "\"row\":2,\"field\":\"given_name\"",
                "formula",
                "\"row\":3,\"field\":\"person_ref\"");
    }

    @Test
    void duplicatedRows() {
        refused(
                utf8(RegisterFixture.HEADER + "\n" + row("E1", "Ann") + "\n" + row("E2", "Bo") + "\n" + row("E1", "Ann")
                        + "\n"),
                "\"row\":4",
                "repeats row 2");
    }

    @Test
    void anUnclosedQuote() {
        refused(utf8(RegisterFixture.HEADER + "\n" + row("E1", "\"Ann") + "\n"), "not valid CSV");
    }

    @Test
    void anEmptyFileAndNulBytes() {
        refused(new byte[0], "empty");
        refused(utf8(RegisterFixture.HEADER + "\n" + row("E1", "A\u0000nn") + "\n"), "\"row\":2", "NUL");
    }

    @Test
    void tenMegabytesOfBinaryGarbage() {
        byte[] garbage = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(garbage);
        refused(garbage, "not UTF-8");
    }

    @Test
    void tenMegabytesOfTextGarbage() {
        Random random = new Random(11);
        StringBuilder text = new StringBuilder(10 * 1024 * 1024);
        String alphabet = "abcdefghij,\"\n ;=+-@'0123456789";
        while (text.length() < 10 * 1024 * 1024) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        refused(utf8(text.toString()), "\"row\":");
    }
}
