package org.goldenthread.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock domain code reads "today" and "now" from, injected rather than called statically, so
 * a test can stand on any day. The machine's own zone, as before.
 */
@Configuration(proxyBeanMethods = false)
class Time {

    @Bean
    @SuppressWarnings("JavaTimeDefaultTimeZone") // the machine's zone is the one wanted
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
