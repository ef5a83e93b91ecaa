package org.goldenthread.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** Development programmes set up through an ICS's API, as an administrator would set them up. */
public final class Programmes {

    private Programmes() {}

    /** Creates a programme of one kind; returns its id. */
    public static long create(
            ApiClient api, String token, String ods, String name, String kind, boolean crossOrganisation) {
        ApiClient.Response created = api.post(
                "/api/v1/ics/" + ods + "/programmes",
                token,
                ApiClient.json("name", name, "kind", kind, "cross_organisation", crossOrganisation));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Adds participants from a participants file ({@code person_ref,role,capacity,preferences}), all of them. */
    public static void addParticipants(ApiClient api, String token, String ods, long programme, String csv) {
        ApiClient.Response imported = api.post(
                "/api/v1/ics/" + ods + "/programmes/" + programme + "/participants/import",
                token,
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }
}
