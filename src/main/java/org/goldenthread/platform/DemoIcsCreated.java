package org.goldenthread.platform;

import java.util.List;

/**
 * Published, with the demo ICS in scope, when a demo ICS has just been created; each module
 * fills in its own part of the fictional system. {@code people} are fictional accounts in the
 * demo ICS, none of which can sign in: the first is its ICS administrator, the rest are members,
 * for modules whose data records who did something (such as who rated what).
 */
public record DemoIcsCreated(Tenant tenant, List<Caller> people) {}
