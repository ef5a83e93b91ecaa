package org.goldenthread.pipeline;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ICS's talent pool: people in the register who are interested in, nominated for or came close
 * in a round for a leadership role, with how ready they are. Someone is in the pool once. Every way
 * into the pool (a nomination, someone's own interest, an applicant offered a place) ends here, so
 * an entry is written and audited one way.
 */
@Component
public class TalentPool {

    /** How someone came into the pool, as the {@code talent} table's origin. */
    public enum Origin implements Coded {
        INTEREST("interest", "Expressed interest"),
        NOMINATION("nomination", "Nominated"),
        RECRUITMENT("recruitment", "Applied for a seat");

        private final String code;
        private final String label;

        Origin(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * A checked entry about to join the pool; the caller has validated it. Text is trimmed, with
     * blanks as null; {@code levels} and {@code forumKinds} are codes.
     */
    public record Newcomer(
            long personId,
            Origin origin,
            Readiness readiness,
            @Nullable String nominatedBy,
            @Nullable String nominationReason,
            List<String> levels,
            List<String> forumKinds,
            @Nullable String topics,
            @Nullable String developmentNeeds,
            boolean consentToContact,
            @Nullable LocalDate reviewOn,
            LocalDate addedOn,
            @Nullable Long addedBy) {}

    private final JdbcClient jdbc;
    private final Register register;
    private final Audit audit;
    private final Clock clock;

    TalentPool(JdbcClient jdbc, Register register, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this person is in the pool already. */
    public boolean holds(long personId) {
        return jdbc.sql("select count(*) > 0 from talent where person_id = :person")
                .param("person", personId)
                .query(Boolean.class)
                .single();
    }

    /**
     * The person in the pool with this address, case and surrounding spaces aside, whichever register
     * entry they are in by: the register may hold an address twice, and the pool is for the person,
     * once. Where several hold it, the one who came into the pool first.
     */
    public Optional<Person> holderOf(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        List<Long> inPool = jdbc.sql("select person_id from talent order by id")
                .query(Long.class)
                .list();
        Map<Long, Person> people = register.people(inPool);
        String wanted = email.trim().toLowerCase(Locale.ROOT);
        for (long personId : inPool) {
            Person p = people.get(personId);
            if (p != null
                    && p.email() != null
                    && p.email().trim().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Adds an applicant who was not appointed, as the round offered; refused when they are in the pool already. */
    @Transactional
    public long addApplicant(long personId, Readiness readiness, boolean consentToContact) {
        if (holds(personId)) {
            throw new InvalidInput("person_id", "This person is in the talent pool already");
        }
        return add(new Newcomer(
                personId,
                Origin.RECRUITMENT,
                readiness,
                null,
                null,
                List.of(),
                List.of(),
                null,
                null,
                consentToContact,
                null,
                LocalDate.now(clock),
                null));
    }

    /** Writes a checked entry and its audit record, returning the entry's id. */
    @Transactional
    public long add(Newcomer n) {
        long id = jdbc.sql("""
                        insert into talent (person_id, origin, nominated_by, nomination_reason, levels, forum_kinds,
                                            topics, readiness, development_needs, consent_to_contact, review_on,
                                            added_on, added_by)
                        values (:person, :origin, :by, :why, :levels, :kinds, :topics, :readiness, :needs, :consent,
                                :review, :added_on, :added_by)
                        returning id""")
                .param("person", n.personId())
                .param("origin", n.origin().code())
                .param("by", n.nominatedBy())
                .param("why", n.nominationReason())
                .param("levels", n.levels().toArray(String[]::new))
                .param("kinds", n.forumKinds().toArray(String[]::new))
                .param("topics", n.topics())
                .param("readiness", n.readiness().code())
                .param("needs", n.developmentNeeds())
                .param("consent", n.consentToContact())
                .param("review", n.reviewOn())
                .param("added_on", n.addedOn())
                .param("added_by", n.addedBy())
                .query(Long.class)
                .single();
        audit.record("talent.added", "talent", id, null, n);
        return id;
    }
}
