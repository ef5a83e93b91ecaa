package org.goldenthread.engagement.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Scope.Entered;
import org.goldenthread.platform.TenantDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unguessable links of public "you said, we did" pages. The secret is random and only its
 * SHA-256 digest is kept, so the link is shown once, when published; publishing again gives a new
 * link and the old one stops working, and withdrawing stops every link. A link arrives before any
 * ICS is in scope, so it is looked up through a function that answers only the ICS and the page.
 */
@Component
class PublicLinks {

    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{32}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a link leads: the ICS's scope to read in, and the page. */
    record Found(Scope scope, long pageId) {}

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final Audit audit;

    PublicLinks(JdbcClient jdbc, TenantDirectory tenants, Audit audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** When the subject's page was published, or null while it is not. */
    @Nullable
    Instant publishedAt(Subject s) {
        return jdbc.sql("select published_at from engagement_feedback_page where " + column(s) + " = :id")
                .param("id", s.id())
                .query((rs, n) -> rs.getTimestamp("published_at"))
                .optional()
                .map(t -> t == null ? null : t.toInstant())
                .orElse(null);
    }

    /** Publishes the page with a new link, which replaces any earlier one; returns its secret. */
    @Transactional
    String publish(Subject s) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        int updated = jdbc.sql("update engagement_feedback_page set token_hash = :hash, published_at = now() where "
                        + column(s) + " = :id")
                .param("hash", digest(token))
                .param("id", s.id())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into engagement_feedback_page (survey_id, event_id, token_hash, published_at)
                            values (:survey, :event, :hash, now())""")
                    .param("survey", s.surveyId())
                    .param("event", s.eventId())
                    .param("hash", digest(token))
                    .update();
        }
        audit.record("publish", "engagement_feedback_page", s.kind() + "/" + s.id(), null, Map.of("title", s.title()));
        return token;
    }

    /** Takes the page down: no link to it works any more. */
    @Transactional
    void withdraw(Subject s) {
        int updated = jdbc.sql("update engagement_feedback_page set token_hash = null, published_at = null where "
                        + column(s) + " = :id and token_hash is not null")
                .param("id", s.id())
                .update();
        if (updated > 0) {
            audit.record("withdraw", "engagement_feedback_page", s.kind() + "/" + s.id(), null, null);
        }
    }

    /** The ICS and page a link leads to, from any ICS; empty for anything that is not a current link. */
    Optional<Found> find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        try (Entered ignored = new Scope(null, null, false).enter()) {
            return jdbc.sql("select ics_id, page_id from gt_feedback_page_by_link(:hash)")
                    .param("hash", digest(token))
                    .query((rs, n) -> new long[] {rs.getLong("ics_id"), rs.getLong("page_id")})
                    .optional()
                    .flatMap(found -> tenants.tenantOf(found[0]).map(t -> new Found(Scope.system(t), found[1])));
        }
    }

    /** The survey or event of a published page, in the scope of its ICS. */
    Subject subjectOf(long pageId, YouSaidWeDid yswd) {
        Long[] ids = jdbc.sql("""
                        select survey_id, event_id from engagement_feedback_page
                         where id = :id and token_hash is not null""")
                .param("id", pageId)
                .query((rs, n) ->
                        new Long[] {rs.getObject("survey_id", Long.class), rs.getObject("event_id", Long.class)})
                .optional()
                .orElseThrow(() -> new NotFound("This page has been taken down"));
        return ids[0] != null ? yswd.subject(Subject.SURVEYS, ids[0]) : yswd.subject(Subject.EVENTS, ids[1]);
    }

    private static String column(Subject s) {
        return s.survey() ? "survey_id" : "event_id";
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
