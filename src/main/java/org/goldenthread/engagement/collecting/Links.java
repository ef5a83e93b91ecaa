package org.goldenthread.engagement.collecting;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.platform.LinkSecret;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Scope.Entered;
import org.goldenthread.platform.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A survey's open links and its invitees' personal links. Only their digests are stored: a link
 * is issued fresh for each email, download or administrator who asks, and every one issued before
 * keeps working, so nobody's kept email goes dead. Finding the survey behind a link works from any
 * ICS: nothing is in scope when a respondent arrives, so the database answers through functions that
 * return only the ICS and survey for a digest.
 */
@Component
class Links {

    private final JdbcClient jdbc;
    private final TenantDirectory tenants;
    private final ObjectMapper json;

    Links(JdbcClient jdbc, TenantDirectory tenants, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.json = json;
    }

    /** The survey whose open link carries this token. */
    Optional<Link> openLink(String token) {
        return find("select ics_id, survey_id from gt_survey_by_link(:hash)", token);
    }

    /** The survey an invitation with this token belongs to. */
    Optional<Link> invitation(String token) {
        return find("select ics_id, survey_id from gt_survey_by_invitation(:hash)", token);
    }

    /** A new open link for a survey of the ICS in scope. */
    String issueOpenLink(long surveyId) {
        LinkSecret secret = LinkSecret.fresh();
        jdbc.sql("insert into survey_open_link (survey_id, link_hash) values (:survey, :hash)")
                .param("survey", surveyId)
                .param("hash", secret.hash())
                .update();
        return secret.token();
    }

    /** New personal links for invitations of the ICS in scope: the token for each invitation id. */
    Map<Long, String> issuePersonal(List<Long> invitationIds) {
        Map<Long, String> tokens = new LinkedHashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>(invitationIds.size());
        for (long id : invitationIds) {
            LinkSecret secret = LinkSecret.fresh();
            tokens.put(id, secret.token());
            rows.add(Map.of("id", id, "hash", HexFormat.of().formatHex(secret.hash())));
        }
        if (!rows.isEmpty()) {
            jdbc.sql("""
                            insert into survey_invitation_link (invitation_id, token_hash)
                            select r.id, decode(r.hash, 'hex')
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(id bigint, hash text)""").param("rows", json.writeValueAsString(rows)).update();
        }
        return tokens;
    }

    private Optional<Link> find(String sql, String token) {
        if (!LinkSecret.looksLike(token)) {
            return Optional.empty();
        }
        // No ICS and no user: the lookup must not depend on whatever scope the thread carries.
        try (Entered ignored = new Scope(null, null, false).enter()) {
            return jdbc.sql(sql)
                    .param("hash", LinkSecret.digest(token))
                    .query((rs, n) -> new long[] {rs.getLong("ics_id"), rs.getLong("survey_id")})
                    .optional()
                    .flatMap(found -> tenants.tenantOf(found[0]).map(t -> new Link(Scope.system(t), found[1])));
        }
    }
}
