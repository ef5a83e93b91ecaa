package org.goldenthread.engagement.collecting;

/**
 * One person asked to answer a survey. It records whether they have responded and nothing about
 * which response is theirs, or when.
 */
record Invitation(long id, long surveyId, String email, boolean responded) {
}
