/** Collecting survey responses: invitations and their mailings, respondents' links, drafts and resume codes, the respondent's pages. Internal to engagement. */
@NullMarked
package org.goldenthread.engagement.collecting;

import org.jspecify.annotations.NullMarked;
