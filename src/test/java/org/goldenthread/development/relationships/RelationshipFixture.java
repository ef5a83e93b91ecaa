package org.goldenthread.development.relationships;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.RegisterEntries;
import org.goldenthread.support.TestMailServer;

/**
 * Arranges relationships for tests without the programme pages, which are not this part's: people
 * through the register's API, a programme by SQL, and pairs through {@code Relationships.open}.
 */
final class RelationshipFixture {

    private static final Pattern LINK = Pattern.compile("/relationship/([A-Za-z0-9_-]{32})");

    private RelationshipFixture() {}

    /** Adds a person to the register; returns their id. A null email leaves them without one. */
    static long person(ApiClient api, String token, String ods, String ref, String given, String family, String email) {
        return RegisterEntries.gp(api, token, ods, ref, given, family, email);
    }

    /**
     * The token of the newest email to this address carrying a relationship link, waiting for it:
     * links are emailed in the background once the pairing has committed.
     */
    static String emailedToken(String email, int emailsBefore) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<MimeMessage> received = TestMailServer.to(email);
            if (received.size() > emailsBefore) {
                Matcher m = LINK.matcher(text(received.get(received.size() - 1)));
                assertThat(m.find()).as("a link in the email to " + email).isTrue();
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No link reached " + email);
    }

    static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
