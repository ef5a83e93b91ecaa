package org.goldenthread.pipeline;

import java.util.Map;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ICS's talent pool: people in the register who are interested in, nominated for or came close
 * in a round for a leadership role, with how ready they are. Someone is in the pool once.
 */
@Component
public class TalentPool {

    /** How someone came into the pool, as the {@code talent} table's origin. */
    public enum Origin {
        INTEREST,
        NOMINATION,
        RECRUITMENT;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final Audit audit;

    TalentPool(JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Whether this person is in the pool already. */
    public boolean holds(long personId) {
        return jdbc.sql("select count(*) > 0 from talent where person_id = :person")
                .param("person", personId)
                .query(Boolean.class)
                .single();
    }

    /**
     * Adds someone from the register to the pool and returns the pool entry's id; refused when they
     * are in it already. A nomination must say who nominated them.
     */
    @Transactional
    public long add(
            long personId,
            Origin origin,
            Readiness readiness,
            @Nullable String nominatedBy,
            @Nullable String developmentNeeds,
            boolean consentToContact) {
        if (holds(personId)) {
            throw new InvalidInput("person_id", "This person is in the talent pool already");
        }
        if (origin == Origin.NOMINATION && (nominatedBy == null || nominatedBy.isBlank())) {
            throw new InvalidInput("nominated_by", "Say who nominated this person");
        }
        if (developmentNeeds != null && developmentNeeds.length() > 2000) {
            throw new InvalidInput("development_needs", "Development needs must be 2,000 characters or fewer");
        }
        if (nominatedBy != null && nominatedBy.trim().length() > 200) {
            throw new InvalidInput("nominated_by", "Who nominated them must be 200 characters or fewer");
        }
        long id = jdbc.sql("""
                        insert into talent (person_id, origin, nominated_by, readiness, development_needs,
                                            consent_to_contact)
                        values (:person, :origin, :nominated_by, :readiness, :needs, :consent)
                        returning id""")
                .param("person", personId)
                .param("origin", origin.code())
                .param("nominated_by", nominatedBy == null || nominatedBy.isBlank() ? null : nominatedBy.trim())
                .param("readiness", readiness.code())
                .param("needs", developmentNeeds == null || developmentNeeds.isBlank() ? null : developmentNeeds.trim())
                .param("consent", consentToContact)
                .query(Long.class)
                .single();
        audit.record(
                "talent.added",
                "talent",
                id,
                null,
                Map.of("person_id", personId, "origin", origin.code(), "readiness", readiness.code()));
        return id;
    }
}
