package org.goldenthread.engagement.collecting;

import org.goldenthread.platform.Scope;

/**
 * Where a respondent's token leads: a survey, and the scope to work in while they answer it. The
 * respondent is not signed in, so the scope is system work for the survey's ICS.
 */
record Link(Scope scope, long surveyId) {}
