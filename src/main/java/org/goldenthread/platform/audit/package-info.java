/** The append-only audit log and its pages. Internal to platform. */
@NullMarked
package org.goldenthread.platform.audit;

import org.jspecify.annotations.NullMarked;
