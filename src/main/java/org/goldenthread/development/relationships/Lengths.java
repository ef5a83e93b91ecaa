package org.goldenthread.development.relationships;

import org.goldenthread.platform.Plurals;

/** Time spent together in words: "45 minutes", "1 hour", "2 hours 30 minutes". */
final class Lengths {

    private Lengths() {}

    static String of(long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return Plurals.of(rest, "minute");
        }
        return Plurals.of(hours, "hour") + (rest == 0 ? "" : " " + Plurals.of(rest, "minute"));
    }
}
