package org.goldenthread.pipeline.equality;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.TenantDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each person's own link for giving their equality answers. The secret is random and only its
 * SHA-256 digest is kept; a new link for a person replaces the old one, which then stops working.
 * A link can be used again until it is replaced, so someone can change their answers. A link
 * arrives before anyone knows the ICS, so it is looked up through a function that answers only the
 * ICS and person it belongs to.
 */
@Component
class EqualityLinks {

    /** Secrets are 24 random bytes, URL-safe base64; anything else is not looked up at all. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{32}$");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link just issued: the secret, which exists nowhere else once this is gone, and its digest. */
    record Issued(long personId, String token, byte[] hash) {}

    /** Whose link this is, and the scope to work in for them: system work for their ICS. */
    record Holder(Scope scope, long personId) {}

    /** When a person's link was made and emailed, for the administrator's page. */
    record Sent(LocalDate issuedOn, @Nullable LocalDate emailedOn) {}

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final Clock clock;

    EqualityLinks(JdbcClient jdbc, TenantDirectory tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** A new link for a person in the ICS in scope, replacing any they had. */
    Issued issue(long personId) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] hash = digest(token);
        jdbc.sql("""
                        insert into equality_link (person_id, token_hash, issued_on)
                        values (:person, :hash, :today)
                        on conflict (person_id)
                        do update set token_hash = excluded.token_hash, issued_on = excluded.issued_on,
                                      emailed_on = null""")
                .param("person", personId)
                .param("hash", hash)
                .param("today", LocalDate.now(clock))
                .update();
        return new Issued(personId, token, hash);
    }

    /** Notes that the mail server took an email carrying this link, unless it has been replaced since. */
    void emailed(Issued link) {
        jdbc.sql("update equality_link set emailed_on = :today where token_hash = :hash")
                .param("today", LocalDate.now(clock))
                .param("hash", link.hash())
                .update();
    }

    /** Every person's current link, by person id. */
    Map<Long, Sent> sent() {
        Map<Long, Sent> sent = new java.util.HashMap<>();
        jdbc.sql("select person_id, issued_on, emailed_on from equality_link").query(rs -> {
            sent.put(
                    rs.getLong("person_id"),
                    new Sent(rs.getObject("issued_on", LocalDate.class), rs.getObject("emailed_on", LocalDate.class)));
        });
        return sent;
    }

    /** Whose link this is, from any ICS; empty for anything that is not a current link. */
    Optional<Holder> holder(@Nullable String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        // No ICS and no user: the lookup must not depend on whatever scope the thread carries.
        try (Scope.Entered ignored = new Scope(null, null, false).enter()) {
            return jdbc.sql("select ics_id, person_id from gt_equality_link(:hash)")
                    .param("hash", digest(token))
                    .query((rs, n) -> new long[] {rs.getLong("ics_id"), rs.getLong("person_id")})
                    .optional()
                    .flatMap(found -> tenants.tenantOf(found[0]).map(t -> new Holder(Scope.system(t), found[1])));
        }
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
