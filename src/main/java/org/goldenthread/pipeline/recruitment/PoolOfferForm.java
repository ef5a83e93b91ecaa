package org.goldenthread.pipeline.recruitment;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The page form that offers an applicant not appointed a place in the talent pool. */
record PoolOfferForm(
        @Nullable String readiness,
        @BindParam("consent_to_contact") @Nullable String consentToContact) {

    static PoolOfferForm empty() {
        return new PoolOfferForm(null, null);
    }
}
