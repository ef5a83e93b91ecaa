/** The PostgreSQL server (embedded or external), migrations, and the connection pool that sets the ICS on each connection for row-level security. Internal to platform. */
@NullMarked
package org.goldenthread.platform.database;

import org.jspecify.annotations.NullMarked;
