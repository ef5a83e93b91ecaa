package org.goldenthread.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Anyone may call this handler without signing in, for the reason given: respondents answering
 * through their personal link, someone using a one-time account link, the sign-in page itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Public {

    /** Why no sign-in is needed, for the reader and for the generated access table. */
    String value();
}
