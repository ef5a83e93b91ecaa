package org.goldenthread.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Enrolments on offers, with their capacity. A place is taken by an enrolment that is applied,
 * accepted or completed; when an offer is full, new applications join its waitlist, first come first
 * served. When places come free (a withdrawal, more places on the offer, a retired offer brought
 * back), they are offered to the first on the waitlist, in order, who move to applied for an admin
 * to accept and are emailed once the change has committed. A change that makes no sense from where
 * an enrolment stands is a conflict (409). Every change is audited.
 */
@Service
public class Enrolments {

    static final List<String> TAKING_A_PLACE = List.of("applied", "accepted", "completed");

    private static final String ENROLMENTS = """
            select e.id, e.offer_id, o.title as offer, e.person_id, e.status, e.applied_on, e.changed_on, e.offered_on,
                   e.completed_on
              from enrolment e join offer o on o.id = e.offer_id""";

    private final JdbcClient jdbc;
    private final Register register;
    private final Catalogue catalogue;
    private final Audit audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Enrolments(
            JdbcClient jdbc,
            Register register,
            Catalogue catalogue,
            Audit audit,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.register = register;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    private record Row(
            long id,
            long offerId,
            String offer,
            long personId,
            String status,
            LocalDate appliedOn,
            LocalDate changedOn,
            @Nullable LocalDate offeredOn,
            @Nullable LocalDate completedOn) {}

    private List<Enrolment> named(List<Row> rows) {
        Set<Long> ids = rows.stream().map(Row::personId).collect(Collectors.toSet());
        Map<Long, Person> people = register.people(ids);
        return rows.stream()
                .map(r -> {
                    Person p = people.get(r.personId());
                    return new Enrolment(
                            r.id(),
                            r.offerId(),
                            r.offer(),
                            r.personId(),
                            p == null ? "" : p.personRef(),
                            p == null ? "" : p.fullName(),
                            r.status(),
                            r.appliedOn(),
                            r.changedOn(),
                            r.offeredOn(),
                            r.completedOn());
                })
                .toList();
    }

    /** An offer's enrolments: those taking or waiting for a place first, the waitlist in its order. */
    public List<Enrolment> forOffer(long offerId) {
        return named(jdbc.sql(ENROLMENTS + " " + """
                         where e.offer_id = :offer
                         order by case e.status when 'accepted' then 1 when 'applied' then 2 when 'waitlisted' then 3
                                  when 'completed' then 4 else 5 end, e.queued_at, e.id""")
                .param("offer", offerId)
                .query(Row.class)
                .list());
    }

    public List<Enrolment> ofPerson(long personId) {
        return named(jdbc.sql(ENROLMENTS + " where e.person_id = :person order by e.applied_on desc, e.id desc")
                .param("person", personId)
                .query(Row.class)
                .list());
    }

    public Enrolment enrolment(long id) {
        return named(jdbc.sql(ENROLMENTS + " where e.id = :id")
                        .param("id", id)
                        .query(Row.class)
                        .list())
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("No enrolment with id " + id + " in this ICS"));
    }

    /** Places taken on each offer, by offer id. */
    public Map<Long, Integer> placesTaken() {
        Map<Long, Integer> taken = new HashMap<>();
        jdbc.sql("select offer_id, count(*) as n from enrolment where status in (:taking) group by offer_id")
                .param("taking", TAKING_A_PLACE)
                .query((rs, n) -> taken.put(rs.getLong("offer_id"), rs.getInt("n")))
                .list();
        return taken;
    }

    /** Places taken on one offer. */
    int placesTaken(long offerId) {
        return jdbc.sql("select count(*) from enrolment where offer_id = :offer and status in (:taking)")
                .param("offer", offerId)
                .param("taking", TAKING_A_PLACE)
                .query(Integer.class)
                .single();
    }

    /** Holds the offer while its places are counted and taken, so two applications cannot both take the last place. */
    private Offer held(long offerId) {
        jdbc.sql("select id from offer where id = :id for update")
                .param("id", offerId)
                .query(Long.class)
                .optional();
        return catalogue.offer(offerId);
    }

    private static ResponseStatusException conflict(String reason) {
        return new ResponseStatusException(HttpStatus.CONFLICT, reason);
    }

    /**
     * Enrols a person of the register on an offer: applied when there is a place, on the waitlist when
     * it is full. Someone who withdrew may apply again; anyone else already enrolled is a conflict.
     */
    @Transactional
    public Enrolment apply(long offerId, long personId) {
        Offer offer = held(offerId);
        Person person = register.person(personId);
        LocalDate today = LocalDate.now(clock);
        if (offer.retired()) {
            throw conflict(offer.title() + " has been retired and takes no more enrolments");
        }
        if (!offer.isOpenOn(today)) {
            throw conflict("Enrolment on " + offer.title() + " is not open today"
                    + (offer.opensOn() != null && today.isBefore(offer.opensOn())
                            ? "; it opens on " + Dates.day(offer.opensOn())
                            : "")
                    + (offer.closesOn() != null && today.isAfter(offer.closesOn())
                            ? "; it closed on " + Dates.day(offer.closesOn())
                            : ""));
        }
        EnrolmentStatus status = offer.capacity() == null || placesTaken(offerId) < offer.capacity()
                ? EnrolmentStatus.APPLIED
                : EnrolmentStatus.WAITLISTED;
        Long existing = jdbc.sql("select id from enrolment where offer_id = :offer and person_id = :person")
                .param("offer", offerId)
                .param("person", personId)
                .query(Long.class)
                .optional()
                .orElse(null);
        long id;
        Enrolment before = null;
        if (existing == null) {
            id = jdbc.sql("""
                            insert into enrolment (offer_id, person_id, status, applied_on, changed_on)
                            values (:offer, :person, :status, :today, :today) returning id""")
                    .param("offer", offerId)
                    .param("person", personId)
                    .param("status", status.code())
                    .param("today", today)
                    .query(Long.class)
                    .single();
        } else {
            before = enrolment(existing);
            if (!before.is(EnrolmentStatus.WITHDRAWN)) {
                throw conflict(
                        person.fullName() + " is already enrolled on " + offer.title() + " (" + label(before) + ")");
            }
            id = existing;
            jdbc.sql("""
                            update enrolment set status = :status, applied_on = :today, changed_on = :today,
                                   offered_on = null, completed_on = null, queued_at = clock_timestamp()
                             where id = :id""")
                    .param("status", status.code())
                    .param("today", today)
                    .param("id", id)
                    .update();
        }
        Enrolment after = enrolment(id);
        audit.record("enrolment." + status.code(), "enrolment", id, before, after);
        return after;
    }

    /** Accepts an application, or someone on the waitlist when a place is free. */
    @Transactional
    public Enrolment accept(long id) {
        Enrolment before = enrolment(id);
        Offer offer = held(before.offerId());
        if (before.is(EnrolmentStatus.WAITLISTED)) {
            if (offer.capacity() != null && placesTaken(offer.id()) >= offer.capacity()) {
                throw conflict(offer.title() + " is full, so " + before.person()
                        + " stays on the waitlist until a place comes free");
            }
        } else if (!before.is(EnrolmentStatus.APPLIED)) {
            throw conflict("Only an application or someone on the waitlist can be accepted; " + before.person()
                    + "'s enrolment is " + label(before));
        }
        return changed(before, EnrolmentStatus.ACCEPTED, null);
    }

    /** Records that someone accepted on an offer completed it, on a day from their application to today. */
    @Transactional
    public Enrolment complete(long id, @Nullable LocalDate on) {
        Enrolment before = enrolment(id);
        if (!before.is(EnrolmentStatus.ACCEPTED)) {
            throw conflict("Only someone accepted on an offer can complete it; " + before.person() + "'s enrolment is "
                    + label(before));
        }
        LocalDate today = LocalDate.now(clock);
        if (on == null) {
            throw new InvalidInput("completed_on", "Enter the date " + before.person() + " completed it");
        }
        if (on.isBefore(before.appliedOn()) || on.isAfter(today)) {
            throw new InvalidInput(
                    "completed_on",
                    "The completion date must be between " + Dates.day(before.appliedOn()) + ", when " + before.person()
                            + " applied, and today");
        }
        return changed(before, EnrolmentStatus.COMPLETED, on);
    }

    /** What a withdrawal did: the enrolment, and who was offered the place it gave back, if anyone. */
    public record Withdrawal(Enrolment enrolment, @Nullable Enrolment offeredThePlace) {}

    @Transactional
    public Withdrawal withdraw(long id) {
        Enrolment before = enrolment(id);
        if (!before.isActive()) {
            throw conflict(before.person() + "'s enrolment on " + before.offer() + " is already " + label(before));
        }
        Offer offer = held(before.offerId());
        boolean heldAPlace = !before.is(EnrolmentStatus.WAITLISTED);
        Enrolment after = changed(before, EnrolmentStatus.WITHDRAWN, null);
        // one place given back, so ordinarily one person moves up
        List<Enrolment> offered = heldAPlace ? offerFreePlaces(offer) : List.of();
        return new Withdrawal(after, offered.isEmpty() ? null : offered.get(0));
    }

    /**
     * After an admin changed an offer (more places, no limit any more, or brought back from
     * retirement), the places now free go to the waitlist, first come first served.
     */
    @EventListener
    void on(Catalogue.OfferChanged changed) {
        offerFreePlaces(held(changed.offerId()));
    }

    /** Offers every free place of a held offer to the waitlist in its order; those who moved up, in that order. */
    private List<Enrolment> offerFreePlaces(Offer offer) {
        List<Enrolment> offered = new ArrayList<>();
        while (!offer.retired() && (offer.capacity() == null || placesTaken(offer.id()) < offer.capacity())) {
            Enrolment next = offerFreePlace(offer);
            if (next == null) {
                break;
            }
            offered.add(next);
        }
        return offered;
    }

    private @Nullable Enrolment offerFreePlace(Offer offer) {
        long offerId = offer.id();
        Long next = jdbc.sql("""
                        select id from enrolment where offer_id = :offer and status = 'waitlisted'
                         order by queued_at, id limit 1""")
                .param("offer", offerId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (next == null) {
            return null;
        }
        Enrolment before = enrolment(next);
        jdbc.sql("update enrolment set status = 'applied', changed_on = :today, offered_on = :today where id = :id")
                .param("today", LocalDate.now(clock))
                .param("id", next)
                .update();
        Enrolment after = enrolment(next);
        audit.record("enrolment.offered_a_place", "enrolment", next, before, after);
        Person person = register.person(after.personId());
        events.publishEvent(new WaitlistMail.PlaceOffered(
                person.fullName(), person.email(), offer.title(), offer.provider(), LocalDate.now(clock)));
        return after;
    }

    /**
     * Moves an enrolment to the status asked for, as the API's one way of changing it: accepted,
     * completed (with its date) or withdrawn. Applied and waitlisted are where applications start,
     * not places an admin moves anyone to.
     */
    @Transactional
    public Enrolment change(long id, @Nullable String status, @Nullable LocalDate completedOn) {
        EnrolmentStatus to = Coded.parse(EnrolmentStatus.class, status)
                .orElseThrow(() -> new InvalidInput("status", "Give the status as accepted, completed or withdrawn"));
        return switch (to) {
            case ACCEPTED -> accept(id);
            case COMPLETED -> complete(id, completedOn);
            case WITHDRAWN -> withdraw(id).enrolment();
            case APPLIED, WAITLISTED ->
                throw conflict("An enrolment becomes " + to.label().toLowerCase(java.util.Locale.ROOT)
                        + " only by applying; accept, complete or withdraw it instead");
        };
    }

    private Enrolment changed(Enrolment before, EnrolmentStatus to, @Nullable LocalDate completedOn) {
        jdbc.sql("update enrolment set status = :status, changed_on = :today, completed_on = :completed where id = :id")
                .param("status", to.code())
                .param("today", LocalDate.now(clock))
                .param("completed", completedOn, java.sql.Types.DATE)
                .param("id", before.id())
                .update();
        Enrolment after = enrolment(before.id());
        audit.record("enrolment." + to.code(), "enrolment", before.id(), before, after);
        return after;
    }

    private static String label(Enrolment e) {
        // the table's check allows only EnrolmentStatus codes
        return Objects.requireNonNull(Coded.labels(EnrolmentStatus.class).get(e.status()))
                .toLowerCase(java.util.Locale.ROOT);
    }
}
