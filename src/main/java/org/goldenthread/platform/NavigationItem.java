package org.goldenthread.platform;

/** One entry in the header navigation. */
public record NavigationItem(int order, String label, String href) {}
