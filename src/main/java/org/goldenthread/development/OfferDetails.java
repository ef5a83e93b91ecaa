package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.goldenthread.platform.ScalarAsText;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * An offer as someone describes it, from a form, the API or a row of a catalogue file ({@code row}),
 * as text to be checked: numbers, dates and codes are read and checked by {@link Catalogue#read}.
 * An exported offer's {@code id} is ignored, so an export imports again as it is.
 */
@JsonIgnoreProperties({"id"})
public record OfferDetails(
        @Nullable String title,
        @Nullable String kind,
        @Nullable String description,
        @Nullable String provider,
        @Nullable String scope,
        @Nullable String place,
        @Nullable String delivery,

        @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String hours,

        @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String weeks,

        @JsonProperty("cost_pounds") @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String costPounds,

        @JsonProperty("paid_by") @Nullable String paidBy,
        @Nullable List<String> professions,
        @JsonProperty("profession_groups") @Nullable List<String> professionGroups,
        @JsonProperty("career_stages") @Nullable List<String> careerStages,
        @Nullable List<String> levels,
        @Nullable List<String> sectors,

        @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String capacity,

        @JsonProperty("opens_on") @Nullable String opensOn,
        @JsonProperty("closes_on") @Nullable String closesOn,
        @JsonProperty("more_info_url") @Nullable String moreInfoUrl,

        @JsonDeserialize(using = ScalarAsText.class) @Nullable
        String retired,

        @JsonIgnore @Nullable Integer row) {

    /** The details of a stored offer, as text, for a form to show or a file to carry. */
    static OfferDetails of(Offer o) {
        return new OfferDetails(
                o.title(),
                o.kind(),
                o.description(),
                o.provider(),
                o.scope(),
                o.place(),
                o.delivery(),
                o.hours() == null ? null : o.hours().stripTrailingZeros().toPlainString(),
                o.weeks() == null ? null : o.weeks().toString(),
                o.isFree() ? "0" : o.costPounds().setScale(2).toPlainString(),
                o.paidBy(),
                o.professions(),
                o.professionGroups(),
                o.careerStages(),
                o.levels(),
                o.sectors(),
                o.capacity() == null ? null : o.capacity().toString(),
                o.opensOn() == null ? null : o.opensOn().toString(),
                o.closesOn() == null ? null : o.closesOn().toString(),
                o.moreInfoUrl(),
                String.valueOf(o.retired()),
                null);
    }
}
