package org.goldenthread.engagement.collecting;

import org.jspecify.annotations.Nullable;

/**
 * How a respondent reached a survey's pages: by its open link, with the resume code once they have
 * one, or by their own invitation. Nothing here is the respondent's identity: an address only counts
 * resume codes that do not match, and is never kept beside an answer.
 */
sealed interface Respondent {

    /**
     * @param code    the resume code in the address, or null
     * @param address where the request came from, for counting resume codes that do not match
     */
    record ByLink(
            String link, @Nullable String code, @Nullable String address) implements Respondent {}

    record Invited(String token) implements Respondent {}

    static Respondent byLink(String link) {
        return new ByLink(link, null, null);
    }

    static Respondent byLink(String link, @Nullable String code, @Nullable String address) {
        return new ByLink(link, code, address);
    }

    static Respondent invited(String token) {
        return new Invited(token);
    }
}
