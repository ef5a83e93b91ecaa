package org.goldenthread.development;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.goldenthread.people.CareerStage;
import org.goldenthread.people.Professions;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Text;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.Place;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads an offer's description, wherever it came from, into an offer: every value is checked and
 * each problem names the row (in a file), the field and, in words, what is wrong.
 */
@Component
class OfferReading {

    static final int LONGEST_TITLE = 200;
    static final int LONGEST_DESCRIPTION = 5000;

    private final Professions professions;
    private final IcsMap map;

    OfferReading(Professions professions, IcsMap map) {
        this.professions = professions;
        this.map = map;
    }

    /** The offer described, or null when a required value is missing or unreadable; problems are added either way. */
    @Nullable
    Offer read(OfferDetails d, List<Problem> problems) {
        Reader r = new Reader(d.row(), problems);
        int before = problems.size();
        String title = r.text("title", d.title(), "the title", LONGEST_TITLE, true);
        String kind = r.code("kind", d.kind(), OfferKind.class, "the kind of offer");
        String description = r.text("description", d.description(), "a description", LONGEST_DESCRIPTION, false);
        String provider = r.text("provider", d.provider(), "the provider", LONGEST_TITLE, true);
        String scope = r.code("scope", d.scope(), ProviderScope.class, "the provider's scope");
        String place = place(r, scope, d.place());
        String delivery = r.code("delivery", d.delivery(), Delivery.class, "how it is delivered");
        BigDecimal hours = r.number("hours", d.hours(), "Hours in total", new BigDecimal("2000"), 1);
        if (hours != null && hours.signum() == 0) {
            r.problem("hours", "Hours in total must be more than 0; leave it blank if it is not counted in hours");
            hours = null;
        }
        Integer weeks = r.whole("weeks", d.weeks(), "Weeks", 1, 156);
        if (clean(d.hours()) == null && clean(d.weeks()) == null) {
            r.problem("hours", "Say how long it takes: hours in total, over how many weeks, or both");
        }
        BigDecimal cost = r.number("cost_pounds", d.costPounds(), "The cost", new BigDecimal("1000000"), 2);
        cost = cost == null ? BigDecimal.ZERO : cost;
        String paidBy = clean(d.paidBy()) == null ? null : r.code("paid_by", d.paidBy(), PaidBy.class, "who pays");
        if (cost.signum() > 0 && clean(d.paidBy()) == null) {
            r.problem("paid_by", "Say who pays for an offer that costs money");
        } else if (cost.signum() == 0 && clean(d.paidBy()) != null) {
            r.problem("paid_by", "A free offer has nobody paying; leave who pays blank or give the cost");
        }
        List<String> professionCodes = r.codes(
                "professions",
                d.professions(),
                c -> professions.find(c).isPresent(),
                "a profession on the reference list");
        Set<String> groups = new LinkedHashSet<>();
        professions.all().forEach(p -> groups.add(p.professionGroup()));
        List<String> professionGroups = r.codes(
                "profession_groups",
                d.professionGroups(),
                groups::contains,
                "a profession group (" + String.join(", ", groups) + ")");
        List<String> stages = r.codes(
                "career_stages",
                d.careerStages(),
                c -> Coded.parse(CareerStage.class, c).isPresent(),
                Coded.choices(CareerStage.class));
        List<String> levels =
                r.codes("levels", d.levels(), c -> Coded.parse(Level.class, c).isPresent(), Coded.choices(Level.class));
        List<String> sectors = r.codes(
                "sectors", d.sectors(), c -> Coded.parse(Sector.class, c).isPresent(), Coded.choices(Sector.class));
        Integer capacity = r.whole("capacity", d.capacity(), "Capacity", 1, 10000);
        LocalDate opens = r.date("opens_on", d.opensOn(), "The date enrolment opens");
        LocalDate closes = r.date("closes_on", d.closesOn(), "The date enrolment closes");
        if (opens != null && closes != null && closes.isBefore(opens)) {
            r.problem(
                    "closes_on",
                    "Enrolment cannot close (" + Dates.day(closes) + ") before it opens (" + Dates.day(opens) + ")");
        }
        String url = url(r, d.moreInfoUrl());
        boolean retired = r.yesNo("retired", d.retired());
        if (problems.size() > before
                || title == null
                || kind == null
                || description == null
                || provider == null
                || scope == null
                || delivery == null) {
            return null;
        }
        return new Offer(
                0,
                title,
                kind,
                description,
                provider,
                scope,
                place,
                delivery,
                hours,
                weeks,
                cost,
                paidBy,
                professionCodes,
                professionGroups,
                stages,
                levels,
                sectors,
                capacity,
                opens,
                closes,
                url,
                retired);
    }

    private @Nullable String place(Reader r, @Nullable String scope, @Nullable String raw) {
        String name = clean(raw);
        if (!ProviderScope.PLACE.code().equals(scope)) {
            if (name != null) {
                r.problem("place", "Give a place only for an offer whose provider works in one place");
            }
            return null;
        }
        if (name == null) {
            r.problem("place", "Choose the place the provider works in");
            return null;
        }
        List<Place> places = map.places();
        return places.stream()
                .filter(p -> p.name().equalsIgnoreCase(name))
                .map(Place::name)
                .findFirst()
                .orElseGet(() -> {
                    r.problem(
                            "place",
                            "There is no place called " + name + " in this ICS"
                                    + (places.isEmpty()
                                            ? ""
                                            : "; its places are "
                                                    + String.join(
                                                            ", ",
                                                            places.stream()
                                                                    .map(Place::name)
                                                                    .toList())));
                    return null;
                });
    }

    private static @Nullable String url(Reader r, @Nullable String raw) {
        String url = clean(raw);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || url.length() > 500) {
                r.problem(
                        "more_info_url",
                        "Give a web address starting https://, like https://www.example.org/course, of 500 characters or fewer");
                return null;
            }
        } catch (URISyntaxException e) {
            r.problem("more_info_url", "Give a web address starting https://, like https://www.example.org/course");
            return null;
        }
        return url;
    }

    static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Reads values into problems for one row. */
    private record Reader(@Nullable Integer row, List<Problem> problems) {

        void problem(String field, String reason) {
            problems.add(new Problem(row, field, reason));
        }

        @Nullable
        String text(String field, @Nullable String raw, String what, int longest, boolean oneLine) {
            String value = clean(raw);
            if (value == null) {
                problem(field, "Enter " + what);
                return null;
            }
            if (value.length() > longest) {
                problem(field, capitalised(what) + " must be " + longest + " characters or fewer");
                return null;
            }
            if (oneLine && value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                problem(field, capitalised(what) + " must be on one line");
                return null;
            }
            if ("=+@-".indexOf(value.charAt(0)) >= 0 && (oneLine || value.charAt(0) != '-')) {
                problem(
                        field,
                        capitalised(what) + " starts with '" + value.charAt(0)
                                + "', which a spreadsheet would run as a formula; start it with a letter or a number");
                return null;
            }
            String unstorable = Text.unstorable(value);
            if (unstorable != null) {
                problem(field, capitalised(what) + ": " + unstorable);
                return null;
            }
            return value;
        }

        <E extends Enum<E> & Coded> @Nullable String code(
                String field, @Nullable String raw, Class<E> type, String what) {
            String value = clean(raw);
            if (value == null) {
                problem(field, "Choose " + what);
                return null;
            }
            return Coded.parse(type, value.toLowerCase(Locale.ROOT))
                    .map(Coded::code)
                    .orElseGet(() -> {
                        problem(field, "'" + shortened(value) + "' is not one of " + Coded.choices(type));
                        return null;
                    });
        }

        List<String> codes(String field, @Nullable List<String> raw, Predicate<String> known, String expected) {
            Set<String> codes = new LinkedHashSet<>();
            if (raw == null) {
                return List.of();
            }
            for (String item : raw) {
                String value = clean(item);
                if (value == null) {
                    continue;
                }
                if (!known.test(value)) {
                    problem(
                            field,
                            "'" + shortened(value) + "' is not " + (expected.contains(" or ") ? "one of " : "")
                                    + expected);
                } else {
                    codes.add(value);
                }
            }
            return new ArrayList<>(codes);
        }

        @Nullable
        BigDecimal number(String field, @Nullable String raw, String what, BigDecimal most, int decimals) {
            String value = clean(raw);
            if (value == null) {
                return null;
            }
            try {
                BigDecimal n = new BigDecimal(value.replace(",", "").replaceFirst("^£", ""));
                if (n.signum() < 0 || n.compareTo(most) > 0) {
                    problem(field, what + " must be between 0 and " + most.toPlainString());
                    return null;
                }
                if (n.stripTrailingZeros().scale() > decimals) {
                    problem(field, what + " can have at most " + Plurals.of(decimals, "decimal place"));
                    return null;
                }
                return n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
            } catch (NumberFormatException e) {
                problem(field, what + " must be a number, like 12 or 12.5; '" + shortened(value) + "' is not");
                return null;
            }
        }

        @Nullable
        Integer whole(String field, @Nullable String raw, String what, int least, int most) {
            String value = clean(raw);
            if (value == null) {
                return null;
            }
            if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < least || Integer.parseInt(value) > most) {
                problem(
                        field,
                        what + " must be a whole number from " + least + " to " + most + "; '" + shortened(value)
                                + "' is not");
                return null;
            }
            return Integer.valueOf(value);
        }

        @Nullable
        LocalDate date(String field, @Nullable String raw, String what) {
            String value = clean(raw);
            if (value == null) {
                return null;
            }
            try {
                return Dates.parse(value);
            } catch (DateTimeParseException e) {
                problem(field, what + ": " + Dates.RULE);
                return null;
            }
        }

        boolean yesNo(String field, @Nullable String raw) {
            String value = clean(raw);
            if (value == null || value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no")) {
                return false;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")) {
                return true;
            }
            problem(field, "Retired must be true or false; '" + shortened(value) + "' is neither");
            return false;
        }

        private static String shortened(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }

        private static String capitalised(String what) {
            String w = what.startsWith("a ") ? what.substring(2) : what.startsWith("the ") ? what.substring(4) : what;
            return Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
    }
}
