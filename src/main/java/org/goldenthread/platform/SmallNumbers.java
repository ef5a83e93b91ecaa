package org.goldenthread.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Small-number suppression: a breakdown of people by a characteristic must not show a group so
 * small that its members could be recognised. Groups of 1 to k−1 people are hidden; empty groups
 * are shown, because a gap (no one of a profession at a level) is often the very finding.
 */
@Component
public class SmallNumbers {

    /** Below this, a group is small enough to identify people by what else is known about a forum. */
    public static final int LOWEST_ALLOWED = 3;
    /** Above this, nearly every breakdown would be hidden: more likely a typing slip than a policy. */
    public static final int HIGHEST_ALLOWED = 100;

    private final int platformMinGroupSize;

    public SmallNumbers(@Value("${gt.privacy.min-group-size:10}") int minGroupSize) {
        // A lower setting would be a privacy mistake, not a preference: refuse to start with it.
        if (minGroupSize < LOWEST_ALLOWED) {
            throw new IllegalStateException("gt.privacy.min-group-size is " + minGroupSize + "; it must be at least "
                    + LOWEST_ALLOWED);
        }
        this.platformMinGroupSize = minGroupSize;
    }

    /** k: the fewest people a shown group may have, as the ICS in scope has set it, or else the platform's. */
    public int minGroupSize() {
        Tenant tenant = Scope.current().tenant();
        return tenant != null && tenant.minGroupSize() != null ? tenant.minGroupSize() : platformMinGroupSize;
    }

    /** The platform's k, for an ICS that has not set its own. */
    public int platformMinGroupSize() {
        return platformMinGroupSize;
    }

    /** Whether a group of this many people must be hidden. */
    public boolean hides(long people) {
        return people > 0 && people < minGroupSize();
    }

    /** The count, or null when it must be hidden. */
    public Integer shown(int people) {
        return hides(people) ? null : people;
    }

    /**
     * Whether a share of people must be hidden: it splits {@code base} people into {@code part} and the
     * rest, and either side being a small group would let the other be worked out.
     */
    public boolean hidesShare(long part, long base) {
        return hides(part) || hides(base - part);
    }
}
