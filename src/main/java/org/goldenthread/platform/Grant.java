package org.goldenthread.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One role held by a user: platform-wide, or in one ICS (a place lead also names places). */
public record Grant(
        Role role,
        @Nullable Long icsId,
        @Nullable String icsOdsCode,
        @Nullable String icsName,
        List<String> places) {

    public Grant {
        places = places == null ? List.of() : List.copyOf(places);
    }
}
