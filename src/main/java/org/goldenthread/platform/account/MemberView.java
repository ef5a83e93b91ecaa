package org.goldenthread.platform.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.goldenthread.platform.Grant;
import org.jspecify.annotations.Nullable;

/** A user and their roles as the API shows them. */
record MemberView(
        long id,
        String email,
        @JsonProperty("display_name") @Nullable String displayName,
        boolean locked,
        boolean disabled,
        List<RoleView> roles) {

    record RoleView(String role, @Nullable String ics, List<String> places) {}

    static MemberView of(Accounts.Member member) {
        return new MemberView(
                member.account().id(),
                member.account().email(),
                member.account().displayName(),
                member.account().locked(),
                member.account().disabled(),
                member.grants().stream().map(MemberView::role).toList());
    }

    private static RoleView role(Grant g) {
        return new RoleView(g.role().code(), g.icsOdsCode(), g.places());
    }
}
