package org.goldenthread.development;

import jakarta.mail.MessagingException;
import java.time.LocalDate;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.MailServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells someone on an offer's waitlist, by email through the platform's mail server, that a place
 * has come free and is now theirs to take up. The email goes once the change has committed, so
 * nobody hears of a place that a failed change did not give them; without a mail server, or an
 * address in the register, the place is offered all the same.
 */
@Component
class WaitlistMail {

    private static final Logger LOG = LoggerFactory.getLogger(WaitlistMail.class);

    /** Someone moved off the waitlist into a place; {@code email} is null when the register holds none. */
    record PlaceOffered(String person, @Nullable String email, String offer, String provider, LocalDate offeredOn) {}

    private final MailServer server;

    WaitlistMail(MailServer server) {
        this.server = server;
    }

    static String subject(PlaceOffered offered) {
        return "A place on " + offered.offer() + " is yours";
    }

    static String body(PlaceOffered offered) {
        return "Dear " + offered.person() + ",\n\n"
                + "A place has come free on \"" + offered.offer() + "\" (" + offered.provider() + "), and as first on"
                + " its waitlist you have been offered it on " + Dates.day(offered.offeredOn()) + ".\n\n"
                + "Your enrolment now stands as applied: an ICS administrator will confirm your place. If you no"
                + " longer want it, withdraw on the My development page of Golden Thread, or tell an ICS"
                + " administrator, so that the next person waiting can have it.\n";
    }

    @TransactionalEventListener(fallbackExecution = true)
    void send(PlaceOffered offered) {
        String to = offered.email();
        if (!server.isSetUp() || to == null || to.isBlank()) {
            LOG.info("A place offered from a waitlist was not emailed: no mail server or no address");
            return;
        }
        try {
            server.sender().send(server.plainText(to, subject(offered), body(offered)));
        } catch (MessagingException | MailException e) {
            LOG.warn(
                    "Could not email someone offered a place from a waitlist ({})",
                    e.getClass().getSimpleName());
        }
    }
}
