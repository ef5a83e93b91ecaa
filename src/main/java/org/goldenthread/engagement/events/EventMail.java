package org.goldenthread.engagement.events;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.MailServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Emails about events: invitations with a personal link, confirmations and promotions from the
 * waitlist with the event's .ics file, waitlist notices and reminders. Written while the request is
 * at hand, sent once its transaction commits, in the background; without a mail server nothing is
 * sent and the registration still stands.
 */
@Component
class EventMail {

    private static final Logger LOG = LoggerFactory.getLogger(EventMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mma", Locale.UK);

    /** One email; {@code event} is attached as an .ics file when given. */
    record Letter(
            String to,
            String subject,
            String body,
            @Nullable Event event) {}

    private final MailServer server;
    private volatile String lastBase = "";
    private final Clock clock;

    EventMail(MailServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    boolean isSetUp() {
        return server.isSetUp();
    }

    /** Where links start; read while a request is at hand, and remembered for the reminder rounds. */
    String base() {
        String base = server.linkBase();
        lastBase = base;
        return base;
    }

    /**
     * Where links start for a round with no request at hand: the public address when one is set,
     * otherwise the one the latest request came by.
     */
    String baseForRounds() {
        try {
            return base();
        } catch (IllegalStateException e) {
            return lastBase;
        }
    }

    static String when(Event event) {
        ZonedDateTime start = event.startsAt().atZone(Dates.ENGLAND);
        ZonedDateTime end = event.endsAt().atZone(Dates.ENGLAND);
        return WHEN.format(start).replace("AM", "am").replace("PM", "pm") + " to "
                + DateTimeFormatter.ofPattern("h:mma", Locale.UK)
                        .format(end)
                        .replace("AM", "am")
                        .replace("PM", "pm")
                + " (UK time)";
    }

    static String where(Event event) {
        return event.online() ? "Online: " + event.location() : "In person: " + event.location();
    }

    Letter invitation(Event event, String icsName, String email, String personalLink) {
        return new Letter(
                email,
                "Invitation: " + event.title(),
                icsName + " invites you to \"" + event.title() + "\".\n\n" + when(event) + "\n" + where(event) + "\n\n"
                        + (event.description() == null
                                ? ""
                                : event.description().strip() + "\n\n")
                        + "To take a place, register with your own link:\n" + personalLink + "\n\n"
                        + "There are " + event.capacity() + " places; when they are taken you can join the waiting"
                        + " list.\n",
                null);
    }

    Letter confirmation(Event event, String email, String personalLink, boolean promoted) {
        String opening = promoted
                ? "A place has come free and it is yours: you have moved from the waiting list onto \"" + event.title()
                        + "\".\n\n"
                : "Your place on \"" + event.title() + "\" is confirmed.\n\n";
        return new Letter(
                email,
                (promoted ? "You have a place: " : "Registered: ") + event.title(),
                opening + when(event) + "\n" + where(event) + "\n\n"
                        + "The attached file adds it to your calendar. If you can no longer come, please cancel so"
                        + " that someone on the waiting list can have your place:\n" + personalLink + "\n",
                event);
    }

    /** To an address the register places outside an event's group, which someone typed on its open link. */
    Letter outsideGroup(Event event, String email) {
        return new Letter(
                email,
                "No place booked: " + event.title(),
                "Someone asked for a place for this address at \"" + event.title() + "\" through its open link. The"
                        + " event is for a particular group of people, and the leadership register does not show you"
                        + " among them, so no place was booked.\n\nIf the register is wrong about you, please tell"
                        + " your ICS's leadership team. If you did not ask, you need do nothing.\n",
                null);
    }

    Letter waitlisted(Event event, String email, String personalLink) {
        return new Letter(
                email,
                "Waiting list: " + event.title(),
                "\"" + event.title() + "\" is full, so you are on its waiting list. If a place comes free it goes to"
                        + " the next person waiting and we will email you.\n\n" + when(event) + "\n" + where(event)
                        + "\n\nTo leave the waiting list:\n" + personalLink + "\n",
                null);
    }

    Letter reminder(Event event, String email, String personalLink) {
        return new Letter(
                email,
                "Reminder: " + event.title(),
                "A reminder that \"" + event.title() + "\" is coming up.\n\n" + when(event) + "\n" + where(event)
                        + "\n\nIf you can no longer come, please cancel:\n" + personalLink + "\n",
                event);
    }

    /** Sends once the caller's transaction has committed (at once if there is none). */
    void sendAfterCommit(List<Letter> letters) {
        if (!server.isSetUp() || letters.isEmpty()) {
            return;
        }
        server.sendAfterCommit(() -> letters.forEach(this::send));
    }

    private void send(Letter letter) {
        try {
            Event event = letter.event();
            server.sender()
                    .send(
                            event == null
                                    ? server.plainText(letter.to(), letter.subject(), letter.body())
                                    : server.withAttachment(
                                            letter.to(),
                                            letter.subject(),
                                            letter.body(),
                                            EventCalendar.fileName(event),
                                            EventCalendar.ics(event, letter.body(), clock.instant()),
                                            EventCalendar.MEDIA_TYPE));
        } catch (MessagingException | MailException e) {
            // the address stays out of the logs
            LOG.warn("Could not send an event email ({})", e.getClass().getSimpleName());
        }
    }
}
