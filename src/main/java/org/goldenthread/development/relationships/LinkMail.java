package org.goldenthread.development.relationships;

import jakarta.mail.MessagingException;
import java.util.Optional;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.MailServer;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Emails a person their link to a relationship. A relationship opens inside its caller's
 * transaction, so its emails wait until that commits and then go out in the background: a slow or
 * missing mail server never holds up or undoes the pairing, and a link whose email did not go
 * stays marked as not emailed, for an administrator to send another way.
 */
@Component
public class LinkMail {

    private static final Logger LOG = LoggerFactory.getLogger(LinkMail.class);

    /** Everything an email says, gathered while the caller's scope and request are at hand. */
    record Letter(
            PersonalLinks.Issued link,
            String email,
            String name,
            String otherName,
            String programme,
            String role,
            String relationship,
            String icsName,
            String base) {}

    private final MailServer server;
    private final PersonalLinks links;
    private final Register register;
    private final JdbcClient jdbc;
    private final ScopedTransactions transactions;

    LinkMail(
            MailServer server,
            PersonalLinks links,
            Register register,
            JdbcClient jdbc,
            ScopedTransactions transactions) {
        this.server = server;
        this.links = links;
        this.register = register;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    boolean isSetUp() {
        return server.isSetUp();
    }

    /** Where links start, or empty outside a request when no public address is set. */
    Optional<String> base() {
        try {
            return Optional.of(server.linkBase());
        } catch (IllegalStateException noRequest) {
            return Optional.empty();
        }
    }

    /** Emails the link once the caller's transaction has committed (at once if there is none). */
    public void sendAfterCommit(PersonalLinks.Issued link) {
        Optional<Letter> letter = letter(link);
        if (letter.isEmpty()) {
            return;
        }
        server.sendAfterCommit(() -> send(letter.get()));
    }

    /** Emails the link now, outside any transaction; whether the mail server took it. */
    boolean sendNow(PersonalLinks.Issued link) {
        return letter(link).map(this::send).orElse(false);
    }

    /** The email to write, or empty when it cannot be sent: no mail server, no address, or no base for links. */
    private Optional<Letter> letter(PersonalLinks.Issued link) {
        if (!server.isSetUp()) {
            return Optional.empty();
        }
        Optional<String> base = base();
        record Pair(String programme, String kind, long giverId, long receiverId) {}
        Pair pair = jdbc.sql("""
                        select p.name as programme, p.kind, r.giver_id, r.receiver_id
                          from relationship r join programme p on p.id = r.programme_id
                         where r.id = :id""")
                .param("id", link.relationshipId())
                .query(Pair.class)
                .single();
        boolean giver = pair.giverId() == link.personId();
        Person person = register.person(link.personId());
        Person other = register.person(giver ? pair.receiverId() : pair.giverId());
        if (person.email() == null || person.email().isBlank() || base.isEmpty()) {
            return Optional.empty();
        }
        PairRoles roles = PairRoles.of(pair.kind());
        return Optional.of(new Letter(
                link,
                person.email(),
                person.fullName(),
                other.fullName(),
                pair.programme(),
                giver ? roles.giver() : roles.receiver(),
                roles.relationship(),
                Scope.currentTenant().name(),
                base.get()));
    }

    private boolean send(Letter letter) {
        try {
            server.sender()
                    .send(server.plainText(
                            letter.email(),
                            letter.programme() + ": your link for your " + letter.relationship(),
                            body(letter)));
        } catch (MessagingException | MailException e) {
            // the address stays out of the logs
            LOG.warn(
                    "Could not email the link for relationship {} ({})",
                    letter.link().relationshipId(),
                    e.getClass().getSimpleName());
            return false;
        }
        transactions.run(Scope.current(), () -> {
            links.emailed(letter.link());
            return null;
        });
        return true;
    }

    static String body(Letter letter) {
        return letter.icsName() + " has paired you with " + letter.otherName() + " in " + letter.programme()
                + ": you are the " + letter.role() + ".\n\n"
                + "Your own page for your " + letter.relationship() + " is here:\n"
                + letter.base() + "/relationship/" + letter.link().token() + "\n\n"
                + "On it the two of you agree goals, note each time you meet, and, when the time comes, end the "
                + letter.relationship() + " with a short reflection. What you write there is for the two of you:"
                + " the programme's organisers see only that you have met, how often and for how long.\n\n"
                + "The link is yours alone, so please do not pass it on. If it stops working, ask the programme's"
                + " organisers for a new one.\n";
    }
}
