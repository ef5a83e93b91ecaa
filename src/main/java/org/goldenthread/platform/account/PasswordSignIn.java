package org.goldenthread.platform.account;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.goldenthread.platform.Scope;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs people in with email and password, for the sign-in page and for HTTP Basic on the API.
 * Repeated failures lock the account for a while; an unknown email costs as much time as a
 * known one, and only the right password learns that an account is locked or switched off, so the
 * answer does not reveal which emails have accounts.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'");

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final String decoyHash;

    PasswordSignIn(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.decoyHash = passwords.encode("decoy password that never matches anything");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String email = request.getName();
        String password =
                request.getCredentials() == null ? "" : request.getCredentials().toString();
        return Scope.systemPlatform().run(() -> {
            Optional<Accounts.StoredUser> found = accounts.byEmail(email);
            if (found.isEmpty() || found.get().passwordHash() == null) {
                passwords.matches(password, decoyHash);
                accounts.signInFailedUnknown(email);
                throw new BadCredentialsException("bad");
            }
            Accounts.StoredUser user = found.get();
            // The password first: saying "locked" or "switched off" to someone who does not know it
            // would tell them the account exists. Guesses at a locked account still count.
            if (!passwords.matches(password, user.passwordHash())) {
                accounts.signInFailed(user.id());
                throw new BadCredentialsException("bad");
            }
            if (user.disabled()) {
                throw new DisabledException("disabled");
            }
            if (accounts.isLocked(user)) {
                throw new LockedException("locked until " + TIME.format(user.lockedUntil()));
            }
            accounts.signInSucceeded(user.id());
            return UsernamePasswordAuthenticationToken.authenticated(
                    new SignedInUser(user.id(), user.email(), user.sessionEpoch()), null, List.of());
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
