package org.goldenthread.engagement.collecting;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.goldenthread.engagement.Responses;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Saving respondents' answers as they go, and turning a finished draft into a response. */
@Service
class Drafts {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No I, O, 0 or 1, which people misread; 12 of these 32 letters carry 60 random bits. */
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final int CODE_LENGTH = 12;
    private static final TypeReference<Map<String, String>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Responses responses;
    private final Invitations invitations;

    Drafts(JdbcClient jdbc, ObjectMapper json, Responses responses, Invitations invitations) {
        this.jdbc = jdbc;
        this.json = json;
        this.responses = responses;
        this.invitations = invitations;
    }

    private static final String SELECT = """
            select id, survey_id, resume_code, invitation_id, answers, resume_page, idempotency_key
              from survey_draft""";

    private Draft draft(ResultSet rs, int n) throws SQLException {
        return new Draft(
                rs.getLong("id"),
                rs.getLong("survey_id"),
                rs.getString("resume_code"),
                rs.getObject("invitation_id", Long.class),
                json.readValue(rs.getString("answers"), ANSWERS),
                rs.getObject("resume_page", Integer.class),
                rs.getString("idempotency_key"));
    }

    /** A new draft for someone who came by the open link, with a fresh resume code. */
    @Transactional
    public Draft startByLink(long surveyId) {
        long id = jdbc.sql("""
                        insert into survey_draft (ics_id, survey_id, resume_code, idempotency_key)
                        select ics_id, id, :code, :key from survey where id = :survey
                        returning id""")
                .param("survey", surveyId)
                .param("code", newResumeCode())
                .param("key", newIdempotencyKey())
                .query(Long.class)
                .single();
        return byId(id).orElseThrow();
    }

    /** The invitation's draft, started now if it has none; starting twice at once makes one. */
    @Transactional
    public Draft startByInvitation(Invitation invitation) {
        jdbc.sql("""
                        insert into survey_draft (ics_id, survey_id, invitation_id, idempotency_key)
                        select ics_id, survey_id, id, :key from survey_invitation where id = :invitation
                        on conflict (ics_id, invitation_id) do nothing""")
                .param("invitation", invitation.id())
                .param("key", newIdempotencyKey())
                .update();
        return byInvitation(invitation.id()).orElseThrow();
    }

    Optional<Draft> byId(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::draft)
                .optional();
    }

    /** The draft with this code, typed in any case, with or without spaces and hyphens. */
    Optional<Draft> byResumeCode(long surveyId, String typed) {
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != CODE_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where survey_id = :survey and resume_code = :code")
                .param("survey", surveyId)
                .param("code", code)
                .query(this::draft)
                .optional();
    }

    Optional<Draft> byInvitation(long invitationId) {
        return jdbc.sql(SELECT + " where invitation_id = :invitation")
                .param("invitation", invitationId)
                .query(this::draft)
                .optional();
    }

    @Transactional
    public void save(long draftId, Map<String, String> answers, @Nullable Integer resumePage) {
        jdbc.sql("""
                        update survey_draft set answers = cast(:answers as jsonb), resume_page = :page,
                               saved_on = current_date
                         where id = :id""")
                .param("answers", json.writeValueAsString(answers))
                .param("page", resumePage)
                .param("id", draftId)
                .update();
    }

    /**
     * Stores the draft's answers as a response, deletes the draft and, for an invitation, notes that
     * its person has responded: all in one transaction, so either everything happens or nothing does.
     * For an invitation that note is a deletion (see {@link Invitations#markAnswered}), so this
     * transaction leaves its id on the response and on nothing that names an invitation.
     * The draft row is locked first, so the same form sent twice at once stores one response; the
     * draft's idempotency key makes sure of it.
     *
     * @return false when the draft had already been submitted
     */
    @Transactional
    public boolean submit(long draftId, Questionnaire questionnaire) {
        Optional<Draft> locked = jdbc.sql(SELECT + " where id = :id for update")
                .param("id", draftId)
                .query(this::draft)
                .optional();
        if (locked.isEmpty()) {
            return false;
        }
        Draft draft = locked.get();
        responses.submit(draft.surveyId(), questionnaire.kept(draft.answers()), draft.idempotencyKey());
        jdbc.sql("delete from survey_draft where id = :id").param("id", draftId).update();
        if (draft.invitationId() != null) {
            invitations.markAnswered(draft.invitationId());
        }
        return true;
    }

    private static String newResumeCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }

    private static String newIdempotencyKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "draft-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
