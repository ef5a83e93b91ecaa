package org.goldenthread.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person in the register whose data is exported or erased: who they are, the accounts that carry
 * their email (how ratings and other work done signed in are tied to them), and the seats they
 * have been appointed to.
 */
public record DataSubject(
        long personId,
        String personRef,
        String givenName,
        String familyName,
        @Nullable String email,
        List<Long> accountIds,
        List<Long> seatIds) {

    public DataSubject {
        accountIds = List.copyOf(accountIds);
        seatIds = List.copyOf(seatIds);
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    public DataSubject withAccounts(List<Long> accounts) {
        return new DataSubject(personId, personRef, givenName, familyName, email, accounts, seatIds);
    }
}
