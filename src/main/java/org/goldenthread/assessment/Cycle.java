package org.goldenthread.assessment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One round of self-assessment of an ICS (or one of its places) against its own copy of a
 * framework. Open while contributors rate; closed once every indicator has an agreed rating,
 * when its live evidence is frozen.
 */
public record Cycle(
        long id,
        String title,
        @JsonIgnore long frameworkId,
        @JsonIgnore Framework framework,
        String place,
        @JsonProperty("opened_on") LocalDate openedOn,
        @JsonProperty("closed_on") LocalDate closedOn,
        boolean shared,
        @JsonIgnore Long previousCycleId) {

    @JsonProperty("status")
    public String status() {
        return closedOn == null ? "open" : "closed";
    }

    @JsonIgnore
    public boolean isOpen() {
        return closedOn == null;
    }

    @JsonProperty("framework")
    public String frameworkCode() {
        // a stored framework has its code: FrameworkRules require one
        return Objects.requireNonNull(framework.code());
    }

    /** One contributor's own rating of one indicator. */
    public record Rating(
            String indicator,
            @JsonIgnore long userId,
            String rater,
            int level,
            String narrative,
            @JsonProperty("rated_at") Instant ratedAt) {}

    /** The rating the lead recorded for an indicator, and why. */
    public record Agreed(
            String indicator,
            int level,
            @Nullable String rationale,
            @JsonProperty("agreed_by") String agreedBy,
            @JsonProperty("agreed_at") Instant agreedAt) {}

    /** A live figure cited for an indicator, with its value now (open cycle) or when the cycle closed. */
    public record Evidence(
            long id,
            String indicator,
            String metric,
            String label,
            @JsonProperty("survey_id") @Nullable Long surveyId,
            @Nullable String question,
            @Nullable BigDecimal value,
            String shown,
            @Nullable String detail,
            @JsonProperty("as_of") Instant asOf) {}

    /** A document or link attached as evidence. */
    public record Item(
            long id,
            String indicator,
            String title,
            String url,
            @JsonProperty("file_name") String fileName,
            @JsonIgnore String contentType,
            @JsonIgnore long addedById,
            @JsonProperty("added_by") String addedBy,
            @JsonProperty("added_at") Instant addedAt) {}

    /** Something the ICS will do about a gap. */
    public record Action(
            long id,
            @JsonIgnore long cycleId,
            String indicator,
            String title,
            String owner,
            @JsonProperty("due_on") LocalDate dueOn,
            String status) {

        public boolean isOverdueOn(LocalDate day) {
            return dueOn.isBefore(day)
                    && !ActionStatus.valueOf(status.toUpperCase(Locale.ROOT)).isFinished();
        }

        public String statusLabel() {
            return ActionStatus.valueOf(status.toUpperCase(Locale.ROOT)).label();
        }
    }
}
