package org.goldenthread.platform;

/** A headline figure on an ICS's overview page, linking to where it comes from. */
public record DashboardCard(int order, String title, String value, String description, String href) {}
