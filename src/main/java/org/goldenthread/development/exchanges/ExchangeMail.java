package org.goldenthread.development.exchanges;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.util.List;
import org.goldenthread.platform.MailServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Emails an exchange's invitations, each with its .ics file attached. A visit or closing event is
 * arranged inside its caller's transaction, so the emails wait until that commits and then go in
 * the background: without a mail server, or an address, nothing is sent and the date still stands
 * (the pages offer the same file to download).
 */
@Component
class ExchangeMail {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeMail.class);

    /** One email to write; {@code to} is null when the register holds no address. */
    record Letter(@Nullable String to, String subject, String body, Invitation invitation) {}

    private final MailServer server;
    private final Clock clock;

    ExchangeMail(MailServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Sends the letters once the caller's transaction has committed (at once if there is none). */
    void sendAfterCommit(List<Letter> letters) {
        if (!server.isSetUp() || letters.isEmpty()) {
            return;
        }
        server.sendAfterCommit(() -> letters.forEach(this::send));
    }

    private void send(Letter letter) {
        if (letter.to() == null || letter.to().isBlank()) {
            return;
        }
        try {
            server.sender()
                    .send(server.withAttachment(
                            letter.to(),
                            letter.subject(),
                            letter.body(),
                            letter.invitation().fileName(),
                            letter.invitation().ics(clock.instant()),
                            Invitation.MEDIA_TYPE + "; charset=UTF-8; method=PUBLISH"));
        } catch (MessagingException | MailException e) {
            // the address stays out of the logs
            LOG.warn("Could not email an exchange invitation ({})", e.getClass().getSimpleName());
        }
    }
}
