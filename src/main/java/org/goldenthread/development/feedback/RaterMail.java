package org.goldenthread.development.feedback;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.MailServer;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emails raters their links: the invitation when they are nominated and, for those who have not
 * answered, reminders. Links are kept only as digests, so a reminder carries a new link that
 * replaces the old (saved answers stay with the invitation). Emails go out in the background once
 * the change that made the link has committed; without a mail server, links are copied by hand.
 */
@Component
class RaterMail {

    private static final Logger LOG = LoggerFactory.getLogger(RaterMail.class);

    /** Everything an email says, gathered while the caller's scope and request are at hand. */
    record Letter(
            RaterLinks.Issued link,
            String email,
            String name,
            String leader,
            String group,
            boolean managerShown,
            LocalDate closesOn,
            String icsName,
            String base,
            boolean reminder) {}

    private final MailServer server;
    private final RaterLinks links;
    private final FeedbackRounds rounds;
    private final JdbcClient jdbc;
    private final ScopedTransactions transactions;
    private final Audit audit;
    private final Clock clock;

    RaterMail(
            MailServer server,
            RaterLinks links,
            FeedbackRounds rounds,
            JdbcClient jdbc,
            ScopedTransactions transactions,
            Audit audit,
            Clock clock) {
        this.server = server;
        this.links = links;
        this.rounds = rounds;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    boolean isSetUp() {
        return server.isSetUp();
    }

    /** Where links start; outside a request with no public address set, the site's root. */
    String base() {
        try {
            return server.linkBase();
        } catch (IllegalStateException noRequest) {
            return "";
        }
    }

    /** Whether the rater has an address this server can email: otherwise the link is copied by hand. */
    boolean canEmail(long invitationId) {
        return server.isSetUp() && email(invitationId) != null;
    }

    private @Nullable String email(long invitationId) {
        return jdbc.sql("select email from feedback_invitation where id = :id")
                .param("id", invitationId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Emails a new rater their link once the caller's transaction has committed. */
    void inviteAfterCommit(Round round, RaterLinks.Issued link) {
        letter(round, link, false).ifPresent(this::sendAfterCommit);
    }

    /**
     * New links, emailed, for every rater with an address who has not answered and was not emailed
     * today. Returns how many reminders were sent on their way.
     */
    @Transactional
    int remind(long roundId) {
        Round round = rounds.managed(roundId);
        LocalDate today = LocalDate.now(clock);
        if (round.isClosed(today)) {
            throw new InvalidInput(
                    "round", "This round closed on " + Dates.day(round.closing()) + "; reminders are over");
        }
        if (!server.isSetUp()) {
            throw new InvalidInput(
                    "round", "Email is not set up on this server: make a new link for each rater and send it yourself");
        }
        List<Long> waiting = jdbc.sql("""
                        select id from feedback_invitation
                         where round_id = :round and not responded and email is not null
                           and (last_sent_on is null or last_sent_on < :today)
                         order by id""")
                .param("round", roundId)
                .param("today", today)
                .query(Long.class)
                .list();
        List<Letter> letters = new ArrayList<>();
        for (long id : waiting) {
            letter(round, links.reissue(id), true).ifPresent(letters::add);
        }
        audit.record("feedback.reminders_sent", "feedback_round", roundId, null, Map.of("reminders", letters.size()));
        letters.forEach(this::sendAfterCommit);
        return letters.size();
    }

    private Optional<Letter> letter(Round round, RaterLinks.Issued link, boolean reminder) {
        if (!server.isSetUp()) {
            return Optional.empty();
        }
        record Invitee(String name, @Nullable String email, String raterGroup) {}
        Invitee invitee = jdbc.sql("select name, email, rater_group from feedback_invitation where id = :id")
                .param("id", link.invitationId())
                .query(Invitee.class)
                .single();
        String base = base();
        if (invitee.email() == null || base.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Letter(
                link,
                invitee.email(),
                invitee.name(),
                round.leader(),
                invitee.raterGroup(),
                round.managerShown(),
                round.closesOn(),
                Scope.currentTenant().name(),
                base,
                reminder));
    }

    private void sendAfterCommit(Letter letter) {
        server.sendAfterCommit(() -> send(letter));
    }

    private void send(Letter letter) {
        try {
            server.sender()
                    .send(server.plainText(
                            letter.email(),
                            (letter.reminder() ? "Reminder: " : "") + "Feedback for " + letter.leader(),
                            body(letter)));
        } catch (MessagingException | MailException e) {
            // neither the address nor the link goes into the logs
            LOG.warn("Could not email a 360° feedback link ({})", e.getClass().getSimpleName());
            return;
        }
        transactions.run(
                Scope.current(),
                () -> jdbc.sql("""
                        update feedback_invitation set emailed_on = :today, last_sent_on = :today
                         where id = :id and token_hash = :hash""")
                        .param("today", LocalDate.now(clock))
                        .param("id", letter.link().invitationId())
                        .param("hash", letter.link().hash())
                        .update());
    }

    static String body(Letter letter) {
        boolean manager = RaterGroup.LINE_MANAGER.code().equals(letter.group());
        return "Dear " + letter.name() + ",\n\n"
                + (letter.reminder()
                        ? "This is a reminder: we have not yet had your feedback for " + letter.leader() + ".\n\n"
                        : letter.leader() + " has asked for your feedback on how they lead, as part of a 360° review"
                                + " run by " + letter.icsName() + ". It takes about 15 minutes.\n\n")
                + "Your answers are anonymous: " + letter.leader() + " sees them only together with those of"
                + " others who know them in the same way, and only when enough people have answered."
                + (manager && letter.managerShown()
                        ? " As their line manager, though, your answers will be shown on their own, so "
                                + letter.leader() + " will know they are yours."
                        : "")
                + "\n\nGive your feedback here by the end of " + Dates.day(letter.closesOn()) + ":\n"
                + letter.base() + "/feedback/" + letter.link().token() + "\n\n"
                + (letter.reminder()
                        ? "This link replaces any we sent you before; answers you saved are kept.\n\n"
                        : "")
                + "The link is yours alone, so please do not pass it on.\n";
    }
}
