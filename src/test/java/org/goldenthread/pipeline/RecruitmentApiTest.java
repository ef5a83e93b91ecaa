package org.goldenthread.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.pipeline.RecruitmentFixture.HEADER;
import static org.goldenthread.pipeline.RecruitmentFixture.importApplications;
import static org.goldenthread.pipeline.RecruitmentFixture.openRound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.RegisterFixture;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The recruitment contract: rounds by forum and seat, the applications file, stages and appointing. */
class RecruitmentApiTest extends IntegrationTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private TransactionTemplate transactions;

    private String ods;
    private String admin;

    @BeforeEach
    void anIcsWithTheSmallRegister() {
        ods = createIcs("Recruiting");
        admin = tokenFor(createUser("ics_admin", ods));
        RegisterFixture.loadSmallRegister(api, admin, ods);
        RecruitmentFixture.nameAhpProfessions(api, admin, ods);
    }

    private String path(String rest) {
        return "/api/v1/ics/" + ods + rest;
    }

    private JsonNode round(long id) {
        Response r = api.get(path("/recruitment/rounds/" + id), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private JsonNode applicant(long round, String ref) {
        for (JsonNode a : round(round).get("applications")) {
            if (a.get("applicant_ref").asString().equals(ref)) {
                return a;
            }
        }
        throw new AssertionError("No applicant " + ref);
    }

    @Test
    void aRoundIsOpenedByForumAndSeatAndAnsweredWithItsIdOnly() {
        Response r = api.post(
                path("/recruitment/rounds"),
                admin,
                ApiClient.json(
                        "forum", "Northfield Place Board",
                        "seat", "AHP lead",
                        "opens_on", "2026-11-01",
                        "closes_on", "2026-12-15"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().propertyNames()).containsExactly("id");
        long id = r.json().get("id").asLong();

        JsonNode round = round(id).get("round");
        assertThat(round.get("forum").asString()).isEqualTo("Northfield Place Board");
        assertThat(round.get("seat").asString()).isEqualTo("AHP lead");
        assertThat(round.get("place").asString()).isEqualTo("Northfield");
        assertThat(round.get("opens_on").asString()).isEqualTo("2026-11-01");
        assertThat(round.get("closes_on").asString()).isEqualTo("2026-12-15");
        assertThat(round.get("open_to_professions").toString()).contains("physiotherapist", "occupational_therapist");
        assertThat(api.get(path("/recruitment/rounds"), admin)
                        .json()
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(id);
    }

    @Test
    void aRoundThatCannotBeOpenedIsRefusedSayingWhy() {
        Map<String, String> cases = Map.of(
                ApiClient.json(
                        "forum", "Nowhere Board", "seat", "Chair", "opens_on", "2026-11-01", "closes_on", "2026-12-01"),
                "no forum called Nowhere Board",
                ApiClient.json(
                        "forum", "ICS Board", "seat", "Treasurer", "opens_on", "2026-11-01", "closes_on", "2026-12-01"),
                "ICS Board has no seat called Treasurer",
                ApiClient.json(
                        "forum", "ICS Board", "seat", "Chair", "opens_on", "2026-12-01", "closes_on", "2026-11-01"),
                "must close on or after the day it opens",
                ApiClient.json("forum", "ICS Board", "seat", "Chair"),
                "Enter the date the advert opens",
                ApiClient.json("forum", "ICS Board", "seat", "Chair", "opens_on", "1 Nov", "closes_on", "2026-12-01"),
                "opens_on");
        cases.forEach((body, expected) -> {
            Response r = api.post(path("/recruitment/rounds"), admin, body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains(expected);
        });
        assertThat(api.get(path("/recruitment/rounds"), admin).json()).isEmpty();
    }

    @Test
    void importingAddsApplicationsAndTheSameReferenceAgainUpdatesThem() {
        long id = openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
        Response first = importApplications(api, admin, ods, id, RecruitmentFixture.threeApplicants());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("added").asInt()).isEqualTo(3);

        JsonNode round = round(id);
        assertThat(round.get("round").get("applications").get("shortlisted").asInt())
                .isEqualTo(1);
        assertThat(round.get("round").get("applications").get("applied").asInt())
                .isEqualTo(1);
        assertThat(round.get("round").get("applications").get("withdrawn").asInt())
                .isEqualTo(1);
        // the seat is open to physiotherapists and occupational therapists, not GPs
        assertThat(applicant(id, "A-001").get("eligible").asBoolean()).isTrue();
        assertThat(applicant(id, "A-002").get("eligible").asBoolean()).isFalse();
        // no response carries anyone's equality answers
        assertThat(round.toString()).doesNotContain("ethnic_group", "disability", "asian", "female");

        Response again = importApplications(
                api,
                admin,
                ods,
                id,
                HEADER + "\n" + "A-002,P8,Tom,Ward-Hughes,tom@example.nhs.uk,gp,senior,shortlisted,white,male,no\n");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("added").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        JsonNode tom = applicant(id, "A-002");
        assertThat(tom.get("family_name").asString()).isEqualTo("Ward-Hughes");
        assertThat(tom.get("stage").asString()).isEqualTo("shortlisted");
        assertThat(tom.get("person_id").isNull()).isFalse();
        assertThat(round(id).get("applications")).hasSize(3);

        Response same = importApplications(api, admin, ods, id, RecruitmentFixture.threeApplicants());
        assertThat(same.json().get("updated").asInt()).isEqualTo(1); // Tom's changes undone by the first file
    }

    @Test
    void theAnswersAreRecordedApartAndOnlyCounted() {
        long id = openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
        assertThat(importApplications(api, admin, ods, id, RecruitmentFixture.threeApplicants())
                        .status())
                .isEqualTo(200);
        List<String> stored = inIcs(
                ods,
                () -> transactions.execute(status -> {
                    jdbc.sql("select set_config('gt.equality', 'aggregate', true)")
                            .query()
                            .singleValue();
                    return jdbc.sql("""
                            select e.ethnic_group || '/' || e.sex || '/' || e.disability from equality_answer e
                              join recruitment_application a on a.id = e.application_id
                             where a.round_id = :round order by a.applicant_ref""").param("round", id).query(String.class).list();
                }));
        assertThat(stored).containsExactly("asian/female/no", "white/male/not_stated", "not_stated/not_stated/yes");
        // outside that purpose no query sees them
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from equality_answer")
                                .query(Long.class)
                                .single()))
                .isZero();
        // the audit log says the answers changed, never what they are
        Response audit = api.get(path("/audit?action=equality_answer.changed"), admin);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains("equality_answer.changed").doesNotContain("asian", "female", "white");
        Response created = api.get(path("/audit?action=recruitment_application.created"), admin);
        assertThat(created.body()).contains("Priya").doesNotContain("asian", "ethnic_group");
    }

    @Test
    void aFileWithAnyProblemChangesNothingAndSaysWhereAndWhy() {
        long id = openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
        importApplications(api, admin, ods, id, RecruitmentFixture.threeApplicants());
        String before = round(id).toString();
        Response r = importApplications(
                api,
                admin,
                ods,
                id,
                HEADER + "\n"
                        + "A-001,,Priya,Shah-Patel,,physiotherapist,mid,appointed,asian,female,no\n"
                        + "A-004,,New,Person,,astronaut,mid,applied,,,\n"
                        + "A-005,,Other,Person,,gp,mid,interviewed,purple,,\n"
                        + "A-006,P99,Third,Person,not-an-email,gp,mid,applied,,,\n");
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> problems = new ArrayList<>();
        r.json()
                .get("errors")
                .forEach(p ->
                        problems.add(p.get("row").asInt() + " " + p.get("field").asString()));
        assertThat(problems).containsExactly("3 profession", "4 stage", "4 ethnic_group", "5 person_ref", "5 email");
        assertThat(r.body()).contains("'astronaut' is not a known profession code", "'interviewed' is not a stage");
        assertThat(round(id).toString()).isEqualTo(before);
    }

    @Test
    void appointingPutsTheAppointmentInTheRegisterByOpenRecruitment() {
        long id = openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
        importApplications(api, admin, ods, id, RecruitmentFixture.threeApplicants());
        long priya = applicant(id, "A-001").get("id").asLong();
        long ola = applicant(id, "A-003").get("id").asLong();

        Response withdrawn = api.post(
                path("/recruitment/rounds/" + id + "/applications/" + ola + "/appointment"),
                admin,
                ApiClient.json("start_date", "2027-01-04"));
        assertThat(withdrawn.status()).isEqualTo(400);
        assertThat(withdrawn.body()).contains("withdrew");

        Response r = api.post(
                path("/recruitment/rounds/" + id + "/applications/" + priya + "/appointment"),
                admin,
                ApiClient.json("start_date", "2027-01-04"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("stage").asString()).isEqualTo("appointed");
        long person = r.json().get("person_id").asLong();

        JsonNode inRegister = api.get(path("/people/" + person), admin).json();
        // not in the register before: added with the applicant's reference
        assertThat(inRegister.get("person").get("person_ref").asString()).isEqualTo("A-001");
        assertThat(inRegister.get("person").get("profession").asString()).isEqualTo("physiotherapist");
        JsonNode appointment = inRegister.get("appointments").get(0);
        assertThat(appointment.get("seat").asString()).isEqualTo("AHP lead");
        assertThat(appointment.get("forum").asString()).isEqualTo("Northfield Place Board");
        assertThat(appointment.get("route").asString()).isEqualTo("open_recruitment");
        assertThat(appointment.get("start_date").asString()).isEqualTo("2027-01-04");
        assertThat(r.json().get("appointment_id").asLong())
                .isEqualTo(appointment.get("id").asLong());

        // one seat, one appointment; and the stage of the one appointed stays
        long tom = applicant(id, "A-002").get("id").asLong();
        Response second = api.post(
                path("/recruitment/rounds/" + id + "/applications/" + tom + "/appointment"),
                admin,
                ApiClient.json("start_date", "2027-01-04"));
        assertThat(second.status()).isEqualTo(400);
        Response back = api.patch(
                path("/recruitment/rounds/" + id + "/applications/" + priya),
                admin,
                ApiClient.json("stage", "applied"));
        assertThat(back.status()).isEqualTo(400);
        Response file = importApplications(
                api, admin, ods, id, HEADER + "\nA-001,,Priya,Shah,,physiotherapist,mid,withdrawn,,,\n");
        assertThat(file.status()).isEqualTo(400);
        assertThat(file.body()).contains("stays appointed");
    }

    @Test
    void anApplicantLinkedToTheRegisterIsAppointedAsThemselves() {
        long id = openRound(api, admin, ods, "Professional Council", "EbE");
        importApplications(
                api, admin, ods, id, HEADER + "\nX1,P8,Hana,Iles,,occupational_therapist,early,shortlisted,,,\n");
        JsonNode hana = applicant(id, "X1");
        // the EbE seat is professionally agnostic: anyone may hold it
        assertThat(hana.get("eligible").asBoolean()).isTrue();
        Response r = api.post(
                path("/recruitment/rounds/" + id + "/applications/"
                        + hana.get("id").asLong() + "/appointment"),
                admin,
                ApiClient.json("start_date", "2027-02-01"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("person_id").asLong())
                .isEqualTo(hana.get("person_id").asLong());
        long people = api.get(path("/people"), admin).json().size();
        assertThat(people).isEqualTo(8);
    }

    @Test
    void anUnsuccessfulApplicantCanBeOfferedAPlaceInTheTalentPoolOnce() {
        long id = openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
        importApplications(api, admin, ods, id, RecruitmentFixture.threeApplicants());
        long tom = applicant(id, "A-002").get("id").asLong();
        String offer = path("/recruitment/rounds/" + id + "/applications/" + tom + "/talent-pool");
        Response r =
                api.post(offer, admin, ApiClient.json("readiness", "one_to_two_years", "consent_to_contact", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("in_talent_pool").asBoolean()).isTrue();
        Response again = api.post(offer, admin, ApiClient.json("readiness", "ready_now"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("in the talent pool already");
        Response noReadiness = api.post(
                path("/recruitment/rounds/" + id + "/applications/"
                        + applicant(id, "A-003").get("id").asLong() + "/talent-pool"),
                admin,
                ApiClient.json("readiness", "someday"));
        assertThat(noReadiness.status()).isEqualTo(400);
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select origin || '/' || readiness from talent")
                                .query(String.class)
                                .list()))
                .containsExactly("recruitment/one_to_two_years");
    }

    /**
     * An applicant the recruitment system did not link to the register, whose address the register
     * holds: under the same name it is that person, not a second entry for them; under another name
     * appointing is refused rather than appointing whoever holds the address.
     */
    @Test
    void anUnlinkedApplicantWhoseAddressTheRegisterHoldsIsThatPersonOrIsAskedAbout() {
        long round = openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
        importApplications(
                api,
                admin,
                ods,
                round,
                HEADER + "\nX-1,,asha,REED,ASHA.REED@example.nhs.uk,gp,senior,shortlisted,,,\n"
                        + "X-2,,Ada,Stone,asha.reed@example.nhs.uk,gp,senior,shortlisted,,,\n");
        int people = api.get(path("/people"), admin).json().size();

        Response other = api.post(
                path("/recruitment/rounds/" + round + "/applications/"
                        + applicant(round, "X-2").get("id").asLong() + "/appointment"),
                admin,
                ApiClient.json("start_date", "2027-01-04"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body())
                .contains("\"email\"")
                .contains("Ada Stone's address is in the register already, as Asha Reed (P1)");
        assertThat(applicant(round, "X-2").get("stage").asString()).isEqualTo("shortlisted");
        // the page says so before anyone tries, and the refusal's link leads to the reason
        org.goldenthread.support.PageClient pages =
                new org.goldenthread.support.PageClient(port).signIn(createUser("ics_admin", ods), PASSWORD);
        String appointing = "/ics/" + ods + "/recruitment/" + round + "/applications/"
                + applicant(round, "X-2").get("id").asLong() + "/appoint";
        assertThat(pages.get(appointing).body())
                .contains("id=\"email\"")
                .contains("Their address belongs to someone else in the register")
                .contains("with person_ref P1")
                .doesNotContain("is not in the register yet")
                .doesNotContain(">Appoint</button>");
        assertThat(pages.get("/ics/" + ods + "/recruitment/" + round + "/applications/"
                                + applicant(round, "X-1").get("id").asLong() + "/appoint")
                        .body())
                .contains("in the register already, by their address, as Asha Reed (P1)")
                .doesNotContain("id=\"email\"");

        Response same = api.post(
                path("/recruitment/rounds/" + round + "/applications/"
                        + applicant(round, "X-1").get("id").asLong() + "/appointment"),
                admin,
                ApiClient.json("start_date", "2027-01-04"));
        assertThat(same.status()).as(same.body()).isEqualTo(201);
        JsonNode linked = api.get(path("/people/" + same.json().get("person_id").asLong()), admin)
                .json()
                .get("person");
        assertThat(linked.get("person_ref").asString()).isEqualTo("P1");
        assertThat(api.get(path("/people"), admin).json().size()).isEqualTo(people);
    }

    @Test
    void anApplicantWhoseAddressIsInTheTalentPoolAlreadyIsNotAddedAgain() {
        String email = uniqueEmail("tam.okafor");
        long first = openRound(api, admin, ods, "Northfield Place Board", "AHP lead");
        importApplications(
                api,
                admin,
                ods,
                first,
                HEADER + "\nT-1,,Tam,Okafor," + email + ",physiotherapist,mid,shortlisted,,,\n");
        Response offered = api.post(
                path("/recruitment/rounds/" + first + "/applications/"
                        + applicant(first, "T-1").get("id").asLong() + "/talent-pool"),
                admin,
                ApiClient.json("readiness", "one_to_two_years"));
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        int people = api.get(path("/people"), admin).json().size();

        // Tam applies for another seat, not linked to the register and with the address in capitals
        long second = openRound(api, admin, ods, "Professional Council", "EbE");
        importApplications(
                api,
                admin,
                ods,
                second,
                HEADER + "\nT-9,,Tam,Okafor," + email.toUpperCase(java.util.Locale.ROOT)
                        + ",physiotherapist,mid,applied,,,\n");
        Response again = api.post(
                path("/recruitment/rounds/" + second + "/applications/"
                        + applicant(second, "T-9").get("id").asLong() + "/talent-pool"),
                admin,
                ApiClient.json("readiness", "ready_now"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body())
                .contains("\"readiness\"")
                .contains("address is in the talent pool already")
                .contains("(T-1)");
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from talent")
                                .query(Integer.class)
                                .single()))
                .isEqualTo(1);
        assertThat(api.get(path("/people"), admin).json().size()).isEqualTo(people);
    }

    @Test
    void aPlaceLeadRunsRoundsOnlyForTheirOwnPlacesSeatsAndAMemberNone() {
        String north = tokenFor(createUser("place_lead", ods, "Northfield"));
        String member = tokenFor(createUser("member", ods));
        long northRound = openRound(api, north, ods, "Northfield Place Board", "AHP lead");
        long southRound = openRound(api, admin, ods, "Southvale East Team", "Clinical director");

        Response other = api.post(
                path("/recruitment/rounds"),
                north,
                ApiClient.json(
                        "forum", "Southvale East Team",
                        "seat", "Clinical director",
                        "opens_on", "2026-11-01",
                        "closes_on", "2026-12-01"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(api.get(path("/recruitment/rounds"), north).json()).hasSize(1);
        assertThat(api.get(path("/recruitment/rounds/" + southRound), north).status())
                .isEqualTo(404);
        assertThat(importApplications(api, north, ods, southRound, RecruitmentFixture.threeApplicants())
                        .status())
                .isEqualTo(404);
        assertThat(importApplications(api, north, ods, northRound, RecruitmentFixture.threeApplicants())
                        .status())
                .isEqualTo(200);
        long priya = applicant(northRound, "A-001").get("id").asLong();
        // appointing changes the register: the ICS admin's
        assertThat(api.post(
                                path("/recruitment/rounds/" + northRound + "/applications/" + priya + "/appointment"),
                                north,
                                ApiClient.json("start_date", "2027-01-04"))
                        .status())
                .isEqualTo(403);

        assertThat(api.get(path("/recruitment/rounds"), member).status()).isEqualTo(403);
        assertThat(api.get(path("/recruitment/rounds/" + northRound), member).status())
                .isEqualTo(403);
        assertThat(importApplications(api, member, ods, northRound, RecruitmentFixture.threeApplicants())
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                path("/recruitment/rounds"),
                                member,
                                ApiClient.json(
                                        "forum", "Northfield Place Board",
                                        "seat", "AHP lead",
                                        "opens_on", "2026-11-01",
                                        "closes_on", "2026-12-01"))
                        .status())
                .isEqualTo(403);
    }

    /**
     * The privacy review's case: a place lead importing into their own round names someone outside
     * their places (Gus Hale, P7, on Southvale's team, in the talent pool). They must learn nothing
     * about that person: not that the reference exists, not their id, not whether they are in the pool.
     */
    @Test
    void aPlaceLeadLinksApplicantsOnlyToPeopleInTheirPlacesAndLearnsNothingOfOthers() {
        String north = tokenFor(createUser("place_lead", ods, "Northfield"));
        long gus = SuccessionFixture.person(api, admin, ods, "P7");
        Response pooled = api.post(
                path("/talent"),
                admin,
                ApiClient.json(
                        "person_id", gus,
                        "origin", "nomination",
                        "nomination_reason", "Leads well",
                        "readiness", "ready_now"));
        assertThat(pooled.status()).as(pooled.body()).isEqualTo(201);
        long round = openRound(api, north, ods, "Northfield Place Board", "AHP lead");

        // someone outside Northfield is answered exactly as a reference nobody has
        Response outside = importApplications(
                api, north, ods, round, HEADER + "\nA-1,P7,Gus,Hale,,physiotherapist,mid,applied,,,\n");
        Response unknown = importApplications(
                api, north, ods, round, HEADER + "\nA-1,P9999,Gus,Hale,,physiotherapist,mid,applied,,,\n");
        assertThat(outside.status()).as(outside.body()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(outside.body().replace("P7", "REF")).isEqualTo(unknown.body().replace("P9999", "REF"));
        assertThat(outside.body()).contains("Nobody in the register of the places you lead has the reference P7");
        assertThat(round(round).get("applications")).isEmpty();

        // someone in Northfield may be linked, and the lead sees the link
        Response inside = importApplications(
                api, north, ods, round, HEADER + "\nA-2,P5,Eve,Ford,,physiotherapist,mid,applied,,,\n");
        assertThat(inside.status()).as(inside.body()).isEqualTo(200);

        // the ICS admin may link anyone; the lead then sees the applicant but not who they are in the register
        Response linked = importApplications(
                api, admin, ods, round, HEADER + "\nA-1,P7,Gus,Hale,,physiotherapist,mid,applied,,,\n");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(applicant(round, "A-1").get("person_id").asLong()).isEqualTo(gus);
        assertThat(applicant(round, "A-1").get("in_talent_pool").asBoolean()).isTrue();
        JsonNode leadSees = null;
        for (JsonNode a :
                api.get(path("/recruitment/rounds/" + round), north).json().get("applications")) {
            if (a.get("applicant_ref").asString().equals("A-1")) {
                leadSees = a;
            } else {
                assertThat(a.get("person_id").isNull()).isFalse();
            }
        }
        assertThat(leadSees).isNotNull();
        assertThat(leadSees.get("person_id").isNull()).isTrue();
        assertThat(leadSees.get("in_talent_pool").isNull()).isTrue();

        // nor when the lead moves the application on, and a file without the reference keeps the admin's link
        Response moved = api.patch(
                path("/recruitment/rounds/" + round + "/applications/"
                        + leadSees.get("id").asLong()),
                north,
                ApiClient.json("stage", "shortlisted"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("person_id").isNull()).isTrue();
        assertThat(moved.json().get("in_talent_pool").isNull()).isTrue();
        assertThat(importApplications(
                                api,
                                north,
                                ods,
                                round,
                                HEADER + "\nA-1,,Gus,Hale,,physiotherapist,mid,shortlisted,,,\n")
                        .status())
                .isEqualTo(200);
        assertThat(applicant(round, "A-1").get("person_id").asLong()).isEqualTo(gus);
    }
}
