package org.goldenthread.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.goldenthread.support.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * An ICS with the small register (two places; Northfield Place Board's "AHP lead" seat and the
 * Professional Council's "EbE" seat vacant) and helpers to open rounds and import applications.
 */
public final class RecruitmentFixture {

    public static final String HEADER =
            "applicant_ref,person_ref,given_name,family_name,email,profession,career_stage,stage,ethnic_group,sex,disability";

    private RecruitmentFixture() {}

    /** Opens the Northfield Place Board's "AHP lead" seat to physiotherapists and occupational therapists. */
    public static void nameAhpProfessions(ApiClient api, String token, String ods) {
        long seat = seatId(api, token, ods, "Northfield Place Board", "AHP lead");
        ApiClient.Response r = api.patch(
                "/api/v1/ics/" + ods + "/seats/" + seat,
                token,
                ApiClient.json("open_to_professions", List.of("physiotherapist", "occupational_therapist")));
        if (r.status() != 200) {
            throw new AssertionError("Could not name the seat's professions: " + r.body());
        }
    }

    public static long seatId(ApiClient api, String token, String ods, String forum, String title) {
        for (JsonNode s : api.get("/api/v1/ics/" + ods + "/seats", token).json()) {
            if (s.get("forum").asString().equals(forum)
                    && s.get("title").asString().equals(title)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("No seat " + title + " on " + forum);
    }

    /** Opens a round and gives its id. */
    public static long openRound(ApiClient api, String token, String ods, String forum, String seat) {
        ApiClient.Response r = api.post(
                "/api/v1/ics/" + ods + "/recruitment/rounds",
                token,
                ApiClient.json("forum", forum, "seat", seat, "opens_on", "2026-11-01", "closes_on", "2026-12-15"));
        if (r.status() != 201) {
            throw new AssertionError("Could not open a round: " + r.body());
        }
        return r.json().get("id").asLong();
    }

    public static ApiClient.Response importApplications(
            ApiClient api, String token, String ods, long round, String csv) {
        return api.post(
                "/api/v1/ics/" + ods + "/recruitment/rounds/" + round + "/applications/import",
                token,
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Three applicants: a physiotherapist shortlisted, a GP (not open to the seat), an OT who withdrew. */
    public static String threeApplicants() {
        return HEADER + "\n"
                + "A-001,,Priya,Shah,priya.shah@example.nhs.uk,physiotherapist,mid,shortlisted,asian,female,no\n"
                + "A-002,,Tom,Ward,,gp,senior,applied,white,male,\n"
                + "A-003,,Ola,Bello,ola@example.nhs.uk,occupational_therapist,early,withdrawn,,,yes\n";
    }
}
