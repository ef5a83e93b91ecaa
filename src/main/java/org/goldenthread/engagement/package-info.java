/**
 * Engagement: surveys of the workforce, the audiences they and events reach, events themselves, and
 * the engagement plan with what was done about what was heard ("you said, we did"). Survey definitions and their questions, collecting responses
 * (open links, email invitations and reminders, drafts saved as respondents go), coding free-text
 * answers into themes, and results with small numbers suppressed. Anonymity is kept in the data: an
 * invitation never records which response is its person's.
 *
 * <p>Owns the tables {@code survey}, {@code survey_response}, {@code survey_theme}, {@code
 * survey_coding}, {@code survey_invitation}, {@code survey_invitation_unanswered}, {@code
 * survey_invitation_link}, {@code survey_open_link}, {@code survey_draft}, {@code survey_mailing}, {@code survey_answer_block}, {@code engagement_segment}, {@code engagement_contact},
 * {@code engagement_event}, {@code engagement_registration}, {@code engagement_registration_link},
 * {@code engagement_event_note}, {@code engagement_event_note_theme}, {@code engagement_stakeholder_group},
 * {@code engagement_activity}, {@code engagement_action}, {@code engagement_feedback_page} and {@code
 * engagement_baseline}, and the functions that find the survey or event a respondent's or registrant's
 * token (or a public "you said, we did" link) belongs to before any ICS is in scope. Reads the register
 * through people's
 * and structure's Java API. Offers no SQL to other modules: they read surveys and
 * their results through {@link org.goldenthread.engagement.Surveys} and {@link
 * org.goldenthread.engagement.SurveyResults}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "people", "structure"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.engagement;
