package org.goldenthread.development;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.MailServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Tells both people of a confirmed pair, by email through the platform's mail server, who they
 * have been paired with and how to reach them. Without a mail server, or an address, the email is
 * counted as not sent and the pair stands.
 */
@Component
class PairingMail {

    private static final Logger LOG = LoggerFactory.getLogger(PairingMail.class);

    /** One email to write; {@code to} may be null when the register holds no address. */
    record Letter(@org.jspecify.annotations.Nullable String to, String subject, String body) {}

    record Sent(int sent, int notSent) {}

    private final MailServer server;

    PairingMail(MailServer server) {
        this.server = server;
    }

    static List<Letter> letters(
            Programmes.Programme programme, Programmes.Participant mentor, Programmes.Participant mentee) {
        String giver = giverWord(programme);
        String subject =
                "Your " + programme.kindLabel().toLowerCase(java.util.Locale.ROOT) + " pair on " + programme.name();
        List<Letter> letters = new ArrayList<>();
        if (programme.kind().equals(ProgrammeKind.EXCHANGE.code())) {
            String each = "You and %s will each host the other at work; the first visit is to %s";
            letters.add(new Letter(
                    mentor.email(),
                    subject,
                    body(mentor.name(), each.formatted(mentee.name(), "your workplace"), programme, mentee)));
            letters.add(new Letter(
                    mentee.email(),
                    subject,
                    body(
                            mentee.name(),
                            each.formatted(mentor.name(), mentor.name() + "'s workplace"),
                            programme,
                            mentor)));
            return letters;
        }
        letters.add(new Letter(
                mentor.email(),
                subject,
                body(mentor.name(), "You will be " + giver + " to " + mentee.name(), programme, mentee)));
        letters.add(new Letter(
                mentee.email(),
                subject,
                body(mentee.name(), mentor.name() + " will be your " + giver, programme, mentor)));
        return letters;
    }

    private static String giverWord(Programmes.Programme programme) {
        return switch (programme.kind()) {
            case "coaching" -> "coach";
            case "buddying" -> "buddy";
            case "exchange" -> "host";
            case "reverse_mentoring" -> "reverse mentor";
            default -> "mentor";
        };
    }

    private static String body(
            String to, String pairing, Programmes.Programme programme, Programmes.Participant other) {
        StringBuilder text = new StringBuilder();
        text.append("Dear ").append(to).append(",\n\n");
        text.append(pairing).append(" on \"").append(programme.name()).append("\".\n\n");
        if (other.email() != null && !other.email().isBlank()) {
            text.append("You can reach ")
                    .append(other.name())
                    .append(" at ")
                    .append(other.email())
                    .append(" to arrange your first conversation.\n");
        } else {
            text.append("The programme's organisers will put you in touch with ")
                    .append(other.name())
                    .append(".\n");
        }
        return text.toString();
    }

    /** Sends what it can; never throws, so that a confirmed round stands whatever the mail server does. */
    Sent send(List<Letter> letters) {
        if (!server.isSetUp()) {
            return new Sent(0, letters.size());
        }
        int sent = 0;
        for (Letter letter : letters) {
            if (letter.to() == null || letter.to().isBlank()) {
                continue;
            }
            try {
                server.sender().send(server.plainText(letter.to(), letter.subject(), letter.body()));
                sent++;
            } catch (MessagingException | MailException e) {
                LOG.warn(
                        "Could not send an email about a confirmed pair ({})",
                        e.getClass().getSimpleName());
            }
        }
        return new Sent(sent, letters.size() - sent);
    }
}
