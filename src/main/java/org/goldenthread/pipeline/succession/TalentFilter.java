package org.goldenthread.pipeline.succession;

import java.time.LocalDate;
import java.util.List;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;

/** Which entries of the talent pool to show: one readiness, one level of interest, reviews due. */
record TalentFilter(@Nullable String readiness, @Nullable String level, boolean reviewDue) {

    TalentFilter {
        readiness = readiness == null || readiness.isBlank() ? null : readiness.trim();
        level = level == null || level.isBlank() ? null : level.trim();
        if (readiness != null && Coded.parse(Readiness.class, readiness).isEmpty()) {
            throw new InvalidInput(
                    "readiness", "'" + readiness + "' is not a readiness; use " + Coded.choices(Readiness.class));
        }
        if (level != null && Coded.parse(Level.class, level).isEmpty()) {
            throw new InvalidInput("level", "'" + level + "' is not a level; use " + Coded.choices(Level.class));
        }
    }

    List<TalentEntry> apply(List<TalentEntry> entries, LocalDate today) {
        return entries.stream()
                .filter(e -> readiness == null || e.readiness().equals(readiness))
                .filter(e -> level == null || e.levels().contains(level))
                .filter(e -> !reviewDue || e.reviewDueOn(today))
                .toList();
    }
}
