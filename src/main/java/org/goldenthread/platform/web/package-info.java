/** The web layer's own machinery: access rules before handlers, admission and size limits on the API, error pages and problem details. Internal to platform. */
@NullMarked
package org.goldenthread.platform.web;

import org.jspecify.annotations.NullMarked;
