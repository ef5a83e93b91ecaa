package org.goldenthread.platform;

/**
 * Published, with the demo ICS in scope, when a demo ICS has just been created; each module
 * fills in its own part of the fictional system.
 */
public record DemoIcsCreated(Tenant tenant) {
}
