package org.goldenthread.platform.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What to look for in the audit log; blank parts match everything. */
public record AuditFilter(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String entity,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable Integer page) {

    static final int PAGE_SIZE = 50;
    /** Five million events back is plenty, and keeps the row offset far from overflowing. */
    static final int LAST_PAGE = 100_000;

    int pageNumber() {
        return page == null || page < 1 ? 1 : page;
    }
}
