package org.goldenthread.platform.account;

import jakarta.mail.MessagingException;
import org.goldenthread.platform.MailServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Emails about a person's own account: the link to claim it or to choose a new password, and word
 * that they were given a role. Sent through the same SMTP server as survey emails, at once: an
 * administrator is told whether it went, so that without a mail server they can hand the link over.
 */
@Component
class AccountMail {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMail.class);

    private final MailServer server;

    AccountMail(MailServer server) {
        this.server = server;
    }

    String linkFor(String token) {
        return server.linkBase() + "/claim/" + token;
    }

    /** Sends one email, saying whether the mail server took it. Failures are logged without the address. */
    boolean send(String to, String subject, String body) {
        if (!server.isSetUp()) {
            return false;
        }
        try {
            server.sender().send(server.plainText(to, subject, body));
            return true;
        } catch (MessagingException | MailException e) {
            LOG.warn("Could not send an account email ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    static String claimBody(String roleAndPlace, String link, int days) {
        return "You have been given a Golden Thread account, as " + roleAndPlace + ".\n\n"
                + "Choose your password here to start using it:\n" + link + "\n\n"
                + "The link works once, for " + org.goldenthread.platform.Plurals.of(days, "day")
                + ". If your organisation signs you in to Golden Thread"
                + " with its own account, you can use that instead and ignore this email.\n";
    }

    static String resetBody(String link, int days) {
        return "An administrator asked for you to choose a new Golden Thread password.\n\n"
                + "Choose it here:\n" + link + "\n\n"
                + "The link works once, for " + days + (days == 1 ? " day" : " days") + ". Choosing a new password"
                + " signs you out everywhere and revokes your API tokens. If you did not expect this, tell your"
                + " ICS administrator.\n";
    }

    static String grantedBody(String roleAndPlace) {
        return "Your Golden Thread account now also has the role " + roleAndPlace + ".\n\n"
                + "Sign in as usual to use it. If you did not expect this, tell your ICS administrator.\n";
    }
}
