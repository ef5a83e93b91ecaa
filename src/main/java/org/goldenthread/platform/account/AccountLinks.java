package org.goldenthread.platform.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links through which a person claims their account or chooses a new password. Nobody
 * else ever chooses it. A link goes to the person's own mailbox; only without a mail server is it
 * shown to the administrator to pass on, and then it works only while the account holds roles in
 * that administrator's ICS alone. Like API tokens, only a digest of the link's secret is stored.
 */
@Service
public class AccountLinks {

    static final int CLAIM_DAYS = 7;
    static final int RESET_DAYS = 1;

    enum Purpose {
        CLAIM,
        RESET;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How a link reached the person: emailed to them, or shown here for the administrator to pass on
     * ({@code link} is null once emailed, so nobody else sees it).
     */
    public record Handover(boolean emailed, @Nullable String link) {}

    /** A link that can still be used, for the page where the person chooses their password. */
    public record Usable(String email, boolean claim) {}

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final AccountMail mail;
    private final Audit audit;
    private final PasswordEncoder passwords;

    AccountLinks(JdbcClient jdbc, AccountMail mail, Audit audit, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.audit = audit;
        this.passwords = passwords;
    }

    /**
     * Issues a link and emails it to the person; without a mail server (or when it refuses the
     * email) the link is returned for the administrator, bound to {@code shownTo}, their ICS (null
     * for a platform administrator).
     */
    Handover issue(long userId, String email, Purpose purpose, @Nullable Tenant shownTo, String roleAndPlace) {
        return issue(userId, email, purpose, shownTo, true, roleAndPlace);
    }

    /** Emails a link to claim the account to the person alone, saying whether it went. */
    boolean email(long userId, String email, String roleAndPlace) {
        return issue(userId, email, Purpose.CLAIM, null, false, roleAndPlace).emailed();
    }

    private Handover issue(
            long userId,
            String email,
            Purpose purpose,
            @Nullable Tenant shownTo,
            boolean showable,
            String roleAndPlace) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String link = mail.linkFor(token);
        int days = purpose == Purpose.CLAIM ? CLAIM_DAYS : RESET_DAYS;
        boolean emailed = purpose == Purpose.CLAIM
                ? mail.send(email, "Your Golden Thread account", AccountMail.claimBody(roleAndPlace, link, days))
                : mail.send(email, "Choose a new Golden Thread password", AccountMail.resetBody(link, days));
        if (!emailed && !showable) {
            return new Handover(false, null);
        }
        Caller caller = Scope.current().caller();
        jdbc.sql("""
                        insert into account_link (user_id, purpose, token_hash, shown_to_ics, issued_by, expires_at)
                        values (:user, :purpose, :hash, :ics, :by, now() + make_interval(days => :days))""")
                .param("user", userId)
                .param("purpose", purpose.code())
                .param("hash", ApiTokens.digest(token))
                .param("ics", emailed || shownTo == null ? null : shownTo.id())
                .param("by", caller == null ? null : caller.userId())
                .param("days", days)
                .update();
        return new Handover(emailed, emailed ? null : link);
    }

    private record Found(
            long id,
            long userId,
            String email,
            String purpose,
            Long shownToIcs,
            boolean disabled,
            boolean used,
            boolean expired,
            boolean rolesElsewhere) {}

    private Optional<Found> find(String token, boolean lock) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select l.id, l.user_id, u.email, l.purpose, l.shown_to_ics, u.disabled,
                               l.used_at is not null as used, l.expires_at <= now() as expired,
                               l.shown_to_ics is not null and exists (
                                   select from role_grant g
                                    where g.user_id = l.user_id and (g.ics_id is null or g.ics_id <> l.shown_to_ics)
                               ) as roles_elsewhere
                          from account_link l join app_user u on u.id = l.user_id
                         where l.token_hash = :hash""" + (lock ? " for update of l" : ""))
                .param("hash", ApiTokens.digest(token))
                .query(Found.class)
                .optional();
    }

    /** The link, if it can still be used; otherwise a 404 saying why not. */
    public Usable usable(String token) {
        Found found = Scope.systemPlatform().run(() -> find(token, false)).orElseThrow(AccountLinks::unknown);
        refuseUnusable(found);
        return new Usable(found.email(), Purpose.CLAIM.code().equals(found.purpose()));
    }

    /**
     * Sets the password the person chose. Every other session and API token of the account ends,
     * and every other link of theirs stops working.
     */
    @Transactional
    public String use(String token, String password) {
        return Scope.systemPlatform().run(() -> {
            Found found = find(token, true).orElseThrow(AccountLinks::unknown);
            refuseUnusable(found);
            PasswordRules.problemWith(password, found.email()).ifPresent(p -> {
                throw new InvalidInput("password", p);
            });
            jdbc.sql("update account_link set used_at = now() where user_id = :user and used_at is null")
                    .param("user", found.userId())
                    .update();
            Sessions.endAll(jdbc, found.userId());
            jdbc.sql("""
                            update app_user set password_hash = :hash, password_changed_at = now(),
                                   password_via_ics = :via, failed_sign_ins = 0, locked_until = null
                             where id = :id""")
                    .param("hash", passwords.encode(password))
                    .param("via", found.shownToIcs())
                    .param("id", found.userId())
                    .update();
            String action = Purpose.CLAIM.code().equals(found.purpose()) ? "user.claimed" : "user.password_reset";
            audit.recordFor(null, action, "user", found.userId(), null, Map.of("by", "one-time link"));
            if (found.shownToIcs() != null) {
                audit.recordFor(
                        found.shownToIcs(), action, "user", found.userId(), null, Map.of("by", "one-time link"));
            }
            return found.email();
        });
    }

    private static void refuseUnusable(Found found) {
        if (found.used()) {
            throw new NotFound("This link has already been used. Sign in with the password you chose, or ask your"
                    + " administrator for a new link.");
        }
        if (found.expired()) {
            throw new NotFound("This link has expired. Ask your administrator for a new one.");
        }
        if (found.disabled()) {
            throw new NotFound("This account has been switched off. Ask your administrator.");
        }
        if (found.rolesElsewhere()) {
            throw new NotFound("This link no longer works: the account has since been given roles elsewhere, so it"
                    + " can only be claimed through a link sent to its own email address. Ask a platform"
                    + " administrator to send one.");
        }
    }

    private static NotFound unknown() {
        return new NotFound("This link is not one Golden Thread issued. Check you copied all of it.");
    }
}
