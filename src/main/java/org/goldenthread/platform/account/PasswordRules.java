package org.goldenthread.platform.account;

import java.util.Locale;
import java.util.Optional;

/**
 * Length matters more than composition rules (NCSC guidance): at least 12 characters, not the
 * email address, not one character repeated.
 */
final class PasswordRules {

    static final int MINIMUM_LENGTH = 12;
    static final int MAXIMUM_LENGTH = 128;

    private PasswordRules() {
    }

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
        if (password.chars().distinct().count() < 4) {
            return Optional.of("The password is too easy to guess; use a few unrelated words");
        }
        return Optional.empty();
    }
}
