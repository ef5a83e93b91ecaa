package org.goldenthread.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A clinical or care profession (or one of the two non-clinical groups that also hold seats:
 * managers and experts by experience), with the regulator's registration number format where
 * it is fixed.
 */
public record Profession(
        String code,
        String name,
        @JsonProperty("group") String professionGroup,
        @Nullable String regulator,
        @JsonProperty("registration_pattern") @Nullable String registrationPattern,
        @JsonProperty("clinical_and_care") boolean clinicalAndCare) {

    /** Why a registration number cannot be this profession's, or null when it can. */
    public @Nullable String registrationProblem(@Nullable String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        if (number.length() > 30) {
            return "A registration number is at most 30 characters";
        }
        if (registrationPattern == null || registrationPattern.isBlank()) {
            return null;
        }
        if (!Pattern.compile(registrationPattern).matcher(number).matches()) {
            return "'" + number + "' is not a " + (regulator == null ? "" : regulator + " ")
                    + "registration number for a " + name.toLowerCase(Locale.ROOT) + " (expected " + example() + ")";
        }
        return null;
    }

    /** A readable hint at the expected format, derived from the pattern, e.g. "7 digits". */
    private String example() {
        // asked only for a number that fails the pattern
        return switch (Objects.requireNonNull(registrationPattern)) {
            case "^\\d{7}$" -> "7 digits";
            case "^\\d{1,6}$" -> "up to 6 digits";
            case "^\\d{2}[A-Z]\\d{4}[A-Z]$" -> "2 digits, a letter, 4 digits and a letter, like 12A3456B";
            default -> {
                java.util.regex.Matcher prefixed =
                        Pattern.compile("\\^([A-Z]+)\\\\d\\{5,6}\\$").matcher(registrationPattern);
                yield prefixed.matches()
                        ? prefixed.group(1) + " and 5 or 6 digits, like " + prefixed.group(1) + "12345"
                        : "the pattern " + registrationPattern;
            }
        };
    }
}
