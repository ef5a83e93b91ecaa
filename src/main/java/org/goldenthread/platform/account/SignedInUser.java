package org.goldenthread.platform.account;

import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * What the session remembers about who signed in. Roles are not kept here: they are read
 * afresh on every request, so a revoked role stops working at once. The epoch is the account's
 * when the session began: raising the account's (a new password, an administrator ending its
 * sessions) ends every session begun before.
 */
public record SignedInUser(long id, String email, int epoch) implements Principal, Serializable {

    @Override
    public String getName() {
        return email;
    }

    /** Whoever an authentication stands for, however they signed in. */
    public static Optional<SignedInUser> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof SignedInUser user) {
            return Optional.of(user);
        }
        if (principal instanceof OidcSignIn.SignedInOidcUser oidc) {
            return Optional.of(oidc.user());
        }
        return Optional.empty();
    }
}
