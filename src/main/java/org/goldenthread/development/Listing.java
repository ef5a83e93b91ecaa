package org.goldenthread.development;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Plurals;
import org.jspecify.annotations.Nullable;

/**
 * An offer as pages list it: how long it takes and what it costs in words, how many places are
 * taken, and whether it takes enrolments today.
 */
record Listing(Offer offer, String time, String cost, int taken, boolean open) {

    private static final Map<String, String> PAYERS = Coded.labels(PaidBy.class);

    static Listing of(Offer offer, int taken, java.time.LocalDate today) {
        return new Listing(offer, time(offer), cost(offer), taken, offer.isOpenOn(today));
    }

    /** "12 hours over 6 weeks", "12 hours in total", "over 6 weeks". */
    static String time(Offer o) {
        String hours = o.hours() == null
                ? null
                : number(o.hours()) + (o.hours().compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
        String weeks = o.weeks() == null ? null : Plurals.of(o.weeks(), "week");
        if (hours != null && weeks != null) {
            return hours + " over " + weeks;
        }
        return hours != null ? hours + " in total" : weeks != null ? "Over " + weeks : "Not given";
    }

    static String cost(Offer o) {
        if (o.isFree()) {
            return "Free";
        }
        String payer = PAYERS.getOrDefault(o.paidBy(), o.paidBy());
        return "£" + String.format(Locale.UK, "%,.2f", o.costPounds()).replace(".00", "") + ", paid by "
                + (payer == null ? "" : Character.toLowerCase(payer.charAt(0)) + payer.substring(1));
    }

    private static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    /** Places left, or null when the offer has no limit. */
    public @Nullable Integer placesLeft() {
        return offer.capacity() == null ? null : Math.max(0, offer.capacity() - taken);
    }

    public boolean full() {
        return offer.capacity() != null && taken >= offer.capacity();
    }
}
