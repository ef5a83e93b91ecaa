package org.goldenthread.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** People added to an ICS's register through its API, as an administrator would add them. */
public final class RegisterEntries {

    private RegisterEntries() {}

    /** Adds a GP to the register; returns their id. A null email leaves them without one. */
    public static long gp(
            ApiClient api, String token, String ods, String ref, String given, String family, @Nullable String email) {
        return add(api, token, ods, ref, given, family, "gp", email);
    }

    /**
     * Two entries sharing one address: a GP (ZZ1, Zed Zulu) added first, then a midwife (AA1, Ada
     * Aardvark) who comes first by family name, for the rule that the entry added first stands for it.
     */
    public static void aGpThenAMidwifeSharing(ApiClient api, String token, String ods, String email) {
        add(api, token, ods, "ZZ1", "Zed", "Zulu", "gp", email);
        add(api, token, ods, "AA1", "Ada", "Aardvark", "midwife", email);
    }

    private static long add(
            ApiClient api,
            String token,
            String ods,
            String ref,
            String given,
            String family,
            String profession,
            @Nullable String email) {
        List<Object> fields = new ArrayList<>(
                List.of("person_ref", ref, "given_name", given, "family_name", family, "profession", profession));
        if (email != null) {
            fields.addAll(List.of("email", email));
        }
        ApiClient.Response r = api.post("/api/v1/ics/" + ods + "/people", token, ApiClient.json(fields.toArray()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
