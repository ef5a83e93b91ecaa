package org.goldenthread.engagement.collecting;

/**
 * One person asked to answer a survey. Whether they have responded is known (their invitation is no
 * longer among the unanswered), never which response is theirs, or when.
 */
record Invitation(long id, long surveyId, String email, boolean responded) {}
