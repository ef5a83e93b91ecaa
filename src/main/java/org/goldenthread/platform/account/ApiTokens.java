package org.goldenthread.platform.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Grant;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for automation. Only a SHA-256 digest is stored: the token has 256 random bits,
 * so a slow password hash adds nothing, and a leaked table cannot be replayed.
 */
@Service
public class ApiTokens {

    public record Issued(long id, String name, String token) {}

    private static final String PREFIX = "gt_";
    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Audit audit;

    ApiTokens(JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Issued issue(long userId, @Nullable String name) {
        String label = name == null || name.isBlank() ? "API token" : name.trim();
        if (label.length() > 100) {
            throw new InvalidInput("name", "The token name must be 100 characters or fewer");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql(
                        "insert into api_token (user_id, name, token_hash) values (:user, :name, :hash) returning id")
                .param("user", userId)
                .param("name", label)
                .param("hash", digest(token))
                .query(Long.class)
                .single();
        audit.record("token.created", "api_token", id, null, Map.of("name", label, "user_id", userId));
        return new Issued(id, label, token);
    }

    public List<ApiToken> of(long userId) {
        return jdbc.sql("""
                        select id, name, created_at, last_used_at, revoked_at from api_token
                         where user_id = :user order by created_at desc, id desc""").param("user", userId).query(ApiToken.class).list();
    }

    @Transactional
    public void revoke(long userId, long tokenId) {
        int changed = jdbc.sql(
                        "update api_token set revoked_at = now() where id = :id and user_id = :user and revoked_at is null")
                .param("id", tokenId)
                .param("user", userId)
                .update();
        if (changed == 0) {
            boolean owned = jdbc.sql("select count(*) > 0 from api_token where id = :id and user_id = :user")
                    .param("id", tokenId)
                    .param("user", userId)
                    .query(Boolean.class)
                    .single();
            if (!owned) {
                throw new NotFound("You have no API token with id " + tokenId);
            }
            return;
        }
        audit.record("token.revoked", "api_token", tokenId, null, Map.of("user_id", userId));
    }

    /** Who a live token speaks for, read once for the whole request: the account and its roles. */
    record Bearer(SignedInUser user, Caller caller) {}

    /**
     * The owner of a live token, with their roles, in one query: every API call asks this, so the
     * token, the account and its grants come back together rather than one round trip each. Nothing
     * is cached, so a revoked token, a disabled account or a withdrawn role stops working at once.
     */
    Optional<Bearer> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        byte[] hash = digest(token);
        record Row(
                long id,
                String email,
                @Nullable String displayName,
                boolean stale,
                @Nullable Grant grant) {}
        List<Row> rows = jdbc.sql("""
                        select u.id, u.email, u.display_name,
                               t.last_used_at is null or t.last_used_at < now() - interval '1 minute' as stale,
                               g.role, g.ics_id, i.ods_code, i.name, g.places
                          from api_token t
                               join app_user u on u.id = t.user_id
                               left join role_grant g on g.user_id = u.id
                               left join ics i on i.id = g.ics_id
                         where t.token_hash = :hash and t.revoked_at is null and not u.disabled
                         order by i.ods_code nulls first, g.role""")
                .param("hash", hash)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        rs.getBoolean("stale"),
                        rs.getString("role") == null ? null : Accounts.grant(rs)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.get(0);
        if (first.stale()) {
            // at most once a minute per token, so a busy token does not write on every call
            jdbc.sql("""
                            update api_token set last_used_at = now()
                             where token_hash = :hash and (last_used_at is null or last_used_at < now() - interval '1 minute')""").param("hash", hash).update();
        }
        List<Grant> grants =
                rows.stream().map(Row::grant).filter(java.util.Objects::nonNull).toList();
        return Optional.of(new Bearer(
                new SignedInUser(first.id(), first.email(), 0),
                new Caller(first.id(), first.email(), first.displayName(), grants)));
    }

    /** SHA-256 of a secret token, the only form tokens and one-time links are kept in. */
    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
