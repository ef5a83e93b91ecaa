package org.goldenthread.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * A register whose turnover, open recruitment and succession are easy to work out by hand. With
 * today as T and the 12 months from T−1 year to T:
 *
 * <pre>
 * System Board (system):   P1 Chair from T−3y to T+60 (election)
 *                          P2 Member A from T−3y to T−100          leaves
 *                          P3 Member B from T−3y to T−50           leaves
 *                          P4 Member C from T−3y to T−20           leaves
 *                          P5 Member D from T−200 (open recruitment)
 *                          P6 Member E from T−3y to T−30, then Member A from T−29 (open recruitment): moves, stays
 *                          P7 Member B from T−49 (open recruitment)
 * Northfield Board (place, Northfield):
 *                          P8 GP lead from T−3y to T−10            leaves
 *                          P9 Nurse lead from T−3y to T+100 (nomination)
 *                          P10 AHP lead from T−60 (open recruitment)
 * Southvale Board (place, Southvale): Lead, never held
 * </pre>
 *
 * System: headcount 5 a year ago (P1, P2, P3, P4, P6) and 4 today (P1, P5, P6, P7); 3 leavers;
 * turnover 3 ÷ 4.5. Place: 2 and 2, 1 leaver. All levels: 7 and 6, 4 leavers; 4 ÷ 6.5. Open
 * recruitment at system level in the 12 months: 3 of 3; at place level 1 of 1.
 */
public final class SuccessionFixture {

    private SuccessionFixture() {}

    public static String register(LocalDate t) {
        StringBuilder csv = new StringBuilder(RegisterFixture.HEADER).append('\n');
        String system = ",system,,,System Board,board,decides,,";
        String north = ",place,Northfield,,Northfield Board,board,decides,System Board,";
        String south = ",place,Southvale,,Southvale Board,board,decides,System Board,";
        row(csv, "P1,Pat,One", system + "Chair,chair,true", t.minusYears(3), t.plusDays(60), "election");
        row(csv, "P2,Pam,Two", system + "Member A,member,true", t.minusYears(3), t.minusDays(100), "nomination");
        row(csv, "P3,Pia,Three", system + "Member B,member,true", t.minusYears(3), t.minusDays(50), "nomination");
        row(csv, "P4,Per,Four", system + "Member C,member,true", t.minusYears(3), t.minusDays(20), "nomination");
        row(csv, "P5,Pip,Five", system + "Member D,member,true", t.minusDays(200), null, "open_recruitment");
        row(csv, "P6,Poe,Six", system + "Member E,member,true", t.minusYears(3), t.minusDays(30), "nomination");
        row(csv, "P6,Poe,Six", system + "Member A,member,true", t.minusDays(29), null, "open_recruitment");
        row(csv, "P7,Pru,Seven", system + "Member B,member,true", t.minusDays(49), null, "open_recruitment");
        row(csv, "P8,Peg,Eight", north + "GP lead,clinical_lead,true", t.minusYears(3), t.minusDays(10), "nomination");
        row(
                csv,
                "P9,Pax,Nine",
                north + "Nurse lead,professional_lead,true",
                t.minusYears(3),
                t.plusDays(100),
                "nomination");
        row(csv, "P10,Pol,Ten", north + "AHP lead,professional_lead,true", t.minusDays(60), null, "open_recruitment");
        csv.append(",,,,,,,,,").append(south).append("Lead,member,true,,,,,\n");
        return csv.toString();
    }

    private static void row(
            StringBuilder csv, String person, String seat, LocalDate start, LocalDate end, String route) {
        csv.append(person)
                .append(",,manager,,,,,senior")
                .append(seat)
                .append(',')
                .append(start)
                .append(',')
                .append(end == null ? "" : end.toString())
                .append(',')
                .append(route)
                .append(",,\n");
    }

    /**
     * A register of only leavers: for each place named, as many people as its count, each holding a
     * seat of their own on the place's board from T−3y to T−10.
     */
    public static String leavers(LocalDate t, java.util.Map<String, Integer> byPlace) {
        StringBuilder csv = new StringBuilder(RegisterFixture.HEADER).append('\n');
        byPlace.forEach((place, count) -> {
            for (int i = 1; i <= count; i++) {
                String ref = place.substring(0, 1) + i;
                row(
                        csv,
                        ref + ",Lee," + place + i,
                        ",place," + place + ",," + place + " Board,board,decides,,Seat " + i + ",member,true",
                        t.minusYears(3),
                        t.minusDays(10),
                        "nomination");
            }
        });
        return csv.toString();
    }

    public static void load(ApiClient api, String token, String ods) {
        RegisterFixture.addGeography(api, token, ods);
        ApiClient.Response r = api.post(
                "/api/v1/ics/" + ods + "/register/import",
                token,
                "text/csv",
                register(LocalDate.now()).getBytes(StandardCharsets.UTF_8));
        if (r.status() != 200) {
            throw new AssertionError("Could not import the register: " + r.body());
        }
    }

    /** The id of a seat, by its forum and title. */
    public static long seat(ApiClient api, String token, String ods, String forum, String title) {
        for (JsonNode s : api.get("/api/v1/ics/" + ods + "/seats", token).json()) {
            if (s.get("forum").asString().equals(forum)
                    && s.get("title").asString().equals(title)) {
                return s.get("id").asLong();
            }
        }
        throw new AssertionError("No seat " + title + " on " + forum);
    }

    /** The id of a person, by their reference. */
    public static long person(ApiClient api, String token, String ods, String ref) {
        for (JsonNode p : api.get("/api/v1/ics/" + ods + "/people", token).json()) {
            if (p.get("person_ref").asString().equals(ref)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError("No person " + ref);
    }

    /** The id of a person's appointment to a seat, by reference and seat title. */
    public static long appointment(ApiClient api, String token, String ods, String ref, String seat) {
        for (JsonNode a : api.get("/api/v1/ics/" + ods + "/appointments", token).json()) {
            if (a.get("person_ref").asString().equals(ref)
                    && a.get("seat").asString().equals(seat)) {
                return a.get("id").asLong();
            }
        }
        throw new AssertionError("No appointment of " + ref + " to " + seat);
    }
}
