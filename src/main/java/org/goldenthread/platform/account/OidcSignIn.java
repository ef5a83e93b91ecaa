package org.goldenthread.platform.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
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
    private final Audit audit;

    OidcSignIn(Accounts accounts, Audit audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = delegate.loadUser(request);
        String provider = request.getClientRegistration().getRegistrationId();
        String email = oidc.getEmail();
        if (email == null || email.isBlank()) {
            throw refused(provider, null, null, NO_ACCOUNT, "the identity provider did not share an email address");
        }
        // Accounts are linked by email, so an address the provider has not checked (one a user typed
        // into their profile, say) could claim someone else's account.
        if (!Boolean.TRUE.equals(oidc.getEmailVerified())) {
            throw refused(
                    provider,
                    email,
                    null,
                    EMAIL_NOT_VERIFIED,
                    "the identity provider has not verified the email address");
        }
        Optional<Accounts.StoredUser> found = Scope.systemPlatform().run(() -> accounts.byEmail(email));
        if (found.isEmpty()) {
            throw refused(provider, email, null, NO_ACCOUNT, "no Golden Thread account uses this email address");
        }
        Accounts.StoredUser user = found.get();
        if (user.disabled()) {
            throw refused(provider, email, user.id(), NO_ACCOUNT, "the account is switched off");
        }
        String name = nameFrom(oidc);
        if (name != null) {
            Scope.systemPlatform().run(() -> accounts.nameFromProvider(user.id(), user.email(), name));
        }
        return new SignedInOidcUser(oidc, new SignedInUser(user.id(), user.email(), user.sessionEpoch()));
    }

    /** The person's name as the provider gives it: the full name, else given and family names together. */
    private static @Nullable String nameFrom(OidcUser oidc) {
        String full = oidc.getFullName();
        if (full != null && !full.isBlank()) {
            return full.strip();
        }
        String joined = ((oidc.getGivenName() == null ? "" : oidc.getGivenName()) + " "
                        + (oidc.getFamilyName() == null ? "" : oidc.getFamilyName()))
                .strip();
        return joined.isEmpty() ? null : joined;
    }

    /** A refused single sign-on leaves a trace in the platform audit log, as a failed password does. */
    private OAuth2AuthenticationException refused(
            String provider, @Nullable String email, @Nullable Long userId, String code, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("method", "single sign-on (" + provider + ")");
        detail.put("email", email == null ? null : email.length() > 254 ? email.substring(0, 254) : email);
        detail.put("reason", reason);
        Scope.systemPlatform().run(() -> {
            audit.recordFor(null, "user.sign_in_refused", "user", userId, null, detail);
            return null;
        });
        return new OAuth2AuthenticationException(new OAuth2Error(code, reason, null));
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
