package org.goldenthread.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a page or API handler: a caller holding any one of these roles. ICS roles are
 * those held in the ICS the path names; {@link Role#PLATFORM_ADMIN} is held platform-wide. Checked
 * before the handler runs, so a handler never starts work its caller may not do.
 *
 * <p>Every handler declares its access with this, {@link SignedIn} or {@link Public}; a handler
 * without a declaration is refused to everyone. A place lead allowed here still sees only their
 * places: handlers narrow what they show with {@link Scope#reach(Role...)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Allowed {

    Role[] value();
}
