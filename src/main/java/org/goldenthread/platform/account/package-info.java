/** Accounts, sign-in (password, single sign-on, API tokens), roles granted and the pages and API that manage them. Internal to platform. */
@NullMarked
package org.goldenthread.platform.account;

import org.jspecify.annotations.NullMarked;
