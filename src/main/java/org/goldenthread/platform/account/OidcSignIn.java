package org.goldenthread.platform.account;

import java.util.Optional;
import org.goldenthread.platform.Scope;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on through an OpenID Connect provider such as NHS CIS2 or Microsoft Entra ID.
 * Nobody signs themselves up: the identity provider's email must match an account an
 * administrator created, which is how roles are known.
 */
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NO_ACCOUNT = "no_account";
    static final String EMAIL_NOT_VERIFIED = "email_not_verified";

    private final OidcUserService delegate = new OidcUserService();
    private final Accounts accounts;

    OidcSignIn(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        String email = Optional.ofNullable(oidc.getEmail())
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(NO_ACCOUNT,
                        "The identity provider did not share an email address", null)));
        // Accounts are linked by email, so an address the provider has not checked (one a user typed
        // into their profile, say) could claim someone else's account.
        if (!Boolean.TRUE.equals(oidc.getEmailVerified())) {
            throw new OAuth2AuthenticationException(new OAuth2Error(EMAIL_NOT_VERIFIED,
                    "The identity provider has not verified the email address " + email, null));
        }
        Accounts.StoredUser user = Scope.systemPlatform().run(() -> accounts.byEmail(email))
                .filter(u -> !u.disabled())
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(NO_ACCOUNT,
                        "No Golden Thread account uses " + email, null)));
        return new SignedInOidcUser(oidc, new SignedInUser(user.id(), user.email()));
    }

    static final class SignedInOidcUser extends DefaultOidcUser {

        private final SignedInUser user;

        SignedInOidcUser(OidcUser oidc, SignedInUser user) {
            super(oidc.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
            this.user = user;
        }

        SignedInUser user() {
            return user;
        }
    }
}
