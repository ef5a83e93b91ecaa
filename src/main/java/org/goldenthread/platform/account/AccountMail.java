package org.goldenthread.platform.account;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Emails about a person's own account: the link to claim it or to choose a new password, and word
 * that they were given a role. Sent through the same SMTP server as survey emails, at once: an
 * administrator is told whether it went, so that without a mail server they can hand the link over.
 */
@Component
class AccountMail {

    private static final Logger LOG = LoggerFactory.getLogger(AccountMail.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final String host;
    private final String from;
    private final String publicUrl;

    AccountMail(ObjectProvider<JavaMailSender> senders, @Value("${spring.mail.host:}") String host,
                @Value("${gt.mail.from:}") String from, @Value("${gt.public-url:}") String publicUrl) {
        this.senders = senders;
        this.host = host;
        this.from = from;
        this.publicUrl = publicUrl;
    }

    boolean isSetUp() {
        return !host.isBlank() && senders.getIfAvailable() != null;
    }

    /** Where links start: the configured public address, else the one the administrator is using. */
    String base() {
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl;
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String linkFor(String token) {
        return base() + "/claim/" + token;
    }

    /** Sends one email, saying whether the mail server took it. Failures are logged without the address. */
    boolean send(String to, String subject, String body) {
        if (!isSetUp()) {
            return false;
        }
        JavaMailSender sender = senders.getObject();
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            if (!from.isBlank()) {
                helper.setFrom(from);
            }
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
            return true;
        } catch (MessagingException | MailException e) {
            LOG.warn("Could not send an account email ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    static String claimBody(String roleAndPlace, String link, int days) {
        return "You have been given a Golden Thread account, as " + roleAndPlace + ".\n\n"
                + "Choose your password here to start using it:\n" + link + "\n\n"
                + "The link works once, for " + days + " days. If your organisation signs you in to Golden Thread"
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
