/**
 * People's data rights: a subject access export of everything every module holds about a person in
 * the register (JSON and PDF), their erasure everywhere, and each ICS's retention period, applied by
 * a daily job. Internal to platform; modules take part by implementing {@link
 * org.goldenthread.platform.PersonalData}.
 */
@NullMarked
package org.goldenthread.platform.rights;

import org.jspecify.annotations.NullMarked;
