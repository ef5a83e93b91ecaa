package org.goldenthread.platform.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A request to give someone a role, creating their account when it does not exist yet. */
public record NewUser(
        String email,
        @JsonProperty("display_name") @Nullable String displayName,
        @Nullable String password,
        String role,
        String ics,
        List<String> places) {

    public NewUser {
        places = places == null ? List.of() : places;
    }
}
