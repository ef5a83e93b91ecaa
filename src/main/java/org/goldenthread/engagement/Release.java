package org.goldenthread.engagement;

import org.jspecify.annotations.Nullable;

/**
 * Which of a survey's responses its figures, comments and raw rows come from. An anonymous
 * survey's move in steps of k: they come from the first k·⌊n/k⌋ of its n responses, in the order
 * they arrived, the rest held back until there are k of them. Results read just before and just
 * after one response would otherwise differ by exactly that response's answers, and whoever
 * watches invitations being used knows whose it was. Between two steps the change is a group of k.
 * Held-back responses are stored like any other; only what is shown waits.
 *
 * <p>Within what is released an anonymous survey's rows are listed in the order of their random
 * public ids, never in the order they arrived, which would line them up with the invitations.
 */
record Release(long surveyId, boolean anonymous, int received, int released) {

    static Release of(long surveyId, boolean anonymous, int received, int k) {
        return new Release(surveyId, anonymous, received, anonymous ? received / k * k : received);
    }

    /** Responses received but not yet in what is shown. */
    int heldBack() {
        return received - released;
    }

    /** Says why the latest responses are not shown yet, for pages and reports; null when none are held back. */
    @Nullable
    String note(int k) {
        return note(heldBack(), k);
    }

    static @Nullable String note(int heldBack, int k) {
        if (heldBack == 0) {
            return null;
        }
        return "The figures leave out the " + (heldBack == 1 ? "latest response" : "latest " + heldBack + " responses")
                + " until there are " + k + " new ones. An anonymous survey's results move in steps of " + k
                + " responses, so that comparing them over time never shows what one person answered.";
    }

    /**
     * A condition to add to a query of this survey's responses named {@code alias}, keeping the
     * released ones; empty when all are. The numbers are the survey's own, never a caller's text.
     */
    String keeps(String alias) {
        return anonymous
                ? " and " + alias + ".id in (select id from survey_response where survey_id = " + surveyId
                        + " order by id limit " + released + ")"
                : "";
    }

    /** The order to list rows of responses named {@code alias} in: see the class comment. */
    String order(String alias) {
        return anonymous ? alias + ".public_id" : alias + ".id";
    }
}
