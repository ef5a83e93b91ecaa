package org.goldenthread.pipeline.equality;

import java.util.List;
import java.util.Map;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An ICS administrator inviting people in the register to give their equality answers: a new
 * personal link for each, emailed when the server can, or shown once to copy. Issuing is audited;
 * whether and what anyone answered is not shown here at all.
 */
@Component
class EqualityInvitations {

    /** A person as the administrator's page lists them: who, and when their current link was made and emailed. */
    record Invitee(Person person, EqualityLinks.@Nullable Sent sent) {}

    /** A link just made for someone, emailed or to be copied. */
    record Made(Person person, EqualityLinks.Issued link, boolean emailed) {}

    private final Register register;
    private final EqualityLinks links;
    private final EqualityLinkMail mail;
    private final Audit audit;

    EqualityInvitations(Register register, EqualityLinks links, EqualityLinkMail mail, Audit audit) {
        this.register = register;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
    }

    List<Invitee> invitees() {
        Map<Long, EqualityLinks.Sent> sent = links.sent();
        return register.people().stream()
                .map(p -> new Invitee(p, sent.get(p.id())))
                .toList();
    }

    /** A new link for the person (the old one stops working); the caller emails it once this has committed. */
    @Transactional
    Made issue(long personId) {
        Person person = register.person(personId);
        EqualityLinks.Issued issued = links.issue(personId);
        audit.record("equality.link_issued", "person", personId, null, null);
        return new Made(person, issued, false);
    }

    /** Emails the link when the server and the register allow, noting that it went. */
    @Transactional
    Made send(Made made) {
        if (!mail.send(made.person(), made.link())) {
            return made;
        }
        links.emailed(made.link());
        return new Made(made.person(), made.link(), true);
    }
}
