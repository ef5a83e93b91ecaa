package org.goldenthread.development.relationships;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Scope.Entered;
import org.goldenthread.platform.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each person's own link to their relationship. The link's secret is random and only its SHA-256
 * digest is kept, so the table cannot be replayed; issuing a new link for a person replaces the old
 * one, which then stops working. A link arrives before anyone knows the ICS, so it is looked up
 * through a function that answers only the ICS, relationship and person it belongs to.
 */
@Component
public class PersonalLinks {

    /** Secrets are 24 random bytes, URL-safe base64; anything else is not looked up at all. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{32}$");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A link just issued: the secret, which exists nowhere else once this is gone, and its digest. */
    public record Issued(long relationshipId, long personId, String token, byte[] hash) {}

    /** Who a link belongs to, and the scope to work in for them: system work for their ICS. */
    public record Holder(Scope scope, long relationshipId, long personId) {}

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final Clock clock;

    PersonalLinks(JdbcClient jdbc, TenantDirectory tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** A new link for one person of a relationship, in the ICS in scope, replacing any they had. */
    public Issued issue(long relationshipId, long personId) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] hash = digest(token);
        jdbc.sql("""
                        insert into relationship_link (relationship_id, person_id, token_hash, issued_on)
                        values (:relationship, :person, :hash, :today)
                        on conflict (relationship_id, person_id)
                        do update set token_hash = excluded.token_hash, issued_on = excluded.issued_on,
                                      emailed_on = null""")
                .param("relationship", relationshipId)
                .param("person", personId)
                .param("hash", hash)
                .param("today", LocalDate.now(clock))
                .update();
        return new Issued(relationshipId, personId, token, hash);
    }

    /** Notes that the mail server took an email carrying this link, unless it has been replaced since. */
    void emailed(Issued link) {
        jdbc.sql("update relationship_link set emailed_on = :today where token_hash = :hash")
                .param("today", LocalDate.now(clock))
                .param("hash", link.hash())
                .update();
    }

    /** Whose link this is, from any ICS; empty for anything that is not a current link. */
    public Optional<Holder> holder(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        // No ICS and no user: the lookup must not depend on whatever scope the thread carries.
        try (Entered ignored = new Scope(null, null, false).enter()) {
            return jdbc.sql("select ics_id, relationship_id, person_id from gt_relationship_by_link(:hash)")
                    .param("hash", digest(token))
                    .query((rs, n) ->
                            new long[] {rs.getLong("ics_id"), rs.getLong("relationship_id"), rs.getLong("person_id")})
                    .optional()
                    .flatMap(found ->
                            tenants.tenantOf(found[0]).map(t -> new Holder(Scope.system(t), found[1], found[2])));
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
