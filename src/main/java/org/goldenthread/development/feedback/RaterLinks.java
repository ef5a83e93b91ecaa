package org.goldenthread.development.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Scope.Entered;
import org.goldenthread.platform.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each rater's own link. Its secret is random and only its SHA-256 digest is kept; a new link for a
 * rater replaces the old one. A link arrives before anyone knows the ICS, so it is looked up
 * through a function that answers only the ICS and the invitation it belongs to.
 */
@Component
class RaterLinks {

    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{32}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A secret and its digest, before it belongs to anyone. */
    record Secret(String token, byte[] hash) {}

    /** A link just issued to an invitation: the secret exists nowhere else once this is gone. */
    record Issued(long invitationId, String token, byte[] hash) {}

    /** Whose link this is, and the scope to work in for them: system work in their ICS. */
    record Holder(Scope scope, long invitationId) {}

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;

    RaterLinks(JdbcClient jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    static Secret fresh() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Secret(token, digest(token));
    }

    /** A new link for an invitation in the ICS in scope; the old one stops working. */
    Issued reissue(long invitationId) {
        Secret secret = fresh();
        jdbc.sql("update feedback_invitation set token_hash = :hash, emailed_on = null where id = :id")
                .param("hash", secret.hash())
                .param("id", invitationId)
                .update();
        return new Issued(invitationId, secret.token(), secret.hash());
    }

    /** Whose link this is, from any ICS; empty for anything that is not a current link. */
    Optional<Holder> holder(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        try (Entered ignored = new Scope(null, null, false).enter()) {
            return jdbc.sql("select ics_id, invitation_id from gt_feedback_by_link(:hash)")
                    .param("hash", digest(token))
                    .query((rs, n) -> new long[] {rs.getLong("ics_id"), rs.getLong("invitation_id")})
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
