/** ICSs and their places: the tenant directory, the ICS a request works in, the demo ICS. Internal to platform. */
@NullMarked
package org.goldenthread.platform.tenancy;

import org.jspecify.annotations.NullMarked;
