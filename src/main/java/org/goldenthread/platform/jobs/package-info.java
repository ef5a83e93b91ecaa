/** Background jobs: recent imports, a job's progress card and its API. Internal to platform. */
@NullMarked
package org.goldenthread.platform.jobs;

import org.jspecify.annotations.NullMarked;
