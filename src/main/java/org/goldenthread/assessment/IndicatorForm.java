package org.goldenthread.assessment;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The fields of every form on an indicator's page: a rating, the agreed rating, a cited figure, a
 * link, a document and an action. A post fills those of its own form; the page shows them again if
 * it is refused.
 */
record IndicatorForm(
        @Nullable String level,
        @Nullable String narrative,
        @BindParam("agreed_level") @Nullable String agreedLevel,
        @Nullable String rationale,
        @Nullable String metric,
        @Nullable String survey,
        @Nullable String question,
        @Nullable String title,
        @Nullable String url,
        @BindParam("file_title") @Nullable String fileTitle,
        @BindParam("action_title") @Nullable String actionTitle,
        @Nullable String owner,
        @BindParam("due_on") @Nullable String dueOn) {

    static IndicatorForm empty() {
        return new IndicatorForm(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static IndicatorForm ofFile(String fileTitle) {
        return new IndicatorForm(null, null, null, null, null, null, null, null, null, fileTitle, null, null, null);
    }
}
