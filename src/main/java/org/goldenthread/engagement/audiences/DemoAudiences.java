package org.goldenthread.engagement.audiences;

import java.util.List;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.collecting.SegmentInvitations;
import org.goldenthread.platform.DemoIcsCreated;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Segments in the demo ICS, drawn from its fictional register: the nurses, midwives and allied
 * health professionals of one place, early-career professionals across the system, and pharmacy
 * and social care; with two students kept as contacts outside the register. The pulse survey now
 * open has been invited by a segment, so its invitations come from the register rather than a
 * pasted list (recorded only: nobody fictional is emailed).
 */
@Component
class DemoAudiences {

    /** The place the demo's place-level segment and roundtable are for. */
    static final String PLACE = "Northmoor";

    static final String NURSES_AND_AHPS = "Nurses, midwives and AHPs in " + PLACE;
    static final String EARLY_CAREER = "Early-career professionals";
    static final String PHARMACY_AND_CARE = "Pharmacy and social care";

    private final Audiences audiences;
    private final Contacts contacts;
    private final Surveys surveys;
    private final SegmentInvitations invitations;

    DemoAudiences(Audiences audiences, Contacts contacts, Surveys surveys, SegmentInvitations invitations) {
        this.audiences = audiences;
        this.contacts = contacts;
        this.surveys = surveys;
        this.invitations = invitations;
    }

    @EventListener
    @Order(7)
    void on(DemoIcsCreated event) {
        contacts.add(new Contacts.NewContact(
                "Priya Shah",
                "priya.shah@student.example.ac.uk",
                "physiotherapist",
                "Northmoor University",
                "student"));
        contacts.add(new Contacts.NewContact(
                "Tom Okafor", "tom.okafor@student.example.ac.uk", "nurse_adult", "Northmoor University", "student"));
        Segment nurses = audiences.create(
                NURSES_AND_AHPS,
                Criteria.of(
                        null,
                        List.of(PLACE),
                        null,
                        null,
                        null,
                        List.of("Nursing and midwifery", "Allied health professions"),
                        null,
                        null),
                true);
        audiences.create(EARLY_CAREER, Criteria.of(null, null, null, null, null, null, null, List.of("early")), false);
        audiences.create(
                PHARMACY_AND_CARE,
                Criteria.of(null, null, null, null, null, List.of("Pharmacy", "Social care"), null, null),
                false);
        surveys.surveys().stream()
                .filter(s -> "place-pulse-next".equals(s.code()))
                .findFirst()
                .ifPresent(open -> invitations.recordOnly(open.id(), nurses.id()));
        event.partLoaded();
    }
}
