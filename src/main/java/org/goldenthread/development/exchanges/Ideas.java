package org.goldenthread.development.exchanges;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.development.relationships.PersonalLinks;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quality-improvement ideas raised from exchanges. They are not private: bringing ideas back is what
 * an exchange is for, so the whole ICS sees them and how far each has got (proposed, tried,
 * adopted). The pair that raised an idea, and ICS administrators, move it on; every change of
 * status is audited.
 */
@Component
public class Ideas {

    static final int LONGEST_TITLE = 200;
    static final int LONGEST_DESCRIPTION = 2000;

    /** An idea as anyone in the ICS sees it: where it came from is the pair's two employers, not their names. */
    public record Idea(
            long id,
            @JsonIgnore long relationshipId,
            @JsonProperty("programme_id") long programmeId,
            String programme,
            String title,
            @Nullable String description,
            String status,
            @JsonProperty("raised_on") LocalDate raisedOn,
            @JsonProperty("status_on") LocalDate statusOn) {

        public String statusLabel() {
            return Coded.parse(IdeaStatus.class, status).map(IdeaStatus::label).orElse(status);
        }
    }

    private static final String SELECT = """
            select i.id, i.relationship_id, r.programme_id, p.name as programme, i.title, i.description, i.status,
                   i.raised_on, i.status_on
              from improvement_idea i
              join relationship r on r.id = i.relationship_id
              join programme p on p.id = r.programme_id""";

    private final JdbcClient jdbc;
    private final Exchanges exchanges;
    private final Audit audit;
    private final Clock clock;

    Ideas(JdbcClient jdbc, Exchanges exchanges, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.exchanges = exchanges;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every idea of the ICS, newest first. */
    public List<Idea> all() {
        return jdbc.sql(SELECT + " order by i.raised_on desc, i.id desc")
                .query(Idea.class)
                .list();
    }

    public List<Idea> ofProgramme(long programmeId) {
        return jdbc.sql(SELECT + " where r.programme_id = :p order by i.raised_on, i.id")
                .param("p", programmeId)
                .query(Idea.class)
                .list();
    }

    List<Idea> ofPair(long relationshipId) {
        return jdbc.sql(SELECT + " where i.relationship_id = :r order by i.raised_on, i.id")
                .param("r", relationshipId)
                .query(Idea.class)
                .list();
    }

    public Idea get(long id) {
        return jdbc.sql(SELECT + " where i.id = :id")
                .param("id", id)
                .query(Idea.class)
                .optional()
                .orElseThrow(() -> new NotFound("No improvement idea " + id + " in this ICS"));
    }

    /** Raises an idea from the link holder's exchange; a link of any other kind of pair is not found here. */
    @Transactional
    public Idea raise(PersonalLinks.Holder holder, @Nullable String title, @Nullable String description) {
        return raise(holder.relationshipId(), holder.personId(), title, description);
    }

    /**
     * Raises an idea from a pair's exchange, in one person's name (the demo's pairs raise theirs here).
     * A pair whose exchange has ended raises no more: its personal links still open its page, so the
     * ideas it raised can still be moved on.
     */
    @Transactional
    public Idea raise(long relationshipId, long personId, @Nullable String title, @Nullable String description) {
        exchanges.exchangeOf(relationshipId);
        LocalDate ended = exchanges.row(relationshipId).endedOn();
        if (ended != null) {
            throw new InvalidInput(
                    "title", "This exchange ended on " + Dates.day(ended) + ", so no more ideas can be raised from it");
        }
        List<Problem> problems = new ArrayList<>();
        String t = FormValues.text(title);
        if (t == null) {
            problems.add(Problem.of("title", "Enter the idea in a few words"));
        } else if (t.length() > LONGEST_TITLE) {
            problems.add(Problem.of("title", "The idea must be " + LONGEST_TITLE + " characters or fewer"));
        }
        String d = FormValues.text(description);
        if (d != null && d.length() > LONGEST_DESCRIPTION) {
            problems.add(Problem.of(
                    "description", "More about the idea must be " + LONGEST_DESCRIPTION + " characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LocalDate today = LocalDate.now(clock);
        long id = jdbc.sql("""
                        insert into improvement_idea (relationship_id, title, description, raised_by, raised_on, status_on)
                        values (:r, :title, :description, :person, :today, :today)
                        returning id""")
                .param("r", relationshipId)
                .param("title", t)
                .param("description", d)
                .param("person", personId)
                .param("today", today)
                .query(Long.class)
                .single();
        Idea idea = get(id);
        audit.record("raise", "improvement_idea", id, null, Map.of("title", idea.title(), "status", idea.status()));
        return idea;
    }

    /**
     * Moves an idea of the link holder's exchange on; an idea of another pair, or a link of a pair
     * that is not an exchange, is not found.
     */
    @Transactional
    public Idea setStatus(PersonalLinks.Holder holder, long id, @Nullable String status) {
        exchanges.exchangeOf(holder.relationshipId());
        Idea idea = get(id);
        if (idea.relationshipId() != holder.relationshipId()) {
            throw new NotFound("No improvement idea " + id + " in this exchange");
        }
        return change(idea, status);
    }

    /** An administrator moves an idea on. */
    @Transactional
    public Idea setStatus(long id, @Nullable String status) {
        return change(get(id), status);
    }

    private Idea change(Idea idea, @Nullable String status) {
        IdeaStatus to = status == null
                ? null
                : Coded.parse(IdeaStatus.class, status.strip()).orElse(null);
        if (to == null) {
            throw new InvalidInput(
                    "status",
                    status == null || status.isBlank()
                            ? "Choose the idea's status"
                            : "'" + status.strip() + "' is not a status; use " + Coded.choices(IdeaStatus.class));
        }
        if (to.code().equals(idea.status())) {
            return idea;
        }
        jdbc.sql("update improvement_idea set status = :status, status_on = greatest(:today, raised_on) where id = :id")
                .param("status", to.code())
                .param("today", LocalDate.now(clock))
                .param("id", idea.id())
                .update();
        audit.record(
                "status",
                "improvement_idea",
                idea.id(),
                Map.of("status", idea.status()),
                Map.of("status", to.code(), "title", idea.title()));
        return get(idea.id());
    }
}
