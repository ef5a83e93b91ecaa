package org.goldenthread.platform.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Settings;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.tenancy.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts, their roles, passwords and sign-in lock-out. */
@Service
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    record StoredUser(
            long id,
            String email,
            @Nullable String displayName,
            @Nullable String passwordHash,
            boolean disabled,
            @Nullable OffsetDateTime lockedUntil,
            int failedSignIns,
            int sessionEpoch,
            @Nullable Long passwordViaIcs) {}

    /** A user with the roles visible to whoever is looking. */
    public record Member(UserAccount account, List<Grant> grants) {}

    /**
     * A role given: whether the account already existed (its holder keeps their own sign-in and was
     * told by email), and for a new account how the link to claim it reached them.
     */
    public record Granted(
            Member member, boolean accountExisted, boolean notified, AccountLinks.@Nullable Handover handover) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Tenants tenants;
    private final Audit audit;
    private final ObjectProvider<PlaceDirectory> places;
    private final AccountLinks links;
    private final AccountMail mail;
    private final int maxFailedSignIns;
    private final int lockoutMinutes;
    private final Clock clock;

    Accounts(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            Tenants tenants,
            Audit audit,
            ObjectProvider<PlaceDirectory> places,
            AccountLinks links,
            AccountMail mail,
            Settings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.tenants = tenants;
        this.audit = audit;
        this.places = places;
        this.links = links;
        this.mail = mail;
        this.maxFailedSignIns = settings.security().maxFailedLogins();
        this.lockoutMinutes = settings.security().lockoutMinutes();
        this.clock = clock;
    }

    boolean isLocked(StoredUser user) {
        return isLockedUntil(user.lockedUntil());
    }

    private boolean isLockedUntil(@Nullable OffsetDateTime lockedUntil) {
        return lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now(clock));
    }

    private UserAccount account(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getBoolean("disabled"),
                lockedUntil,
                rs.getInt("failed_sign_ins"),
                rs.getObject("created_at", OffsetDateTime.class),
                isLockedUntil(lockedUntil));
    }

    Optional<StoredUser> byEmail(@Nullable String email) {
        return jdbc.sql("""
                        select id, email, display_name, password_hash, disabled, locked_until, failed_sign_ins,
                               session_epoch, password_via_ics
                          from app_user where lower(email) = lower(:email)""")
                .param("email", email == null ? "" : email.trim())
                .query(StoredUser.class)
                .optional();
    }

    /**
     * Who a session speaks for, with their current roles; empty when the account is gone or
     * switched off, or the session began before its sessions were ended.
     */
    public Optional<Caller> caller(SignedInUser session) {
        // read the user, then the grants: a query inside the row mapper would hold one pooled
        // connection while asking for another, and under load every request would wait for ever
        record Live(long id, String email, String displayName) {}
        Optional<Live> user = jdbc.sql("""
                        select id, email, display_name from app_user
                         where id = :id and not disabled and session_epoch = :epoch""")
                .param("id", session.id())
                .param("epoch", session.epoch())
                .query(Live.class)
                .optional();
        return user.map(u -> new Caller(u.id(), u.email(), u.displayName(), grantsOf(u.id())));
    }

    List<Grant> grantsOf(long userId) {
        return jdbc.sql("""
                        select g.role, g.ics_id, i.ods_code, i.name, g.places
                          from role_grant g left join ics i on i.id = g.ics_id
                         where g.user_id = :id order by i.ods_code nulls first, g.role""").param("id", userId).query((rs, n) -> grant(rs)).list();
    }

    /** A grant from a row with its role, ics_id, ods_code, name and places. */
    static Grant grant(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Grant(
                Role.fromCode(rs.getString("role")).orElseThrow(),
                (Long) rs.getObject("ics_id"),
                rs.getString("ods_code"),
                rs.getString("name"),
                List.of((String[]) rs.getArray("places").getArray()));
    }

    public Optional<UserAccount> find(long userId) {
        return jdbc.sql("""
                        select id, email, display_name, disabled, locked_until, failed_sign_ins, created_at
                          from app_user where id = :id""").param("id", userId).query(this::account).optional();
    }

    public List<Member> all() {
        return jdbc.sql("""
                        select id, email, display_name, disabled, locked_until, failed_sign_ins, created_at
                          from app_user order by lower(email)""").query(this::account).list().stream()
                .map(u -> new Member(u, grantsOf(u.id())))
                .toList();
    }

    /**
     * People holding a role in this ICS, with only the roles they hold here. An account that also
     * serves another ICS, or the platform, is shown to an ICS administrator by its email alone: its
     * name and whether it is locked or switched off are the platform's, which an administrator could
     * otherwise learn of any account by granting it a role and taking it away again.
     */
    public List<Member> membersOf(Tenant tenant) {
        Caller caller = Scope.current().caller();
        boolean platformAdmin = caller != null && caller.isPlatformAdmin();
        return jdbc.sql("""
                        select distinct u.id, u.email, u.display_name, u.disabled, u.locked_until, u.failed_sign_ins,
                               u.created_at
                          from app_user u join role_grant g on g.user_id = u.id
                         where g.ics_id = :ics order by u.email""").param("ics", tenant.id()).query(this::account).list().stream()
                .map(u -> {
                    List<Grant> all = grantsOf(u.id());
                    List<Grant> here = all.stream()
                            .filter(g -> g.icsId() != null && g.icsId() == tenant.id())
                            .toList();
                    boolean beyond = here.size() < all.size();
                    return new Member(
                            beyond && !platformAdmin
                                    ? new UserAccount(u.id(), u.email(), null, false, null, 0, null, false)
                                    : u,
                            here);
                })
                .toList();
    }

    /** A member of this ICS, or 404 when the user holds no role here (whether or not they exist). */
    public Member memberOf(Tenant tenant, long userId) {
        return membersOf(tenant).stream()
                .filter(m -> m.account().id() == userId)
                .findFirst()
                .orElseThrow(() -> new NotFound("No such user in this ICS"));
    }

    /**
     * Gives someone a role, creating their account first if the email is new. An existing
     * account keeps its password. {@code withinIcs} limits the request to one ICS (an ICS
     * administrator's own); null means platform level.
     */
    @Transactional
    public Granted grant(NewUser request, @Nullable Tenant withinIcs) {
        List<Problem> problems = new ArrayList<>();
        String email = request.email() == null ? "" : request.email().trim();
        if (email.isEmpty()) {
            problems.add(Problem.of("email", "Enter an email address"));
        } else if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.add(Problem.of("email", "Enter an email address in the correct format, like name@example.org"));
        }
        Optional<StoredUser> existing = problems.isEmpty() ? byEmail(email) : Optional.empty();
        if (request.password() != null && !request.password().isEmpty()) {
            problems.add(Problem.of(
                    "password",
                    "Leave the password out: administrators do not choose other"
                            + " people's passwords. The person chooses their own through a one-time link"));
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
                if (request.ics() != null
                        && !request.ics().isBlank()
                        && !request.ics().trim().equalsIgnoreCase(withinIcs.odsCode())) {
                    problems.add(Problem.of(
                            "ics",
                            "Roles created here apply in " + withinIcs.odsCode() + " only; leave ics empty or give "
                                    + withinIcs.odsCode()));
                }
            } else if (request.ics() == null || request.ics().isBlank()) {
                problems.add(Problem.of("ics", "Choose the ICS in which this role applies"));
            } else {
                tenant = tenants.tenant(request.ics().trim().toUpperCase(Locale.ROOT))
                        .orElse(null);
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
        List<String> placeNames = request.places().stream()
                .filter(Objects::nonNull)
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .distinct()
                .toList();
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

        long userId = existing.map(StoredUser::id).orElseGet(() -> createAccount(email, request.displayName(), null));
        Long icsId = tenant == null ? null : tenant.id();
        boolean held = jdbc.sql("""
                        select count(*) > 0 from role_grant
                         where user_id = :user and role = :role and coalesce(ics_id, 0) = coalesce(:ics, 0)""")
                .param("user", userId)
                .param("role", role.get().code())
                .param("ics", icsId)
                .query(Boolean.class)
                .single();
        if (held) {
            throw new InvalidInput("role", email + " already holds this role here");
        }
        jdbc.sql("insert into role_grant (user_id, role, ics_id, places) values (:user, :role, :ics, :places)")
                .param("user", userId)
                .param("role", role.get().code())
                .param("ics", icsId)
                .param("places", placeNames.toArray(String[]::new))
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("email", email);
        after.put("role", role.get().code());
        after.put("ics", tenant == null ? null : tenant.odsCode());
        after.put("places", placeNames);
        audit.recordFor(icsId, "user.role_granted", "user", userId, null, after);
        String roleAndPlace = role.get().label() + (tenant == null ? "" : " in " + tenant.name());
        AccountLinks.Handover handover = null;
        boolean notified;
        if (existing.isEmpty()) {
            handover = links.issue(userId, email, AccountLinks.Purpose.CLAIM, withinIcs, roleAndPlace);
            notified = handover.emailed();
        } else if (existing.get().passwordViaIcs() != null
                && !existing.get().passwordViaIcs().equals(icsId)) {
            // its password was chosen through a link another ICS's administrator was shown: it must
            // not follow the account here, so it is cleared and only the person can choose a new one
            jdbc.sql("update app_user set password_hash = null, password_via_ics = null where id = :id")
                    .param("id", userId)
                    .update();
            Sessions.endAll(jdbc, userId);
            audit.recordFor(
                    null,
                    "user.password_cleared",
                    "user",
                    userId,
                    null,
                    Map.of("reason", "given a role beyond the ICS whose administrator handed over its link"));
            notified = links.email(userId, email, roleAndPlace);
        } else if (existing.get().passwordHash() == null && !existing.get().disabled()) {
            // never claimed: a fresh link goes to the person's own mailbox alone, never to this
            // administrator, since the account may hold roles elsewhere
            notified = links.email(userId, email, roleAndPlace);
        } else {
            notified = mail.send(email, "You have a new role in Golden Thread", AccountMail.grantedBody(roleAndPlace));
        }
        UserAccount account = find(userId).orElseThrow();
        if (withinIcs != null && existing.isPresent()) {
            // An ICS administrator who names someone else's account learns nothing about it beyond
            // the email they typed: not its name, nor whether it is locked or switched off.
            account = new UserAccount(userId, email, null, false, null, 0, null, false);
        }
        List<Grant> grants = grantsOf(userId).stream()
                .filter(g -> withinIcs == null || (g.icsId() != null && g.icsId() == withinIcs.id()))
                .toList();
        return new Granted(new Member(account, grants), existing.isPresent(), notified, handover);
    }

    /** A new account; only the first platform administrator's starts with a password (their own). */
    private long createAccount(String email, @Nullable String displayName, @Nullable String password) {
        String name = displayName == null || displayName.isBlank()
                ? email.substring(0, email.indexOf('@'))
                : displayName.trim();
        String hash = password == null ? null : passwords.encode(password);
        long id = jdbc.sql("""
                        insert into app_user (email, display_name, password_hash, password_changed_at)
                        values (:email, :name, cast(:hash as text), case when cast(:hash as text) is null then null else now() end)
                        returning id""")
                .param("email", email)
                .param("name", name)
                .param("hash", hash)
                .query(Long.class)
                .single();
        audit.record(
                "user.created",
                "user",
                id,
                null,
                Map.of(
                        "email",
                        email,
                        "display_name",
                        name,
                        "sign_in",
                        hash == null ? "one-time link or single sign-on" : "password"));
        return id;
    }

    /**
     * The member for whom an administrator may ask for a password link. An ICS administrator may
     * add any existing account to their ICS, so within an ICS only an account that lives wholly
     * there qualifies: not a platform administrator, nor someone who also holds a role in another
     * ICS. Platform administrators may ask for any account.
     */
    Member resettable(long userId, @Nullable Tenant withinIcs) {
        if (withinIcs == null) {
            return new Member(find(userId).orElseThrow(() -> new NotFound("No such user")), grantsOf(userId));
        }
        Member member = memberOf(withinIcs, userId);
        if (holdsRolesBeyond(userId, withinIcs)) {
            throw new Forbidden("This person also holds roles outside this ICS, so only they (through"
                    + " 'Forgotten your password?' by email) or a platform administrator can start a password reset");
        }
        return member;
    }

    /** Whether an ICS administrator may send this member of their ICS a password link. */
    public boolean mayResetWithin(long userId, Tenant ics) {
        return !holdsRolesBeyond(userId, ics);
    }

    private boolean holdsRolesBeyond(long userId, Tenant ics) {
        return jdbc.sql(
                        "select exists (select from role_grant where user_id = :id and (ics_id is null or ics_id <> :ics))")
                .param("id", userId)
                .param("ics", ics.id())
                .query(Boolean.class)
                .single();
    }

    /**
     * Sends the person a one-time link to choose a new password (or, for an account never claimed,
     * to claim it); without a mail server the link is returned for the administrator to pass on.
     * A refused attempt is audited too (hence no rollback for it): someone tried to take over an account.
     */
    @Transactional(noRollbackFor = Forbidden.class)
    public AccountLinks.Handover sendPasswordLink(long userId, @Nullable Tenant withinIcs) {
        UserAccount user;
        try {
            user = resettable(userId, withinIcs).account();
        } catch (Forbidden refused) {
            auditPasswordReset(
                    "user.password_reset_refused",
                    userId,
                    withinIcs,
                    // only an ICS administrator, never a platform one, can be refused
                    Map.of("ics", Objects.requireNonNull(withinIcs).odsCode()));
            throw refused;
        }
        if (user.disabled()) {
            throw new InvalidInput("user", "This account is switched off: switch it on before sending a link");
        }
        boolean claimed = jdbc.sql("select password_hash is not null from app_user where id = :id")
                .param("id", userId)
                .query(Boolean.class)
                .single();
        AccountLinks.Handover handover = links.issue(
                userId,
                user.email(),
                claimed ? AccountLinks.Purpose.RESET : AccountLinks.Purpose.CLAIM,
                withinIcs,
                "a member of Golden Thread");
        auditPasswordReset(
                "user.password_link_sent",
                userId,
                withinIcs,
                Map.of("emailed", handover.emailed(), "purpose", claimed ? "reset" : "claim"));
        return handover;
    }

    /** Platform administrators see every reset, since an account can be used anywhere; the ICS sees its own. */
    private void auditPasswordReset(String action, long userId, @Nullable Tenant withinIcs, Object after) {
        audit.recordFor(null, action, "user", userId, null, after);
        if (withinIcs != null) {
            audit.recordFor(withinIcs.id(), action, "user", userId, null, after);
        }
    }

    /**
     * Changes one's own password. Every other session and API token of the account ends; the
     * returned epoch lets the session that asked carry on.
     */
    @Transactional
    public int changeOwnPassword(long userId, String current, String replacement) {
        StoredUser user =
                jdbc.sql("""
                        select id, email, display_name, password_hash, disabled, locked_until, failed_sign_ins,
                               session_epoch, password_via_ics
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
                .param("hash", passwords.encode(replacement))
                .param("id", userId)
                .update();
        int epoch = Sessions.endAll(jdbc, userId);
        audit.record("user.password_changed", "user", userId, null, Map.of("other_sessions_and_tokens", "ended"));
        return epoch;
    }

    // ---- offboarding

    /**
     * Takes a role away. Within an ICS only that ICS's roles can be removed. The person's sessions
     * carry on with the roles they still hold (roles are read afresh on every request); with none
     * left, they end at the next request.
     */
    @Transactional
    public void removeRole(
            long userId, @Nullable String roleCode, @Nullable String icsCode, @Nullable Tenant withinIcs) {
        Role role = Role.fromCode(roleCode == null ? "" : roleCode)
                .orElseThrow(() -> new InvalidInput(
                        "role", "Choose a role: platform_admin, ics_admin, place_lead, member or analyst"));
        Long icsId;
        String ods;
        if (withinIcs != null) {
            if (!role.isIcsRole()) {
                throw new NotFound("No such role in this ICS");
            }
            icsId = withinIcs.id();
            ods = withinIcs.odsCode();
        } else if (role.isIcsRole()) {
            if (icsCode == null || icsCode.isBlank()) {
                throw new InvalidInput("ics", "Give the ICS in which to remove this role");
            }
            Tenant tenant = tenants.tenant(icsCode.trim().toUpperCase(Locale.ROOT))
                    .orElseThrow(() -> new InvalidInput("ics", "No active ICS has the ODS code " + icsCode));
            icsId = tenant.id();
            ods = tenant.odsCode();
        } else {
            icsId = null;
            ods = null;
            Caller caller = Scope.current().caller();
            if (caller != null && caller.userId() == userId) {
                throw new InvalidInput(
                        "role",
                        "You cannot remove your own platform administrator role;"
                                + " ask another platform administrator");
            }
        }
        List<String> removedPlaces = jdbc.sql("""
                        delete from role_grant where user_id = :user and role = :role
                           and coalesce(ics_id, 0) = coalesce(:ics, 0) returning places""")
                .param("user", userId)
                .param("role", role.code())
                .param("ics", icsId)
                .query((rs, n) -> List.of((String[]) rs.getArray("places").getArray()))
                .optional()
                .orElseThrow(() -> new NotFound("This person does not hold that role here"));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("role", role.code());
        before.put("ics", ods);
        before.put("places", removedPlaces);
        audit.recordFor(null, "user.role_removed", "user", userId, before, null);
        if (icsId != null) {
            audit.recordFor(icsId, "user.role_removed", "user", userId, before, null);
        }
    }

    /** Switches an account off (ending its sessions and tokens at once) or back on. Platform administrators only. */
    @Transactional
    public void setDisabled(long userId, boolean disabled) {
        UserAccount user = find(userId).orElseThrow(() -> new NotFound("No such user"));
        Caller caller = Scope.current().caller();
        if (disabled && caller != null && caller.userId() == userId) {
            throw new InvalidInput(
                    "user", "You cannot switch off your own account; ask another platform administrator");
        }
        if (user.disabled() == disabled) {
            return;
        }
        jdbc.sql("update app_user set disabled = :disabled where id = :id")
                .param("disabled", disabled)
                .param("id", userId)
                .update();
        if (disabled) {
            Sessions.endAll(jdbc, userId);
        }
        audit.record(
                disabled ? "user.disabled" : "user.enabled",
                "user",
                userId,
                Map.of("disabled", !disabled),
                Map.of("disabled", disabled));
    }

    /** Ends every session and revokes every API token of an account, for a lost laptop say. */
    @Transactional
    public void endSessions(long userId) {
        if (find(userId).isEmpty()) {
            throw new NotFound("No such user");
        }
        Sessions.endAll(jdbc, userId);
        audit.record("user.sessions_ended", "user", userId, null, Map.of("sessions_and_tokens", "ended"));
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
                .param("max", maxFailedSignIns)
                .param("minutes", lockoutMinutes)
                .param("id", userId)
                .query(Boolean.class)
                .single();
        audit.recordFor(
                null,
                "user.sign_in_failed",
                "user",
                userId,
                null,
                Map.of("method", "password", "reason", "wrong password"));
        if (locked) {
            audit.record("user.locked", "user", userId, null, Map.of("minutes", lockoutMinutes));
        }
    }

    /** A password sign-in that failed for an address no account signs in with by password. */
    @Transactional
    public void signInFailedUnknown(String email) {
        String given = email == null ? "" : email.length() > 254 ? email.substring(0, 254) : email;
        audit.recordFor(
                null,
                "user.sign_in_failed",
                "user",
                null,
                null,
                Map.of(
                        "method",
                        "password",
                        "email",
                        given,
                        "reason",
                        "no account signs in with a password at this address"));
    }

    /**
     * Takes the person's name from their identity provider when the account has none of its own
     * (created without one, it shows the part of the email before the @).
     */
    @Transactional
    public void nameFromProvider(long userId, String email, String name) {
        String trimmed = name.length() > 200 ? name.substring(0, 200) : name;
        String fallback = email.substring(0, email.indexOf('@'));
        int changed = jdbc.sql("update app_user set display_name = :name where id = :id and display_name = :fallback"
                        + " and display_name <> :name")
                .param("name", trimmed)
                .param("id", userId)
                .param("fallback", fallback)
                .update();
        if (changed > 0) {
            audit.recordFor(
                    null,
                    "user.name_from_provider",
                    "user",
                    userId,
                    Map.of("display_name", fallback),
                    Map.of("display_name", trimmed));
        }
    }

    @Transactional
    public void signInSucceeded(long userId) {
        jdbc.sql("update app_user set failed_sign_ins = 0, locked_until = null where id = :id and failed_sign_ins > 0")
                .param("id", userId)
                .update();
    }

    /** Creates the first platform administrator, returning false when one already exists. */
    @Transactional
    public boolean createFirstAdmin(String email, String password) {
        // instances starting side by side on one database wait for each other here, so one makes it
        jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtext('gt.first_admin'))) locked")
                .query(Long.class)
                .single();
        boolean anyAdmin = jdbc.sql("select count(*) > 0 from role_grant where role = 'platform_admin'")
                .query(Boolean.class)
                .single();
        if (anyAdmin) {
            return false;
        }
        PasswordRules.problemWith(password, email).ifPresent(p -> {
            throw new IllegalStateException("GT_ADMIN_PASSWORD is not acceptable: " + p);
        });
        long id = byEmail(email)
                .map(StoredUser::id)
                .orElseGet(() -> createAccount(email, "Platform administrator", password));
        jdbc.sql("insert into role_grant (user_id, role) values (:user, 'platform_admin')")
                .param("user", id)
                .update();
        audit.record("user.role_granted", "user", id, null, Map.of("email", email, "role", Role.PLATFORM_ADMIN.code()));
        return true;
    }
}
