package org.goldenthread.platform.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A request to give someone a role, creating their account when it does not exist yet. */
public record NewUser(
        String email,
        @JsonProperty("display_name") String displayName,
        String password,
        String role,
        String ics,
        List<String> places) {

    public NewUser {
        places = places == null ? List.of() : places;
    }
}
