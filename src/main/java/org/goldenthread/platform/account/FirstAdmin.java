package org.goldenthread.platform.account;

import java.security.SecureRandom;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the very first start, creates the platform administrator from GT_ADMIN_EMAIL and
 * GT_ADMIN_PASSWORD, or with a generated password that is shown once and never stored in clear.
 */
@Component
@Order(1)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Accounts accounts;
    private final String email;
    private final String password;

    FirstAdmin(Accounts accounts, Settings settings) {
        this.accounts = accounts;
        String email = settings.admin().email();
        this.email = email.isBlank() ? "admin@golden-thread.example" : email.trim();
        this.password = settings.admin().password();
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean generated = password == null || password.isBlank();
        String chosen = generated ? generate() : password;
        boolean created = Scope.systemPlatform().run(() -> accounts.createFirstAdmin(email, chosen));
        if (created && generated) {
            // Printed to the console only, once: the hash is all that is kept.
            System.out.printf(
                    "%n==== Golden Thread platform administrator ====%n  email:    %s%n  password: %s%n"
                            + "  Sign in at /login and change it from 'Your account'. It will not be shown again.%n"
                            + "==============================================%n%n",
                    email, chosen);
        } else if (created) {
            log.info("Created the platform administrator {}", email);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
