package org.goldenthread.engagement.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.goldenthread.engagement.audiences.Audiences;
import org.goldenthread.engagement.audiences.Criteria;
import org.goldenthread.engagement.audiences.Member;
import org.goldenthread.engagement.audiences.Population;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.LinkSecret;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places on events. Every change to who has a place runs under a lock on the event's row
 * ({@code select … for update}), so registrations and cancellations that arrive together are taken
 * one after another: the places given never exceed the capacity, and a freed place goes to exactly
 * one person from the waitlist, the one who joined it first.
 */
@Component
public class Registrations {

    private final JdbcClient jdbc;
    private final Events events;
    private final Audiences audiences;
    private final Population population;
    private final EventMail mail;
    private final Audit audit;
    private final Clock clock;
    private final EventLinks links;

    Registrations(
            JdbcClient jdbc,
            Events events,
            Audiences audiences,
            Population population,
            EventMail mail,
            Audit audit,
            Clock clock,
            EventLinks links) {
        this.jdbc = jdbc;
        this.links = links;
        this.events = events;
        this.audiences = audiences;
        this.population = population;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Registration> of(long eventId) {
        events.event(eventId);
        return jdbc.sql("select " + Registration.COLUMNS + """
                         from engagement_registration where event_id = :event
                        order by case status when 'registered' then 0 when 'waitlisted' then 1 when 'invited' then 2
                                 else 3 end, registered_at nulls last, lower(email)""")
                .param("event", eventId)
                .query(Registration.class)
                .list();
    }

    Optional<Registration> byToken(String token) {
        return jdbc.sql("select " + Registration.COLUMNS + """
                         from engagement_registration
                        where id = (select registration_id from engagement_registration_link where token_hash = :hash)""")
                .param("hash", LinkSecret.digest(token))
                .query(Registration.class)
                .optional();
    }

    /** What inviting did: how many were newly invited and how many had been already. */
    public record Invited(
            int invited,

            @com.fasterxml.jackson.annotation.JsonProperty("already_invited")
            int already) {}

    /** Invites each address with a personal link, once; the emails go after the transaction commits. */
    @Transactional
    public Invited invite(long eventId, List<String> emails) {
        for (String email : emails) {
            String e = email == null ? "" : email.trim();
            // the same limit as registering, or the invitee could never use their link
            if (!e.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || e.length() > 320) {
                throw new InvalidInput(
                        "emails", "Email addresses: '" + e + "' is not an email address of up to 320 characters");
            }
        }
        Event event = events.event(eventId);
        if (event.closedAt(clock.instant())) {
            throw new InvalidInput("event", "Registration for this event has closed, so nobody more can be invited");
        }
        String base = mail.baseForRounds();
        String icsName = Scope.currentTenant().name();
        List<EventMail.Letter> letters = new ArrayList<>();
        int invited = 0;
        for (String email : emails.stream().map(String::trim).distinct().toList()) {
            Optional<Long> added = jdbc.sql("""
                            insert into engagement_registration (event_id, email, status, invited)
                            values (:event, :email, 'invited', true)
                            on conflict (ics_id, event_id, lower(email)) do nothing
                            returning id""")
                    .param("event", eventId)
                    .param("email", email)
                    .query(Long.class)
                    .optional();
            if (added.isPresent()) {
                invited++;
                String token = links.issue(added.get());
                letters.add(mail.invitation(event, icsName, email, base + "/event-place/" + token));
            }
        }
        audit.record("invite", "engagement_event", eventId, null, java.util.Map.of("invited", invited));
        mail.sendAfterCommit(letters);
        return new Invited(invited, emails.size() - invited);
    }

    /** Invites everyone the segment reaches today. */
    @Transactional
    public Invited inviteSegment(long eventId, long segmentId) {
        if (audiences.segments().stream().noneMatch(s -> s.id() == segmentId)) {
            throw new InvalidInput("segment_id", "Segment: there is no such segment in this ICS");
        }
        List<String> emails =
                audiences.members(segmentId).stream().map(Member::email).toList();
        return invite(eventId, emails);
    }

    /**
     * What registering came to: the registration, or none when the register turned the address away
     * (its owner is told by email; whoever typed it sees the same thanks as anyone).
     */
    public record Outcome(@Nullable Registration registration, boolean already, String email) {}

    /**
     * Registers through the open link: the email decides which registration it is. Anyone may type
     * any address here, so what the register holds of that address is never shown: the page judges
     * only the profession typed, and an address the register places outside the event's group is
     * told so by email alone.
     */
    @Transactional
    public Outcome registerOpen(long eventId, Applicant applicant) {
        return register(eventId, applicant, true);
    }

    /** Registers through a personal link, whose email is fixed by the invitation. */
    @Transactional
    public Outcome registerInvited(String token, Applicant applicant) {
        Registration invited = byToken(token).orElseThrow(() -> new NotFound("No such invitation"));
        return register(
                invited.eventId(),
                new Applicant(applicant.name(), invited.email(), applicant.profession(), applicant.organisation()),
                false);
    }

    private Outcome register(long eventId, Applicant a, boolean openLink) {
        lock(eventId);
        Event event = events.event(eventId);
        Instant now = clock.instant();
        if (event.closedAt(now)) {
            throw new InvalidInput(
                    "event",
                    "Registration for this event closed on " + Dates.moment(event.registrationClosesAt())
                            + ", so no more registrations are taken");
        }
        Applicant checked = check(event, a, openLink);
        String email = java.util.Objects.requireNonNull(checked.email());
        Member known = openLink && event.segmentId() != null ? onRegister(email) : null;
        if (known != null) {
            Optional<Problem> outside = registerVerdict(
                    audiences
                            .segment(java.util.Objects.requireNonNull(event.segmentId()))
                            .criteria(),
                    known);
            if (outside.isPresent()) {
                mail.sendAfterCommit(List.of(mail.outsideGroup(event, email)));
                return new Outcome(null, false, email);
            }
        }
        // read again under the lock: the invitation may have been used a moment ago
        Registration existing = byEmail(eventId, email).orElse(null);
        if (existing != null && (existing.hasPlace() || existing.isWaiting())) {
            // the address's owner gets their link again; whoever typed it learns nothing new
            String link = mail.baseForRounds() + "/event-place/" + links.issue(existing.id());
            mail.sendAfterCommit(List.of(
                    existing.hasPlace()
                            ? mail.confirmation(event, email, link, false)
                            : mail.waitlisted(event, email, link)));
            return new Outcome(existing, true, email);
        }
        String status = event.registered() < event.capacity() ? "registered" : "waitlisted";
        Registration saved = existing == null
                ? jdbc.sql("""
                                insert into engagement_registration (event_id, email, name, profession, organisation,
                                                                     status, registered_at)
                                values (:event, :email, :name, :profession, :organisation, :status, :now)
                                returning\s""" + Registration.COLUMNS)
                        .param("event", eventId)
                        .param("email", email)
                        .param("name", checked.name())
                        .param("profession", checked.profession())
                        .param("organisation", checked.organisation())
                        .param("status", status)
                        .param("now", Timestamp.from(now))
                        .query(Registration.class)
                        .single()
                : jdbc.sql("""
                                update engagement_registration
                                   set name = :name, profession = :profession, organisation = :organisation,
                                       status = :status, registered_at = :now, attendance = null, reminded = false
                                 where id = :id
                                returning\s""" + Registration.COLUMNS)
                        .param("id", existing.id())
                        .param("name", checked.name())
                        .param("profession", checked.profession())
                        .param("organisation", checked.organisation())
                        .param("status", status)
                        .param("now", Timestamp.from(now))
                        .query(Registration.class)
                        .single();
        String link = mail.baseForRounds() + "/event-place/" + links.issue(saved.id());
        mail.sendAfterCommit(List.of(
                saved.hasPlace() ? mail.confirmation(event, email, link, false) : mail.waitlisted(event, email, link)));
        return new Outcome(saved, false, email);
    }

    private Optional<Registration> byEmail(long eventId, String email) {
        return jdbc.sql("select " + Registration.COLUMNS
                        + " from engagement_registration where event_id = :event and lower(email) = lower(:email)")
                .param("event", eventId)
                .param("email", email)
                .query(Registration.class)
                .optional();
    }

    private Applicant check(Event event, Applicant a, boolean openLink) {
        List<Problem> problems = new ArrayList<>();
        String name = FormValues.text(a.name());
        String email = FormValues.text(a.email());
        String profession = FormValues.text(a.profession());
        String organisation = FormValues.text(a.organisation());
        if (name == null || name.length() > 200) {
            problems.add(Problem.of("name", "Full name: enter your name, up to 200 characters"));
        }
        if (email == null || !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || email.length() > 320) {
            problems.add(Problem.of("email", "Email address: enter an address like name@example.org"));
        }
        if (profession != null && population.profession(profession).isEmpty()) {
            problems.add(Problem.of("profession", "Profession: choose your profession from the list"));
        }
        if (organisation != null && organisation.length() > 200) {
            problems.add(Problem.of("organisation", "Organisation: up to 200 characters"));
        }
        if (problems.isEmpty() && event.segmentId() != null) {
            Criteria criteria = audiences.segment(event.segmentId()).criteria();
            Member known = openLink ? null : onRegister(java.util.Objects.requireNonNull(email));
            Optional<Problem> verdict =
                    known != null ? registerVerdict(criteria, known) : professionVerdict(criteria, profession);
            verdict.ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Applicant(name, email, profession, organisation);
    }

    /**
     * Someone on the register is judged by what it holds of them, and through a personal link (whose
     * holder owns the address) is told so on the page; anyone else by the profession they give, the
     * one thing they tell us that a segment can test. Through the open link everyone is judged on the
     * page by the profession they give, and the register's verdict on an address goes to that
     * address alone.
     */
    private Optional<Problem> registerVerdict(Criteria criteria, Member known) {
        return criteria.matches(known)
                ? Optional.empty()
                : Optional.of(Problem.of(
                        "email",
                        "Email address: this event is for a particular group, and the register does not show you"
                                + " among them"));
    }

    /** The register's entry that stands for this address, if it has one (read once: it reads the register). */
    private @Nullable Member onRegister(String email) {
        Member known = population.byEmail().get(Population.key(email));
        return known != null && known.onRegister() ? known : null;
    }

    private Optional<Problem> professionVerdict(Criteria criteria, @Nullable String profession) {
        if (!criteria.narrowsByProfession()) {
            return Optional.empty();
        }
        if (profession == null) {
            return Optional.of(Problem.of(
                    "profession", "Profession: this event is for particular professions; choose" + " yours"));
        }
        return criteria.admitsProfession(profession, population.group(profession))
                ? Optional.empty()
                : Optional.of(Problem.of("profession", "Profession: this event is for other professions than yours"));
    }

    /** What cancelling came to: whether there was anything to cancel, and who took the place. */
    public record Cancelled(boolean cancelled, @Nullable Registration promoted) {}

    /** Cancels through the personal link. */
    @Transactional
    public Cancelled cancel(String token) {
        Registration r = byToken(token).orElseThrow(() -> new NotFound("No such registration"));
        return cancel(r.eventId(), r.id());
    }

    /** Cancels one registration; if it held a place, the first person waiting takes it and is told. */
    @Transactional
    public Cancelled cancel(long eventId, long registrationId) {
        lock(eventId);
        Event event = events.event(eventId);
        if (!clock.instant().isBefore(event.startsAt())) {
            // who held a place, and whether they came, is the event's record once it has begun
            throw new InvalidInput(
                    "registration",
                    "Registration: the event began on " + Dates.moment(event.startsAt())
                            + ", so its places can no longer be cancelled; record whether they came instead");
        }
        Optional<String> was = jdbc.sql("""
                        update engagement_registration r set status = 'cancelled', attendance = null
                          from engagement_registration old
                         where r.id = old.id and r.id = :id and r.event_id = :event
                           and r.status in ('registered', 'waitlisted')
                        returning old.status""")
                .param("id", registrationId)
                .param("event", eventId)
                .query(String.class)
                .optional();
        if (was.isEmpty()) {
            return new Cancelled(false, null);
        }
        audit.record("cancel", "engagement_registration", registrationId, was.get(), "cancelled");
        Registration promoted = "registered".equals(was.get()) ? promote(eventId) : null;
        return new Cancelled(true, promoted);
    }

    private @Nullable Registration promote(long eventId) {
        Event event = events.event(eventId);
        if (event.registered() >= event.capacity() || !clock.instant().isBefore(event.startsAt())) {
            return null;
        }
        Optional<Registration> next = jdbc.sql("""
                        update engagement_registration set status = 'registered'
                         where id = (select id from engagement_registration
                                      where event_id = :event and status = 'waitlisted'
                                      order by registered_at, id limit 1)
                        returning\s""" + Registration.COLUMNS)
                .param("event", eventId)
                .query(Registration.class)
                .optional();
        next.ifPresent(p -> audit.record("promote", "engagement_registration", p.id(), "waitlisted", "registered"));
        next.ifPresent(p -> mail.sendAfterCommit(List.of(mail.confirmation(
                event, p.email(), mail.baseForRounds() + "/event-place/" + links.issue(p.id()), true))));
        return next.orElse(null);
    }

    /**
     * Records whether someone with a place came. Only those with a place can have attended, and only
     * once the event has begun.
     */
    @Transactional
    public Registration attendance(long eventId, long registrationId, @Nullable String attendance) {
        Event event = events.event(eventId);
        Registration r = of(eventId).stream()
                .filter(x -> x.id() == registrationId)
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "registration", "Registration: nobody with that registration" + " is on this event"));
        return record(event, r, attendance);
    }

    /** As {@link #attendance(long, long, String)}, naming the person by their email. */
    @Transactional
    public Registration attendanceByEmail(long eventId, @Nullable String email, @Nullable String attendance) {
        Event event = events.event(eventId);
        Registration r = email == null ? null : byEmail(eventId, email.trim()).orElse(null);
        if (r == null) {
            throw new InvalidInput("email", "Email: nobody with that address registered for this event");
        }
        return record(event, r, attendance);
    }

    private Registration record(Event event, Registration r, @Nullable String attendance) {
        if (!r.hasPlace()) {
            throw new InvalidInput(
                    "registration",
                    "Registration: " + r.email() + " has no place on this event ("
                            + switch (r.status()) {
                                case "waitlisted" -> "they are on the waiting list";
                                case "invited" -> "they were invited but did not register";
                                default -> "they cancelled";
                            }
                            + "), so their attendance cannot be recorded");
        }
        if (clock.instant().isBefore(event.startsAt())) {
            // nobody can yet have come or stayed away; an early answer would count in reach as if they had
            throw new InvalidInput(
                    "attendance",
                    "Attendance: the event begins on " + Dates.moment(event.startsAt())
                            + ", so whether people came can be recorded only once it has begun");
        }
        if (!"attended".equals(attendance) && !"did_not_attend".equals(attendance)) {
            throw new InvalidInput("attendance", "Attendance: choose attended or did not attend");
        }
        Registration saved = jdbc.sql("update engagement_registration set attendance = :a where id = :id returning "
                        + Registration.COLUMNS)
                .param("a", attendance)
                .param("id", r.id())
                .query(Registration.class)
                .single();
        audit.record("attendance", "engagement_registration", r.id(), r.attendance(), attendance);
        return saved;
    }

    private void lock(long eventId) {
        boolean found = jdbc.sql("select id from engagement_event where id = :id for update")
                .param("id", eventId)
                .query(Long.class)
                .optional()
                .isPresent();
        if (!found) {
            throw new NotFound("No event with id " + eventId + " in this ICS");
        }
    }
}
