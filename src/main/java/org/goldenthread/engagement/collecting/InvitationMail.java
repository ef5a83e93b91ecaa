package org.goldenthread.engagement.collecting;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.MailServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes and sends invitation and reminder emails through the SMTP server set up with
 * {@code spring.mail.*} (or {@code GT_SMTP_*}). Links start from {@code gt.public-url} where it is
 * set, and otherwise from the address the administrator is using, never from anything a respondent sent.
 */
@Component
class InvitationMail {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationMail.class);
    /** Messages per SMTP connection. */
    private static final int BATCH = 100;

    /** Someone a round is to email: the invitation itself, or a reminder for someone who has had it. */
    record Addressee(long invitationId, String email, boolean reminder) {

        Letter with(String token) {
            return new Letter(invitationId, email, token, reminder);
        }
    }

    /** One email to write, with the personal link issued for it. */
    record Letter(long invitationId, String email, String token, boolean reminder) {}

    private final MailServer server;

    InvitationMail(MailServer server) {
        this.server = server;
    }

    boolean isSetUp() {
        return server.isSetUp();
    }

    /**
     * Where links in emails start. Read while the administrator's request is at hand: the emails
     * themselves are written later, in the background.
     */
    String base() {
        return server.linkBase();
    }

    /**
     * Sends the letters, a connection per hundred, and says which invitations the mail server took.
     * Failures are logged without addresses. {@code base} is what {@link #base()} gave.
     */
    @SuppressWarnings("IdentityHashMapUsage") // a message is its own key: two may be equal in content
    Set<Long> send(Surveys.Survey survey, String icsName, String base, List<Letter> letters) {
        JavaMailSender sender = server.sender();
        Set<Long> delivered = new HashSet<>();
        for (int start = 0; start < letters.size(); start += BATCH) {
            Map<MimeMessage, Long> batch = new IdentityHashMap<>();
            for (Letter letter : letters.subList(start, Math.min(letters.size(), start + BATCH))) {
                try {
                    batch.put(write(survey, icsName, base, letter), letter.invitationId());
                } catch (MessagingException e) {
                    LOG.warn(
                            "Could not write the email for invitation {} ({})",
                            letter.invitationId(),
                            e.getClass().getSimpleName());
                }
            }
            try {
                sender.send(batch.keySet().toArray(new MimeMessage[0]));
                delivered.addAll(batch.values());
            } catch (MailSendException e) {
                // Its message names the refused addresses, which stay out of the logs.
                Set<Object> failed = e.getFailedMessages().keySet();
                batch.forEach((message, id) -> {
                    if (!failed.isEmpty() && !failed.contains(message)) {
                        delivered.add(id);
                    }
                });
                LOG.warn(
                        "The mail server did not take {} of {} survey emails",
                        batch.size()
                                - batch.values().stream()
                                        .filter(delivered::contains)
                                        .count(),
                        batch.size());
            } catch (MailException e) {
                LOG.warn("Could not send {} survey emails: {}", batch.size(), e.getMessage());
            }
        }
        return delivered;
    }

    private MimeMessage write(Surveys.Survey survey, String icsName, String base, Letter letter)
            throws MessagingException {
        String title = survey.definition().title();
        return server.plainText(
                letter.email(),
                (letter.reminder() ? "Reminder: " : "Survey: ") + title,
                body(survey, icsName, base, letter));
    }

    private String body(Surveys.Survey survey, String icsName, String base, Letter letter) {
        StringBuilder text = new StringBuilder();
        String title = survey.definition().title();
        if (letter.reminder()) {
            text.append("We have not yet had your answers to the survey \"")
                    .append(title)
                    .append("\" from ")
                    .append(icsName)
                    .append(". There is still time to give them.\n\n");
        } else {
            text.append(icsName)
                    .append(" invites you to answer the survey \"")
                    .append(title)
                    .append("\".\n\n");
            if (survey.definition().introduction() != null
                    && !survey.definition().introduction().isBlank()) {
                text.append(survey.definition().introduction().strip()).append("\n\n");
            }
        }
        // the same link resumes a saved draft
        text.append("Answer it here:\n")
                .append(base)
                .append("/invited/")
                .append(letter.token())
                .append("\n\n");
        text.append("The link is yours alone, so please do not pass it on. You can stop part way and come back"
                + " to your answers with the same link. Once you submit them it cannot be used again.\n");
        if (survey.opensOn() != null && Invitations.today().isBefore(survey.opensOn())) {
            text.append("\nThe survey opens on ")
                    .append(Invitations.DAY.format(survey.opensOn()))
                    .append(".\n");
        }
        if (survey.closesOn() != null) {
            text.append("\nThe survey closes at the end of ")
                    .append(Invitations.DAY.format(survey.closesOn()))
                    .append(".\n");
        }
        if (survey.definition().keepsRespondentsAnonymous()) {
            text.append("\nYour answers are anonymous: they are kept apart from your email address and this link,"
                    + " and all that is recorded against your invitation is that you have responded.\n");
        }
        return text.toString();
    }
}
