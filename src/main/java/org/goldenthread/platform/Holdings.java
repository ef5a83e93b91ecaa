package org.goldenthread.platform;

import java.util.List;

/**
 * What a module holds in an ICS, as a few counts a platform administrator reads before merging one
 * ICS into another ({@code GET /api/v1/admin/ics/{ods}/merge-into/{target}}). Each module that keeps
 * records of an ICS provides its own, without the platform knowing its tables; beans are read in
 * their {@link org.springframework.core.annotation.Order}.
 */
public interface Holdings {

    /** The counts in the ICS in scope: row-level security shows it (and any ICS merged into it) alone. */
    List<Holding> countInScope();

    /**
     * One count: {@code key} names it in the API (snake case, like {@code people}), {@code label} on
     * the page (like "People in the register").
     */
    record Holding(String key, String label, long count) {}
}
