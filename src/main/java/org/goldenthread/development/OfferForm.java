package org.goldenthread.development;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The catalogue page's form for adding or changing an offer; who it is for is ticked in lists. */
record OfferForm(
        @Nullable String title,
        @Nullable String kind,
        @Nullable String description,
        @Nullable String provider,
        @Nullable String scope,
        @Nullable String place,
        @Nullable String delivery,
        @Nullable String hours,
        @Nullable String weeks,
        @BindParam("cost_pounds") @Nullable String costPounds,
        @BindParam("paid_by") @Nullable String paidBy,
        @Nullable List<String> professions,
        @BindParam("profession_groups") @Nullable List<String> professionGroups,
        @BindParam("career_stages") @Nullable List<String> careerStages,
        @Nullable List<String> levels,
        @Nullable List<String> sectors,
        @Nullable String capacity,
        @BindParam("opens_on") @Nullable String opensOn,
        @BindParam("closes_on") @Nullable String closesOn,
        @BindParam("more_info_url") @Nullable String moreInfoUrl) {

    static OfferForm empty() {
        return new OfferForm(
                null, null, null, null, null, null, null, null, null, null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null, null, null);
    }

    static OfferForm of(Offer o) {
        OfferDetails d = OfferDetails.of(o);
        return new OfferForm(
                d.title(),
                d.kind(),
                d.description(),
                d.provider(),
                d.scope(),
                d.place(),
                d.delivery(),
                d.hours(),
                d.weeks(),
                o.isFree() ? null : d.costPounds(),
                d.paidBy(),
                d.professions(),
                d.professionGroups(),
                d.careerStages(),
                d.levels(),
                d.sectors(),
                d.capacity(),
                d.opensOn(),
                d.closesOn(),
                d.moreInfoUrl());
    }

    /** The offer described; {@code retired} is kept as it was, since retiring has its own button. */
    OfferDetails details(boolean retired) {
        return new OfferDetails(
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
                String.valueOf(retired),
                null);
    }
}
