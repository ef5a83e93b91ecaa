package org.goldenthread.assessment;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The fields of every form on an indicator's page: a rating, the agreed rating, a cited figure, a
 * link, a document and an action. A post fills those of its own form; the page shows them again if
 * it is refused.
 */
record IndicatorForm(
        String level,
        String narrative,
        @BindParam("agreed_level") String agreedLevel,
        String rationale,
        String metric,
        String survey,
        String question,
        String title,
        String url,
        @BindParam("file_title") String fileTitle,
        @BindParam("action_title") String actionTitle,
        String owner,
        @BindParam("due_on") String dueOn) {

    static IndicatorForm empty() {
        return new IndicatorForm(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static IndicatorForm ofFile(String fileTitle) {
        return new IndicatorForm(null, null, null, null, null, null, null, null, null, fileTitle, null, null, null);
    }
}
