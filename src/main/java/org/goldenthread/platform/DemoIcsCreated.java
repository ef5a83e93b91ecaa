package org.goldenthread.platform;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Published, with the demo ICS in scope, when a demo ICS has just been created; each module
 * fills in its own part of the fictional system and then says so ({@link #partLoaded()}), which
 * the demo's loading job shows. {@code people} are fictional accounts in the demo ICS, none of
 * which can sign in: the first is its ICS administrator, the rest are members, for modules whose
 * data records who did something (such as who rated what).
 */
public final class DemoIcsCreated {

    private final Tenant tenant;
    private final List<Caller> people;
    private final Progress progress;
    private final AtomicInteger loaded = new AtomicInteger();

    public DemoIcsCreated(Tenant tenant, List<Caller> people, Progress progress) {
        this.tenant = tenant;
        this.people = List.copyOf(people);
        this.progress = progress;
    }

    public DemoIcsCreated(Tenant tenant, List<Caller> people) {
        this(tenant, people, Progress.NONE);
    }

    public Tenant tenant() {
        return tenant;
    }

    public List<Caller> people() {
        return people;
    }

    /** A module has loaded its part of the demo. */
    public void partLoaded() {
        progress.stored(loaded.incrementAndGet());
    }
}
