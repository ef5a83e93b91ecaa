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

    /** Entries a call of the API answers with. */
    static final int PAGE_SIZE = 50;
    /** Entries a page shows: each is a dozen elements, and a page stays a few hundred on a phone. */
    static final int ENTRIES_PER_PAGE = 25;
    /** Five million events back is plenty, and keeps the row offset far from overflowing. */
    static final int LAST_PAGE = 100_000;

    int pageNumber() {
        return page == null || page < 1 ? 1 : page;
    }
}
