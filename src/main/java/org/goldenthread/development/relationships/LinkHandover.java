package org.goldenthread.development.relationships;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an administrator gets a person their link when the first email did not reach them: a new
 * link emailed (the old one stops working), or, for links that were never emailed (no mail server,
 * no address on the register), new links to hand over another way. Links are secrets and only
 * their digests are kept, so each hand-over issues new ones; it is audited, since whoever holds a
 * link can read what the pair wrote.
 */
@Component
class LinkHandover {

    /** A person's new link, to send another way than this server's email. */
    record HandedOver(
            @JsonProperty("relationship_id") long relationshipId,
            @JsonProperty("person_ref") String personRef,
            String name,
            @Nullable String email,
            String link) {}

    private final JdbcClient jdbc;
    private final PersonalLinks links;
    private final RelationshipFacts facts;
    private final Register register;
    private final Audit audit;

    LinkHandover(JdbcClient jdbc, PersonalLinks links, RelationshipFacts facts, Register register, Audit audit) {
        this.jdbc = jdbc;
        this.links = links;
        this.facts = facts;
        this.register = register;
        this.audit = audit;
    }

    /** A new link for one of the pair, to be emailed by the caller once this has committed. */
    @Transactional
    PersonalLinks.Issued reissue(long programmeId, long relationshipId, long personId, boolean emailSetUp) {
        RelationshipFacts.Pair pair = facts.pair(programmeId, relationshipId);
        if (pair.giverId() != personId && pair.receiverId() != personId) {
            throw new NotFound("That person is not one of this pair");
        }
        if (!emailSetUp) {
            throw new InvalidInput(
                    "person",
                    "Email is not set up on this server, so the link cannot be emailed;"
                            + " download the links not yet emailed instead");
        }
        Person person = register.person(personId);
        if (person.email() == null || person.email().isBlank()) {
            throw new InvalidInput(
                    "person",
                    person.fullName() + " has no email address on the register; add one, or download the links"
                            + " not yet emailed instead");
        }
        PersonalLinks.Issued issued = links.issue(relationshipId, personId);
        audit.record("relationship.link_reissued", "relationship", relationshipId, null, Map.of("person_id", personId));
        return issued;
    }

    /** New links for everyone in the programme's open relationships whose link was never emailed. */
    @Transactional
    List<HandedOver> notEmailed(long programmeId, String base) {
        facts.programme(programmeId);
        record Waiting(long relationshipId, long personId) {}
        List<Waiting> waiting = jdbc.sql("""
                        select l.relationship_id, l.person_id
                          from relationship_link l join relationship r on r.id = l.relationship_id
                         where r.programme_id = :programme and r.ended_on is null and l.emailed_on is null
                         order by l.relationship_id, l.person_id""")
                .param("programme", programmeId)
                .query(Waiting.class)
                .list();
        List<HandedOver> handed = new ArrayList<>(waiting.size());
        for (Waiting w : waiting) {
            Person person = register.person(w.personId());
            PersonalLinks.Issued issued = links.issue(w.relationshipId(), w.personId());
            handed.add(new HandedOver(
                    w.relationshipId(),
                    person.personRef(),
                    person.fullName(),
                    person.email(),
                    base + "/relationship/" + issued.token()));
        }
        audit.record(
                "programme.relationship_links_downloaded",
                "programme",
                programmeId,
                null,
                Map.of("links", handed.size()));
        return handed;
    }
}
