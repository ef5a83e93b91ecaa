package org.goldenthread.platform;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A count with its noun, in the singular for exactly one: "1 response", "1,251 responses",
 * "1 person", "3 people". Pages use it as {@code ${@plurals.of(n, 'response')}}; Java code calls
 * the static methods.
 */
@Component("plurals")
public final class Plurals {

    /** The count (with thousands separated by commas) and the noun, which takes an "s" when not one. */
    public static String of(long count, String one) {
        return of(count, one, one + "s");
    }

    /** The count and the noun, for nouns whose plural is not the singular plus "s". */
    public static String of(long count, String one, String many) {
        return String.format(Locale.UK, "%,d", count) + " " + word(count, one, many);
    }

    /** Only the word that goes with the count: "has" or "have", "leader holds" or "leaders hold". */
    public static String word(long count, String one, String many) {
        return count == 1 ? one : many;
    }
}
