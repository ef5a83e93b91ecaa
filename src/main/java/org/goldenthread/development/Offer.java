package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One offer in the ICS's development catalogue, as stored. Who it is for is five lists of codes
 * (profession groups by name); an empty list means nobody is left out on that count.
 */
public record Offer(
        long id,
        String title,
        String kind,
        String description,
        String provider,
        String scope,
        @Nullable String place,
        String delivery,
        @Nullable BigDecimal hours,
        @Nullable Integer weeks,
        @JsonProperty("cost_pounds") BigDecimal costPounds,
        @JsonProperty("paid_by") @Nullable String paidBy,
        List<String> professions,
        @JsonProperty("profession_groups") List<String> professionGroups,
        @JsonProperty("career_stages") List<String> careerStages,
        List<String> levels,
        List<String> sectors,
        @Nullable Integer capacity,
        @JsonProperty("opens_on") @Nullable LocalDate opensOn,
        @JsonProperty("closes_on") @Nullable LocalDate closesOn,
        @JsonProperty("more_info_url") @Nullable String moreInfoUrl,
        boolean retired) {

    public Offer {
        professions = List.copyOf(professions);
        professionGroups = List.copyOf(professionGroups);
        careerStages = List.copyOf(careerStages);
        levels = List.copyOf(levels);
        sectors = List.copyOf(sectors);
    }

    @JsonIgnore
    public boolean isFree() {
        return costPounds.signum() == 0;
    }

    /** Whether enrolment is open on this day: not retired, and within the opening and closing dates if set. */
    public boolean isOpenOn(LocalDate day) {
        return !retired && (opensOn == null || !day.isBefore(opensOn)) && (closesOn == null || !day.isAfter(closesOn));
    }

    /** Whether the offer names anyone it is for; when not, it is for everyone. */
    @JsonIgnore
    public boolean isForEveryone() {
        return professions.isEmpty()
                && professionGroups.isEmpty()
                && careerStages.isEmpty()
                && levels.isEmpty()
                && sectors.isEmpty();
    }

    Offer withId(long newId) {
        return new Offer(
                newId,
                title,
                kind,
                description,
                provider,
                scope,
                place,
                delivery,
                hours,
                weeks,
                costPounds,
                paidBy,
                professions,
                professionGroups,
                careerStages,
                levels,
                sectors,
                capacity,
                opensOn,
                closesOn,
                moreInfoUrl,
                retired);
    }
}
