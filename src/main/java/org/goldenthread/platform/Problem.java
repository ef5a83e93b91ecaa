package org.goldenthread.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a caller's input: which field, why, and for files which row (1-based,
 * counting the header as row 1), so people can find and fix it.
 */
public record Problem(
        // as in an API problem document's errors, a problem of no particular row has no row at all
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer row,
        @Nullable String field,
        String reason) {

    public static Problem of(@Nullable String field, String reason) {
        return new Problem(null, field, reason);
    }

    public static Problem at(int row, @Nullable String field, String reason) {
        return new Problem(row, field, reason);
    }

    public String describe() {
        return (row == null ? "" : "Row " + row + ", ") + (field == null ? "" : field + ": ") + reason;
    }
}
