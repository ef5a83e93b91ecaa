package org.goldenthread.platform.account;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be, following NCSC guidance: long, and not one that attackers try
 * first. Instead of composition rules ("one capital, one symbol"), a password is measured against
 * lists of common and breached passwords, words, names and keyboard patterns (zxcvbn's bundled
 * lists), so {@code Password123!} and {@code 123456789012} are refused and a few unrelated words pass.
 */
final class PasswordRules {

    static final int MINIMUM_LENGTH = 12;
    static final int MAXIMUM_LENGTH = 128;
    /** zxcvbn's "safely unguessable" score: about 10^10 guesses or more. */
    private static final int MINIMUM_SCORE = 3;
    /** Measuring is costly for long input, and past this length only the start is guessable anyway. */
    private static final int MEASURED_LENGTH = 64;

    private static final Zxcvbn GUESSES = new Zxcvbn();

    private PasswordRules() {}

    static Optional<String> problemWith(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password");
        }
        if (password.length() < MINIMUM_LENGTH) {
            return Optional.of("The password must be at least " + MINIMUM_LENGTH + " characters");
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return Optional.of("The password must be " + MAXIMUM_LENGTH + " characters or fewer");
        }
        if (email != null && password.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the email address");
        }
        List<String> personal = new ArrayList<>(List.of("golden", "thread", "goldenthread", "nhs", "ics"));
        if (email != null && email.contains("@")) {
            personal.add(email.substring(0, email.indexOf('@')));
            personal.addAll(List.of(email.substring(0, email.indexOf('@')).split("[._+-]")));
        }
        Strength strength =
                GUESSES.measure(password.substring(0, Math.min(password.length(), MEASURED_LENGTH)), personal);
        if (strength.getScore() < MINIMUM_SCORE) {
            return Optional.of("This password is too easy to guess: it is common, or close to a common password,"
                    + " word or pattern. Use three or four unrelated words instead");
        }
        return Optional.empty();
    }
}
