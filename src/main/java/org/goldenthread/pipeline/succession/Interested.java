package org.goldenthread.pipeline.succession;

import org.goldenthread.people.PersonDetails;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;

/**
 * Someone joining the talent pool of their own accord who is not in the register yet: they go in
 * with their account's email and a reference made from their account, so that the register finds
 * them again by email.
 */
final class Interested {

    private Interested() {}

    static PersonDetails self(
            @Nullable String givenName,
            @Nullable String familyName,
            @Nullable String profession,
            @Nullable String careerStage) {
        Caller caller = Scope.currentCaller();
        return new PersonDetails(
                "self-" + caller.userId(),
                givenName,
                familyName,
                caller.email(),
                profession,
                null,
                null,
                null,
                null,
                careerStage == null || careerStage.isBlank() ? null : careerStage,
                null);
    }
}
