package org.goldenthread.people;

import java.nio.charset.StandardCharsets;
import org.goldenthread.support.ApiClient;

/**
 * A small ICS register for tests: two places, two neighbourhoods and a file whose figures are
 * easy to work out by hand. Dates are relative to today so the file never goes stale.
 */
public final class RegisterFixture {

    public static final String HEADER = String.join(",", RegisterFile.COLUMNS);

    private RegisterFixture() {}

    /** Adds the places and neighbourhoods the small register refers to. */
    public static void addGeography(ApiClient api, String token, String ods) {
        expect(api.post(
                "/api/v1/ics/" + ods + "/places",
                token,
                ApiClient.json("name", "Northfield", "local_authority", "Northfield Council", "population", 300000)));
        expect(api.post(
                "/api/v1/ics/" + ods + "/places",
                token,
                ApiClient.json("name", "Southvale", "local_authority", "Southvale Council", "population", 250000)));
        expect(api.post(
                "/api/v1/ics/" + ods + "/neighbourhoods",
                token,
                ApiClient.json("name", "Northfield Central PCN", "place", "Northfield")));
        expect(api.post(
                "/api/v1/ics/" + ods + "/neighbourhoods",
                token,
                ApiClient.json("name", "Southvale East PCN", "place", "Southvale")));
    }

    /** Adds the geography and imports the small register into an ICS, as most tests' starting point. */
    public static void loadSmallRegister(ApiClient api, String token, String ods) {
        addGeography(api, token, ods);
        ApiClient.Response imported = api.post(
                "/api/v1/ics/" + ods + "/register/import",
                token,
                "text/csv",
                smallRegister().getBytes(StandardCharsets.UTF_8));
        if (imported.status() != 200) {
            throw new AssertionError("Could not load the small register: " + imported.body());
        }
    }

    private static void expect(ApiClient.Response r) {
        if (r.status() != 201) {
            throw new AssertionError("Could not set up the fixture: " + r.body());
        }
    }

    /**
     * The small register. With today as T, current appointments:
     * system board: P1 gp (senior) chair 4h/used 4, P2 nurse_adult (mid) 3h/used 1, P3 manager lay member;
     * council (reports to board): P1 gp again, P4 pharmacist (early) 2h/used 2, seat "EbE" vacant;
     * place board Northfield (reports to board): P1 gp third seat, P5 social_worker_adults (senior), seat "AHP lead" vacant;
     * neighbourhood team Northfield Central (reports to place board): P6 gp (early) 2h/used 0.5;
     * neighbourhood team Southvale East (no reports_to): P7 physiotherapist (mid);
     * P2's earlier appointment to the place board ended a year ago; P8 has no appointment.
     */
    public static String smallRegister() {
        java.time.LocalDate t = java.time.LocalDate.now();
        String started = t.minusYears(1).toString();
        String ended = t.minusYears(1).minusDays(1).toString();
        String longAgo = t.minusYears(3).toString();
        return HEADER + "\n"
                + "P1,Asha,Reed,asha.reed@example.nhs.uk,gp,1234567,Brook Surgery,A81001,general_practice,senior,system,,,ICS Board,board,decides,,Chair,chair,true,"
                + started + ",,election,4,4\n"
                + "P2,Ben,Cole,,nurse_adult,12A3456B,North Hospital,,acute,mid,system,,,ICS Board,board,decides,,Chief Nurse,professional_lead,false,"
                + started + ",,nomination,3,1\n"
                + "P3,Cara,Dunn,,manager,,ICB,,icb,senior,system,,,ICS Board,board,decides,,Lay member,lay_member,true,"
                + started + ",,open_recruitment,,\n"
                + "P1,Asha,Reed,asha.reed@example.nhs.uk,gp,1234567,Brook Surgery,A81001,general_practice,senior,system,,,Professional Council,professional_council,advises,ICS Board,Chair,chair,true,"
                + started + ",,election,2,1\n"
                + "P4,Dev,Eze,,pharmacist,2345678,Eze Pharmacy,,community_pharmacy,early,system,,,Professional Council,professional_council,advises,ICS Board,Pharmacy lead,professional_lead,false,"
                + started + ",,open_recruitment,2,2\n"
                + ",,,,,,,,,,system,,,Professional Council,professional_council,advises,ICS Board,EbE,expert_by_experience,true,,,,,\n"
                + "P1,Asha,Reed,asha.reed@example.nhs.uk,gp,1234567,Brook Surgery,A81001,general_practice,senior,place,Northfield,,Northfield Place Board,board,decides,ICS Board,GP lead,clinical_lead,false,"
                + started + ",,ex_officio,1,1\n"
                + "P5,Eve,Ford,,social_worker_adults,SW12345,Northfield Council,,adult_social_care,senior,place,Northfield,,Northfield Place Board,board,decides,ICS Board,Social care lead,professional_lead,false,"
                + started + ",,nomination,2,2\n"
                + ",,,,,,,,,,place,Northfield,,Northfield Place Board,board,decides,ICS Board,AHP lead,professional_lead,false,,,,,\n"
                + "P2,Ben,Cole,,nurse_adult,12A3456B,North Hospital,,acute,mid,place,Northfield,,Northfield Place Board,board,decides,ICS Board,Nurse lead,professional_lead,false,"
                + longAgo + "," + ended + ",nomination,2,2\n"
                + "P6,Fay,Gale,,gp,3456789,Brook Surgery,,general_practice,early,neighbourhood,Northfield,Northfield Central PCN,Northfield Central Team,working_group,recommends,Northfield Place Board,Clinical director,clinical_lead,false,"
                + started + ",,nomination,2,0.5\n"
                + "P7,Gus,Hale,,physiotherapist,PH12345,South Hospital,,acute,mid,neighbourhood,Southvale,Southvale East PCN,Southvale East Team,working_group,recommends,,Clinical director,clinical_lead,false,"
                + started + ",,nomination,,\n"
                + "P8,Hana,Iles,,occupational_therapist,OT12345,South Hospital,,acute,early,,,,,,,,,,,,,,,\n";
    }
}
