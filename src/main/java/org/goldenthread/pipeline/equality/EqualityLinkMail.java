package org.goldenthread.pipeline.equality;

import jakarta.mail.MessagingException;
import org.goldenthread.people.Person;
import org.goldenthread.platform.MailServer;
import org.goldenthread.platform.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/** Emails a person their link for giving equality answers. */
@Component
class EqualityLinkMail {

    private static final Logger LOG = LoggerFactory.getLogger(EqualityLinkMail.class);

    private final MailServer server;

    EqualityLinkMail(MailServer server) {
        this.server = server;
    }

    boolean isSetUp() {
        return server.isSetUp();
    }

    /** Where links start, taken from the request or the configured public address. */
    String base() {
        return server.linkBase();
    }

    /** Whether the mail server took the email; false also when there is no server or no address. */
    boolean send(Person person, EqualityLinks.Issued link) {
        if (!server.isSetUp() || person.email() == null || person.email().isBlank()) {
            return false;
        }
        try {
            server.sender()
                    .send(server.plainText(
                            person.email(),
                            Scope.currentTenant().name() + ": equality monitoring, if you wish to take part",
                            body(
                                    person.givenName(),
                                    Scope.currentTenant().name(),
                                    base() + "/equality/" + link.token())));
            return true;
        } catch (MessagingException | MailException e) {
            // the address stays out of the logs
            LOG.warn("Could not email an equality link ({})", e.getClass().getSimpleName());
            return false;
        }
    }

    static String body(String name, String ics, String link) {
        return "Dear " + name + ",\n\n"
                + ics + " wants its leadership to reflect the people and communities it serves, and checks"
                + " whether everyone has the same chance of a leadership role. To do that it asks leaders three"
                + " short, voluntary questions: ethnic group, sex and disability.\n\n"
                + "Answering is up to you, and \"Prefer not to say\" is always an answer. Your answers are kept"
                + " apart from your name, and nobody at " + ics + " can see them for you alone: they are only"
                + " ever counted together with other people's, and small groups are hidden.\n\n"
                + "Your own page for the questions is here:\n" + link + "\n\n"
                + "The link is yours alone, so please do not pass it on. You can use it again to change your"
                + " answers.\n";
    }
}
