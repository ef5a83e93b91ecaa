package org.goldenthread.platform.account;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.Grant;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.PlaceDirectory;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.tenancy.Tenants;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts, their roles, passwords and sign-in lock-out. */
@Service
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    record StoredUser(long id, String email, String displayName, String passwordHash, boolean disabled,
                      OffsetDateTime lockedUntil, int failedSignIns) {

        boolean isLocked() {
            return lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now());
        }
    }

    /** A user with the roles visible to whoever is looking. */
    public record Member(UserAccount account, List<Grant> grants) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Tenants tenants;
    private final Audit audit;
    private final ObjectProvider<PlaceDirectory> places;
    private final int maxFailedSignIns;
    private final int lockoutMinutes;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Tenants tenants, Audit audit,
             ObjectProvider<PlaceDirectory> places,
             @Value("${gt.security.max-failed-logins:5}") int maxFailedSignIns,
             @Value("${gt.security.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tenants = tenants;
        this.audit = audit;
        this.places = places;
        this.maxFailedSignIns = maxFailedSignIns;
        this.lockoutMinutes = lockoutMinutes;
    }

    Optional<StoredUser> byEmail(String email) {
        return jdbc.sql("""
                        select id, email, display_name, password_hash, disabled, locked_until, failed_sign_ins
                          from app_user where lower(email) = lower(:email)""")
                .param("email", email == null ? "" : email.trim()).query(StoredUser.class).optional();
    }

    /** The user and their current roles, or empty when the account is gone or disabled. */
    public Optional<Caller> caller(long userId) {
        // read the user, then the grants: a query inside the row mapper would hold one pooled
        // connection while asking for another, and under load every request would wait for ever
        Optional<UserAccount> user = find(userId).filter(u -> !u.disabled());
        return user.map(u -> new Caller(u.id(), u.email(), u.displayName(), grantsOf(userId)));
    }

    List<Grant> grantsOf(long userId) {
        return jdbc.sql("""
                        select g.role, g.ics_id, i.ods_code, i.name, g.places
                          from role_grant g left join ics i on i.id = g.ics_id
                         where g.user_id = :id order by i.ods_code nulls first, g.role""")
                .param("id", userId)
                .query((rs, n) -> grant(rs))
                .list();
    }

    /** A grant from a row with its role, ics_id, ods_code, name and places. */
    static Grant grant(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Grant(Role.fromCode(rs.getString("role")).orElseThrow(), (Long) rs.getObject("ics_id"),
                rs.getString("ods_code"), rs.getString("name"), List.of((String[]) rs.getArray("places").getArray()));
    }

    public Optional<UserAccount> find(long userId) {
        return jdbc.sql("""
                        select id, email, display_name, disabled, locked_until, failed_sign_ins, created_at
                          from app_user where id = :id""").param("id", userId).query(UserAccount.class).optional();
    }

    public List<Member> all() {
        return jdbc.sql("""
                        select id, email, display_name, disabled, locked_until, failed_sign_ins, created_at
                          from app_user order by lower(email)""").query(UserAccount.class).list().stream()
                .map(u -> new Member(u, grantsOf(u.id()))).toList();
    }

    /** People holding a role in this ICS, with only the roles they hold here. */
    public List<Member> membersOf(Tenant tenant) {
        return jdbc.sql("""
                        select distinct u.id, u.email, u.display_name, u.disabled, u.locked_until, u.failed_sign_ins,
                               u.created_at
                          from app_user u join role_grant g on g.user_id = u.id
                         where g.ics_id = :ics order by u.email""")
                .param("ics", tenant.id()).query(UserAccount.class).list().stream()
                .map(u -> new Member(u, grantsOf(u.id()).stream()
                        .filter(g -> g.icsId() != null && g.icsId() == tenant.id()).toList()))
                .toList();
    }

    /** A member of this ICS, or 404 when the user holds no role here (whether or not they exist). */
    public Member memberOf(Tenant tenant, long userId) {
        return membersOf(tenant).stream().filter(m -> m.account().id() == userId).findFirst()
                .orElseThrow(() -> new NotFound("No such user in this ICS"));
    }

    /**
     * Gives someone a role, creating their account first if the email is new. An existing
     * account keeps its password. {@code withinIcs} limits the request to one ICS (an ICS
     * administrator's own); null means platform level.
     */
    @Transactional
    public Member grant(NewUser request, Tenant withinIcs) {
        List<Problem> problems = new ArrayList<>();
        String email = request.email() == null ? "" : request.email().trim();
        if (email.isEmpty()) {
            problems.add(Problem.of("email", "Enter an email address"));
        } else if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.add(Problem.of("email", "Enter an email address in the correct format, like name@example.org"));
        }
        Optional<StoredUser> existing = problems.isEmpty() ? byEmail(email) : Optional.empty();
        if (existing.isEmpty() && request.password() != null && !request.password().isEmpty()) {
            PasswordRules.problemWith(request.password(), email).ifPresent(p -> problems.add(Problem.of("password", p)));
        }
        Optional<Role> role = Role.fromCode(request.role() == null ? "" : request.role());
        if (role.isEmpty()) {
            problems.add(Problem.of("role", "Choose a role: platform_admin, ics_admin, place_lead, member or analyst"));
        } else if (withinIcs != null && !role.get().isIcsRole()) {
            problems.add(Problem.of("role", "An ICS administrator cannot make platform administrators"));
        }
        Tenant tenant = null;
        if (role.isPresent() && role.get().isIcsRole()) {
            if (withinIcs != null) {
                tenant = withinIcs;
                if (request.ics() != null && !request.ics().isBlank()
                        && !request.ics().trim().equalsIgnoreCase(withinIcs.odsCode())) {
                    problems.add(Problem.of("ics", "Roles created here apply in " + withinIcs.odsCode()
                            + " only; leave ics empty or give " + withinIcs.odsCode()));
                }
            } else if (request.ics() == null || request.ics().isBlank()) {
                problems.add(Problem.of("ics", "Choose the ICS in which this role applies"));
            } else {
                tenant = tenants.tenant(request.ics().trim().toUpperCase()).orElse(null);
                if (tenant == null) {
                    problems.add(Problem.of("ics", "No active ICS has the ODS code " + request.ics()));
                }
            }
        } else if (role.isPresent() && request.ics() != null && !request.ics().isBlank()) {
            problems.add(Problem.of("ics", "A platform administrator is not tied to one ICS; leave ics empty"));
        }
        if (request.places().stream().anyMatch(Objects::isNull)) {
            problems.add(Problem.of("places", "Give each place as its name; null is not a place"));
        }
        List<String> placeNames = request.places().stream().filter(Objects::nonNull).map(String::trim)
                .filter(p -> !p.isEmpty()).distinct().toList();
        if (role.isPresent() && role.get() == Role.PLACE_LEAD) {
            if (placeNames.isEmpty()) {
                problems.add(Problem.of("places", "Name at least one place this place lead leads"));
            } else if (tenant != null) {
                PlaceDirectory directory = places.getIfAvailable();
                if (directory != null) {
                    List<String> unknown = directory.unknownPlaces(tenant, placeNames);
                    if (!unknown.isEmpty()) {
                        problems.add(Problem.of("places", "Not a place in this ICS: " + String.join(", ", unknown)));
                    }
                }
            }
        } else if (!placeNames.isEmpty()) {
            problems.add(Problem.of("places", "Only a place lead is scoped to places"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }

        long userId = existing.map(StoredUser::id).orElseGet(() -> createAccount(email, request));
        Long icsId = tenant == null ? null : tenant.id();
        boolean held = jdbc.sql("""
                        select count(*) > 0 from role_grant
                         where user_id = :user and role = :role and coalesce(ics_id, 0) = coalesce(:ics, 0)""")
                .param("user", userId).param("role", role.get().code()).param("ics", icsId)
                .query(Boolean.class).single();
        if (held) {
            throw new InvalidInput("role", email + " already holds this role here");
        }
        jdbc.sql("insert into role_grant (user_id, role, ics_id, places) values (:user, :role, :ics, :places)")
                .param("user", userId).param("role", role.get().code()).param("ics", icsId)
                .param("places", placeNames.toArray(String[]::new)).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("email", email);
        after.put("role", role.get().code());
        after.put("ics", tenant == null ? null : tenant.odsCode());
        after.put("places", placeNames);
        audit.recordFor(icsId, "user.role_granted", "user", userId, null, after);
        UserAccount account = find(userId).orElseThrow();
        if (withinIcs != null && existing.isPresent()) {
            // An ICS administrator who names someone else's account learns nothing about it beyond
            // the email they typed: not its name, nor whether it is locked or switched off.
            account = new UserAccount(userId, email, null, false, null, 0, null);
        }
        List<Grant> grants = grantsOf(userId).stream()
                .filter(g -> withinIcs == null || (g.icsId() != null && g.icsId() == withinIcs.id())).toList();
        return new Member(account, grants);
    }

    private long createAccount(String email, NewUser request) {
        String name = request.displayName() == null || request.displayName().isBlank()
                ? email.substring(0, email.indexOf('@')) : request.displayName().trim();
        String hash = request.password() == null || request.password().isEmpty() ? null
                : passwords.encode(request.password());
        long id = jdbc.sql("""
                        insert into app_user (email, display_name, password_hash, password_changed_at)
                        values (:email, :name, cast(:hash as text), case when cast(:hash as text) is null then null else now() end)
                        returning id""")
                .param("email", email).param("name", name).param("hash", hash).query(Long.class).single();
        audit.record("user.created", "user", id, null, Map.of("email", email, "display_name", name,
                "sign_in", hash == null ? "single sign-on only" : "password"));
        return id;
    }

    /**
     * The member whose password an administrator may reset. An ICS administrator may add any
     * existing account to their ICS, so within an ICS only an account that lives wholly there may
     * be reset: not a platform administrator, not someone who also holds a role in another ICS,
     * and not a single sign-on account, which must not gain a password. Otherwise resetting would
     * hand the ICS administrator someone else's account. Platform administrators may reset any.
     */
    Member resettable(long userId, Tenant withinIcs) {
        if (withinIcs == null) {
            return new Member(find(userId).orElseThrow(() -> new NotFound("No such user")), List.of());
        }
        Member member = memberOf(withinIcs, userId);
        boolean notOnlyHere = jdbc.sql("""
                        select exists (select from role_grant where user_id = :id and (ics_id is null or ics_id <> :ics))
                            or exists (select from app_user where id = :id and password_hash is null)""")
                .param("id", userId).param("ics", withinIcs.id()).query(Boolean.class).single();
        if (notOnlyHere) {
            throw new Forbidden("Only a platform administrator can reset the password of this account");
        }
        return member;
    }

    /**
     * An administrator sets a new password; this also lifts any lock-out. A refused attempt is
     * audited too (hence no rollback for it): someone tried to take over an account.
     */
    @Transactional(noRollbackFor = Forbidden.class)
    public void resetPassword(long userId, String newPassword, Tenant withinIcs) {
        UserAccount user;
        try {
            user = resettable(userId, withinIcs).account();
        } catch (Forbidden refused) {
            auditPasswordReset("user.password_reset_refused", userId, withinIcs, null, Map.of("ics", withinIcs.odsCode()));
            throw refused;
        }
        PasswordRules.problemWith(newPassword, user.email()).ifPresent(p -> {
            throw new InvalidInput("password", p);
        });
        jdbc.sql("""
                        update app_user set password_hash = :hash, password_changed_at = now(),
                               failed_sign_ins = 0, locked_until = null where id = :id""")
                .param("hash", passwords.encode(newPassword)).param("id", userId).update();
        auditPasswordReset("user.password_reset", userId, withinIcs, Map.of("locked", user.isLocked()),
                Map.of("locked", false));
    }

    /** Platform administrators see every reset, since an account can be used anywhere; the ICS sees its own. */
    private void auditPasswordReset(String action, long userId, Tenant withinIcs, Object before, Object after) {
        audit.recordFor(null, action, "user", userId, before, after);
        if (withinIcs != null) {
            audit.recordFor(withinIcs.id(), action, "user", userId, before, after);
        }
    }

    @Transactional
    public void changeOwnPassword(long userId, String current, String replacement) {
        StoredUser user = jdbc.sql("""
                        select id, email, display_name, password_hash, disabled, locked_until, failed_sign_ins
                          from app_user where id = :id""").param("id", userId).query(StoredUser.class).single();
        List<Problem> problems = new ArrayList<>();
        if (user.passwordHash() == null || current == null || !passwords.matches(current, user.passwordHash())) {
            problems.add(Problem.of("current", "Your current password is not correct"));
        }
        PasswordRules.problemWith(replacement, user.email()).ifPresent(p -> problems.add(Problem.of("password", p)));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("update app_user set password_hash = :hash, password_changed_at = now() where id = :id")
                .param("hash", passwords.encode(replacement)).param("id", userId).update();
        audit.record("user.password_changed", "user", userId, null, null);
    }

    /**
     * Counts a failed sign-in, locking the account once too many have failed in a row. Guesses at an
     * account already locked count too, but neither lengthen the lock nor audit it again.
     */
    @Transactional
    public void signInFailed(long userId) {
        boolean locked = jdbc.sql("""
                        update app_user u set failed_sign_ins = u.failed_sign_ins + 1,
                               locked_until = case when u.failed_sign_ins + 1 >= :max and not was.locked
                                                   then now() + make_interval(mins => :minutes) else u.locked_until end
                          from (select coalesce(locked_until > now(), false) as locked from app_user where id = :id) was
                         where u.id = :id
                        returning u.locked_until is not null and u.locked_until > now() and not was.locked""")
                .param("max", maxFailedSignIns).param("minutes", lockoutMinutes).param("id", userId)
                .query(Boolean.class).single();
        if (locked) {
            audit.record("user.locked", "user", userId, null, Map.of("minutes", lockoutMinutes));
        }
    }

    @Transactional
    public void signInSucceeded(long userId) {
        jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null where id = :id and failed_sign_ins > 0")
                .param("id", userId).update();
    }

    /** Creates the first platform administrator, returning false when one already exists. */
    @Transactional
    public boolean createFirstAdmin(String email, String password) {
        boolean anyAdmin = jdbc.sql("select count(*) > 0 from role_grant where role = 'platform_admin'")
                .query(Boolean.class).single();
        if (anyAdmin) {
            return false;
        }
        grant(new NewUser(email, "Platform administrator", password, Role.PLATFORM_ADMIN.code(), null, List.of()),
                null);
        return true;
    }
}
