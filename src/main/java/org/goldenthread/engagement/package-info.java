/**
 * Engagement: surveys of the workforce. Survey definitions and their questions, collecting responses
 * (open links, email invitations and reminders, drafts saved as respondents go), coding free-text
 * answers into themes, and results with small numbers suppressed. Anonymity is kept in the data: an
 * invitation never records which response is its person's.
 *
 * <p>Owns the tables {@code survey}, {@code survey_response}, {@code survey_theme}, {@code
 * survey_coding}, {@code survey_invitation}, {@code survey_invitation_unanswered}, {@code
 * survey_draft}, {@code survey_mailing} and {@code survey_answer_block}, and the functions that find the survey a respondent's
 * token belongs to before any ICS is in scope. Offers no SQL to other modules: they read surveys and
 * their results through {@link org.goldenthread.engagement.Surveys} and {@link
 * org.goldenthread.engagement.SurveyResults}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "people"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.engagement;
