package org.goldenthread.engagement.collecting;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A respondent's answers so far, kept on the server so they can stop and come back. Someone who
 * came by the open link comes back with the resume code; an invited respondent with their link.
 *
 * @param resumePage the page to come back to, or null when only checking the answers is left
 */
record Draft(
        long id,
        long surveyId,
        String resumeCode,
        Long invitationId,
        Map<String, String> answers,
        Integer resumePage,
        String idempotencyKey) {

    /** The code as people read and type it: three groups of four. */
    public @Nullable String resumeCodeForReading() {
        return resumeCode == null
                ? null
                : resumeCode.substring(0, 4) + "-" + resumeCode.substring(4, 8) + "-" + resumeCode.substring(8);
    }
}
