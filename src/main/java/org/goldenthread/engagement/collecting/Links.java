package org.goldenthread.engagement.collecting;

import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Scope.Entered;
import org.goldenthread.platform.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the survey behind a token from any ICS. Nothing is in scope when a respondent arrives, so
 * the database answers through functions that return only the ICS and survey for a token.
 */
@Component
class Links {

    /** Tokens are URL-safe base64; anything else is not looked up at all. */
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{16,64}$");

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;

    Links(JdbcClient jdbc, TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /** The survey whose open link carries this token. */
    Optional<Link> openLink(String token) {
        return find("select ics_id, survey_id from gt_survey_by_link(:token)", token);
    }

    /** The survey an invitation with this token belongs to. */
    Optional<Link> invitation(String token) {
        return find("select ics_id, survey_id from gt_survey_by_invitation(:token)", token);
    }

    private Optional<Link> find(String sql, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        // No ICS and no user: the lookup must not depend on whatever scope the thread carries.
        try (Entered ignored = new Scope(null, null, false).enter()) {
            return jdbc.sql(sql)
                    .param("token", token)
                    .query((rs, n) -> new long[] {rs.getLong("ics_id"), rs.getLong("survey_id")})
                    .optional()
                    .flatMap(found -> tenants.tenantOf(found[0]).map(t -> new Link(Scope.system(t), found[1])));
        }
    }
}
