package org.goldenthread.engagement.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Events: registering by the open link and by a personal one, one registration per email, the
 * waitlist under concurrent cancellations, the .ics file in the confirmation, attendance, and bad
 * input refused by field with nothing changed.
 */
class EventsTest extends IntegrationTest {

    private static final Pattern PERSONAL = Pattern.compile("/event-place/([A-Za-z0-9_-]+)");

    @Autowired
    Registrations registrations;

    @Autowired
    JdbcClient jdbc;

    private String ods;
    private String token;
    private String adminEmail;
    private final java.util.Map<Long, String> openLinks = new java.util.HashMap<>();

    @BeforeEach
    void anIcs() {
        ods = createIcs("Events ICS");
        adminEmail = createUser("ics_admin", ods);
        token = tokenFor(adminEmail);
    }

    private String day(int daysAhead) {
        return LocalDate.now().plusDays(daysAhead).toString();
    }

    private Response plan(String capacity, String date, String segmentId) {
        Response r = api.post(
                "/api/v1/ics/" + ods + "/events",
                token,
                ApiClient.json(
                        "title", "Nursing roundtable",
                        "kind", "roundtable",
                        "level", "system",
                        "date", date,
                        "start_time", "10:00",
                        "end_time", "12:00",
                        "online", "false",
                        "location", "Room 2, County Hall",
                        "capacity", capacity,
                        "segment_id", segmentId));
        if (r.status() == 201) {
            String link = r.json().get("open_link").asString();
            openLinks.put(r.json().get("id").asLong(), link.substring(link.lastIndexOf('/') + 1));
        }
        return r;
    }

    private long event(int capacity) {
        Response r = plan(String.valueOf(capacity), day(20), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** The open link's secret, as the organiser was given it when planning the event. */
    private String openLink(long eventId) {
        return java.util.Objects.requireNonNull(openLinks.get(eventId));
    }

    private PageClient.Page registerOpen(String link, String name, String email, String profession) {
        PageClient browser = new PageClient(port);
        browser.get("/event/" + link);
        return browser.post(
                "/event/" + link, "name", name, "email", email, "profession", profession, "organisation", "Trust");
    }

    /** An event with five places for nurses and midwives only. */
    private long forNursesAndMidwives() {
        Response segment = api.post(
                "/api/v1/ics/" + ods + "/segments",
                token,
                ApiClient.json(
                        "name",
                        "Nurses and midwives",
                        "criteria",
                        java.util.Map.of("profession_groups", List.of("Nursing and midwifery"))));
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);
        Response planned = plan(
                "5",
                day(15),
                String.valueOf(segment.json().get("segment").get("id").asLong()));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long id = planned.json().get("id").asLong();
        return id;
    }

    private int rows(long eventId) {
        return inIcs(
                ods,
                () -> jdbc.sql("select count(*) from engagement_registration where event_id = :id")
                        .param("id", eventId)
                        .query(Integer.class)
                        .single());
    }

    private int events() {
        return api.get("/api/v1/ics/" + ods + "/events", token).json().size();
    }

    /** The event takes place: it began two hours ago and ended one hour ago (an event can only be planned ahead). */
    private void hold(long eventId) {
        inIcs(ods, () -> HeldEvents.hold(jdbc, eventId));
    }

    @Test
    void theOpenLinkRegistersOnceAnEmailAndTheConfirmationCarriesACalendarFile() throws Exception {
        long id = event(5);
        String link = openLink(id);
        String email = uniqueEmail("nurse");

        PageClient.Page first = registerOpen(link, "Ada Nurse", email, "nurse_adult");
        assertThat(first.status()).isEqualTo(302);
        PageClient.Page again = registerOpen(link, "Ada Nurse", email.toUpperCase(), "nurse_adult");
        assertThat(again.status()).isEqualTo(302);
        // whoever typed the address is never sent to its personal page: only the email carries that link,
        // sent again to its owner on the second try, and the page says the same both times
        assertThat(java.net.URI.create(first.location()).getPath()).isEqualTo("/event/" + link);
        assertThat(java.net.URI.create(again.location()).getPath()).isEqualTo("/event/" + link);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.to(email).size() == 2);

        assertThat(rows(id)).isEqualTo(1);
        assertThat(api.get("/api/v1/ics/" + ods + "/events/" + id, token)
                        .json()
                        .get("registered")
                        .asInt())
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> !TestMailServer.to(email).isEmpty());
        MimeMessage confirmation = TestMailServer.to(email).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Registered: Nursing roundtable");
        byte[] ics = attachment(confirmation);
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        var event = calendar.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Nursing roundtable");
        assertThat(event.getProperty("DTSTART")
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/London");
        assertThat(event.getProperty("DTSTART").orElseThrow().getValue()).endsWith("T100000");
    }

    @Test
    void theDatabaseHoldsNoUsableLinkOnlyDigests() throws Exception {
        long id = event(5);
        String open = openLink(id);
        String invited = uniqueEmail("hashed");
        api.post(
                "/api/v1/ics/" + ods + "/events/" + id + "/invitations",
                token,
                ApiClient.json("emails", List.of(invited)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !TestMailServer.to(invited).isEmpty());
        Matcher m = PERSONAL.matcher(
                String.valueOf(TestMailServer.to(invited).get(0).getContent()));
        assertThat(m.find()).isTrue();
        String personal = m.group(1);
        PageClient browser = new PageClient(port);
        assertThat(browser.get("/event-place/" + personal).status()).isEqualTo(200);
        assertThat(browser.get("/event/" + open).status()).isEqualTo(200);

        // every column of every row that belongs to the event, as text: neither secret is there
        String stored = inIcs(
                ods,
                () -> String.join(
                        "\n", jdbc.sql("""
                                        select e::text from engagement_event e where e.id = :id
                                        union all select r::text from engagement_registration r where r.event_id = :id
                                        union all select l::text from engagement_registration_link l
                                          join engagement_registration r on r.id = l.registration_id
                                         where r.event_id = :id""").param("id", id).query(String.class).list()));
        assertThat(stored).doesNotContain(open).doesNotContain(personal);

        // what is stored does not open anything when used as a link
        List<byte[]> digests = inIcs(
                ods, () -> jdbc.sql("""
                                select link_hash from engagement_event where id = :id
                                union all select l.token_hash from engagement_registration_link l
                                  join engagement_registration r on r.id = l.registration_id where r.event_id = :id""").param("id", id).query(byte[].class).list());
        assertThat(digests).hasSize(2);
        for (byte[] digest : digests) {
            String asLink = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            String asHex = java.util.HexFormat.of().formatHex(digest);
            for (String path : List.of("/event/", "/event-place/")) {
                assertThat(browser.get(path + asLink).status()).isEqualTo(404);
                assertThat(browser.get(path + asHex).status()).isEqualTo(404);
            }
        }

        // an organiser who lost the open link makes a new one, and the old one stops working
        Response renewed = api.post("/api/v1/ics/" + ods + "/events/" + id + "/open-link", token, "{}");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
        String fresh = renewed.json().get("open_link").asString();
        assertThat(browser.get(java.net.URI.create(fresh).getPath()).status()).isEqualTo(200);
        assertThat(browser.get("/event/" + open).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ics/" + ods + "/events/" + id, token).json().has("open_link"))
                .isFalse();
    }

    private static byte[] attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("text/calendar")) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("No calendar file attached");
    }

    @Test
    void aPersonalInvitationRegistersAndCancelsAndTheWaitlistMovesUp() throws Exception {
        long id = event(1);
        String invited = uniqueEmail("invited");
        Response r = api.post(
                "/api/v1/ics/" + ods + "/events/" + id + "/invitations",
                token,
                ApiClient.json("emails", List.of(invited)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !TestMailServer.to(invited).isEmpty());
        Matcher m = PERSONAL.matcher(
                String.valueOf(TestMailServer.to(invited).get(0).getContent()));
        assertThat(m.find()).isTrue();
        String personal = m.group(1);

        PageClient browser = new PageClient(port);
        browser.get("/event-place/" + personal);
        assertThat(browser.post("/event-place/" + personal, "name", "Ivy Invited", "profession", "midwife")
                        .status())
                .isEqualTo(302);
        String waiting = uniqueEmail("waiting");
        registerOpen(openLink(id), "Wes Waiting", waiting, "paramedic");
        assertThat(status(id, waiting)).isEqualTo("waitlisted");

        browser.get("/event-place/" + personal);
        browser.post("/event-place/" + personal + "/cancel");

        assertThat(status(id, invited)).isEqualTo("cancelled");
        assertThat(status(id, waiting)).isEqualTo("registered");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestMailServer.to(waiting).stream().anyMatch(msg -> {
                    try {
                        return msg.getSubject().startsWith("You have a place");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }));
    }

    private String status(long eventId, String email) {
        return inIcs(
                ods,
                () -> jdbc.sql("select status from engagement_registration where event_id = :id and"
                                + " lower(email) = lower(:email)")
                        .param("id", eventId)
                        .param("email", email)
                        .query(String.class)
                        .single());
    }

    @Test
    void concurrentCancellationsNeverOverfillNorPromoteTwoIntoOnePlace() throws Exception {
        int capacity = 4;
        long id = event(capacity);
        List<Long> holders = new ArrayList<>();
        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < capacity + 6; i++) {
            Registrations.Outcome o = inIcs(
                    ods,
                    () -> registrations.registerOpen(
                            id, new Applicant("Person", uniqueEmail("crowd"), "paramedic", null)));
            (o.registration().hasPlace() ? holders : waiting)
                    .add(o.registration().id());
        }
        assertThat(holders).hasSize(capacity);
        assertThat(waiting).hasSize(6);

        // every holder cancels at once, while two more people register
        CyclicBarrier start = new CyclicBarrier(capacity + 2);
        List<CompletableFuture<Registrations.Cancelled>> cancels = new ArrayList<>();
        for (long holder : holders) {
            cancels.add(CompletableFuture.supplyAsync(() -> {
                together(start);
                return inIcs(ods, () -> registrations.cancel(id, holder));
            }));
        }
        List<CompletableFuture<Registrations.Outcome>> joins = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            joins.add(CompletableFuture.supplyAsync(() -> {
                together(start);
                return inIcs(
                        ods,
                        () -> registrations.registerOpen(
                                id, new Applicant("Late", uniqueEmail("late"), "paramedic", null)));
            }));
        }
        Set<Long> promoted = new HashSet<>();
        for (var c : cancels) {
            Registrations.Cancelled done = c.get();
            assertThat(done.cancelled()).isTrue();
            assertThat(done.promoted()).isNotNull();
            assertThat(promoted.add(done.promoted().id())).as("promoted twice").isTrue();
        }
        for (var j : joins) {
            assertThat(j.get().registration().hasPlace()).isFalse();
        }
        // the first four to join the waitlist took the four places, in the order they joined
        assertThat(promoted).containsExactlyInAnyOrderElementsOf(waiting.subList(0, capacity));
        int registered = inIcs(
                ods,
                () -> jdbc.sql("select count(*) from engagement_registration"
                                + " where event_id = :id and status = 'registered'")
                        .param("id", id)
                        .query(Integer.class)
                        .single());
        assertThat(registered).isEqualTo(capacity);
    }

    private static void together(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badEventsAreRefusedByFieldAndNothingIsPlanned() {
        int before = events();
        Response none = plan("0", day(10), null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("\"capacity\"");
        Response past = plan("10", day(-1), null);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body()).contains("\"date\"").contains("future");
        Response noSegment = plan("10", day(10), "999999");
        assertThat(noSegment.status()).isEqualTo(400);
        assertThat(noSegment.body()).contains("\"segment_id\"");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void onThePagesBadEventsAndAttendanceShowTheErrorSummaryNamingTheFieldAndChangeNothing() {
        PageClient browser = new PageClient(port).signIn(adminEmail, org.goldenthread.support.IntegrationTest.PASSWORD);
        String events = "/ics/" + ods + "/events";
        browser.get(events);
        int before = events();
        for (String[] bad : List.of(
                new String[] {"0", day(10), "capacity", "Capacity: enter the number of places"},
                new String[] {"10", day(-1), "date", "the event must start in the future"})) {
            PageClient.Page page = browser.post(
                    events,
                    "title",
                    "Nursing roundtable",
                    "kind",
                    "roundtable",
                    "level",
                    "system",
                    "date",
                    bad[1],
                    "start_time",
                    "10:00",
                    "end_time",
                    "12:00",
                    "online",
                    "false",
                    "location",
                    "Room 2, County Hall",
                    "capacity",
                    bad[0]);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("nhsuk-error-summary")
                    .contains("href=\"#" + bad[2] + "\"")
                    .contains(bad[3]);
        }
        assertThat(events()).isEqualTo(before);

        long id = event(2);
        String waiting = uniqueEmail("notyet");
        registerOpen(openLink(id), "Nell Notyet", waiting, "paramedic");
        long registration = api.get("/api/v1/ics/" + ods + "/events/" + id + "/registrations", token)
                .json()
                .get(0)
                .get("id")
                .asLong();
        inIcs(
                ods,
                () -> jdbc.sql("update engagement_registration set status = 'invited' where id = :id")
                        .param("id", registration)
                        .update());
        browser.get(events + "/" + id);
        for (String who : List.of(String.valueOf(registration), "999999")) {
            PageClient.Page page =
                    browser.post(events + "/" + id + "/attendance", "registration", who, "attendance", "attended");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("nhsuk-error-summary").contains("href=\"#registration\"");
        }
        assertThat(api.get("/api/v1/ics/" + ods + "/events/" + id, token)
                        .json()
                        .get("attended")
                        .asInt())
                .isZero();
    }

    @Test
    void registrationAfterItClosesIsRefusedAndNothingIsStored() {
        long id = event(5);
        String link = openLink(id);
        // the form was open when the page was shown, and registration closed before it was sent
        PageClient browser = new PageClient(port);
        browser.get("/event/" + link);
        inIcs(
                ods,
                () -> jdbc.sql("update engagement_event set registration_closes_at = now() - interval '1 hour'"
                                + " where id = :id")
                        .param("id", id)
                        .update());
        PageClient.Page page = browser.post(
                "/event/" + link, "name", "Too Late", "email", uniqueEmail("late"), "profession", "paramedic");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Registration has closed").contains("Registration for this event closed");
        assertThat(rows(id)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inIcs(
                        ods,
                        () -> registrations.registerOpen(
                                id, new Applicant("Too Late", uniqueEmail("late"), "paramedic", null))))
                .isInstanceOf(org.goldenthread.platform.InvalidInput.class)
                .hasMessageContaining("event");
        assertThat(rows(id)).isZero();
    }

    @Test
    void attendanceIsOnlyForThoseWithAPlace() {
        long id = event(1);
        String holder = uniqueEmail("holder");
        String waiting = uniqueEmail("waiting");
        registerOpen(openLink(id), "Hal Holder", holder, "paramedic");
        registerOpen(openLink(id), "Wyn Waiting", waiting, "paramedic");
        hold(id);

        Response stranger = api.put(
                "/api/v1/ics/" + ods + "/events/" + id + "/attendance",
                token,
                ApiClient.json("email", uniqueEmail("stranger"), "attendance", "attended"));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains("\"email\"");
        Response waiter = api.put(
                "/api/v1/ics/" + ods + "/events/" + id + "/attendance",
                token,
                ApiClient.json("email", waiting, "attendance", "attended"));
        assertThat(waiter.status()).isEqualTo(400);
        assertThat(waiter.body()).contains("\"registration\"").contains("waiting list");
        assertThat(api.get("/api/v1/ics/" + ods + "/events/" + id, token)
                        .json()
                        .get("attended")
                        .asInt())
                .isZero();

        Response came = api.put(
                "/api/v1/ics/" + ods + "/events/" + id + "/attendance",
                token,
                ApiClient.json("email", holder, "attendance", "attended"));
        assertThat(came.status()).as(came.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + ods + "/events/" + id, token)
                        .json()
                        .get("attended")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void attendanceIsRecordedOnlyOnceTheEventHasBegun() {
        long id = event(2);
        String holder = uniqueEmail("early");
        registerOpen(openLink(id), "Eve Early", holder, "paramedic");
        String attendance = "/api/v1/ics/" + ods + "/events/" + id + "/attendance";

        Response early = api.put(attendance, token, ApiClient.json("email", holder, "attendance", "attended"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("\"attendance\"").contains("only once it has begun");

        // the page offers no attendance buttons yet, and a form sent all the same is refused naming the field
        PageClient browser = new PageClient(port).signIn(adminEmail, org.goldenthread.support.IntegrationTest.PASSWORD);
        String page = "/ics/" + ods + "/events/" + id;
        assertThat(browser.get(page).body())
                .contains(holder)
                .contains("once the event has begun")
                .doesNotContain(page + "/attendance");
        long registration = api.get("/api/v1/ics/" + ods + "/events/" + id + "/registrations", token)
                .json()
                .get(0)
                .get("id")
                .asLong();
        PageClient.Page refused = browser.post(
                page + "/attendance", "registration", String.valueOf(registration), "attendance", "did_not_attend");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("nhsuk-error-summary")
                .contains("href=\"#attendance\"")
                .contains("only once it has begun");
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from engagement_registration"
                                        + " where event_id = :id and attendance is not null")
                                .param("id", id)
                                .query(Integer.class)
                                .single()))
                .isZero();

        hold(id);
        assertThat(browser.get(page).body()).contains(page + "/attendance");
        Response came = api.put(attendance, token, ApiClient.json("email", holder, "attendance", "attended"));
        assertThat(came.status()).as(came.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/ics/" + ods + "/events/" + id, token)
                        .json()
                        .get("attended")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aSegmentLimitsWhoMayRegisterByTheProfessionTheyGive() {
        Response segment = api.post(
                "/api/v1/ics/" + ods + "/segments",
                token,
                ApiClient.json(
                        "name",
                        "Nurses, midwives and AHPs",
                        "criteria",
                        java.util.Map.of(
                                "profession_groups", List.of("Nursing and midwifery", "Allied health professions"))));
        assertThat(segment.status()).as(segment.body()).isEqualTo(201);
        long segmentId = segment.json().get("segment").get("id").asLong();
        Response planned = plan("5", day(15), String.valueOf(segmentId));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long id = planned.json().get("id").asLong();

        PageClient.Page doctor = registerOpen(openLink(id), "Dr Who", uniqueEmail("gp"), "gp");
        assertThat(doctor.status()).isEqualTo(200);
        assertThat(doctor.body()).contains("this event is for other professions");
        assertThat(rows(id)).isZero();
        assertThat(registerOpen(openLink(id), "Mo Midwife", uniqueEmail("mw"), "midwife")
                        .status())
                .isEqualTo(302);
        assertThat(rows(id)).isEqualTo(1);
    }

    /**
     * Two register entries with one address: the one added first stands for it, as it does when its
     * owner signs in, so an entry added later, whatever its family name, cannot change who may come
     * (review 36, F7).
     */
    @Test
    void whereTwoEntriesShareAnAddressTheOneAddedFirstDecidesWhoMayCome() throws Exception {
        String shared = uniqueEmail("shared");
        org.goldenthread.support.RegisterEntries.aGpThenAMidwifeSharing(api, token, ods, shared);
        long id = forNursesAndMidwives();

        // the first entry, a GP, stands for the address: no place, and the address is told why by email
        PageClient.Page refused = registerOpen(openLink(id), "Ada Aardvark", shared, "midwife");
        assertThat(refused.status()).isEqualTo(302);
        assertThat(rows(id)).isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !TestMailServer.to(shared).isEmpty());
        assertThat(TestMailServer.to(shared).get(0).getSubject()).startsWith("No place booked");
    }

    @Test
    void aSegmentNamingAnUnknownProfessionOrPlaceIsRefusedByField() {
        int before = api.get("/api/v1/ics/" + ods + "/segments", token).json().size();
        Response r = api.post(
                "/api/v1/ics/" + ods + "/segments",
                token,
                ApiClient.json(
                        "name",
                        "Nobody",
                        "criteria",
                        java.util.Map.of("professions", List.of("astronaut"), "places", List.of("Atlantis"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"professions\"").contains("astronaut").contains("\"places\"");
        assertThat(api.get("/api/v1/ics/" + ods + "/segments", token).json().size())
                .isEqualTo(before);
    }

    @Test
    void theOpenLinkNeverSaysWhetherAnAddressIsOnTheRegisterOrInTheEventsGroup() throws Exception {
        long id = forNursesAndMidwives();
        // a GP on the register, outside the event's group
        String gp = uniqueEmail("gp");
        assertThat(api.post(
                                "/api/v1/ics/" + ods + "/people",
                                token,
                                ApiClient.json(
                                        "person_ref",
                                        "GP1",
                                        "given_name",
                                        "Gil",
                                        "family_name",
                                        "Practitioner",
                                        "email",
                                        gp,
                                        "profession",
                                        "gp"))
                        .status())
                .isEqualTo(201);
        String stranger = uniqueEmail("stranger");

        // the typed profession is judged alike for every address
        PageClient.Page gpAsGp = registerOpen(openLink(id), "Someone", gp, "gp");
        PageClient.Page strangerAsGp = registerOpen(openLink(id), "Someone", stranger, "gp");
        assertThat(gpAsGp.status()).isEqualTo(200);
        assertThat(gpAsGp.body()).contains("this event is for other professions");
        assertThat(strangerAsGp.body()).contains("this event is for other professions");
        assertThat(gpAsGp.body()).doesNotContain("does not show you");
        // and an admitted profession gets the same thanks whatever the register holds of the address
        PageClient.Page gpAsMidwife = registerOpen(openLink(id), "Someone", gp, "midwife");
        PageClient.Page strangerAsMidwife = registerOpen(openLink(id), "Someone", stranger, "midwife");
        assertThat(gpAsMidwife.status()).isEqualTo(302);
        assertThat(strangerAsMidwife.status()).isEqualTo(302);
        PageClient thanks = new PageClient(port);
        thanks.get("/event/" + openLink(id));
        String gpThanks = thanks.follow(
                        thanks.post("/event/" + openLink(id), "name", "Someone", "email", gp, "profession", "midwife"))
                .body();
        assertThat(gpThanks).contains("Thank you. We have emailed " + gp);
        // the register's verdict went to the address alone, and no place was booked for it
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !TestMailServer.to(gp).isEmpty());
        assertThat(TestMailServer.to(gp).get(0).getSubject()).isEqualTo("No place booked: Nursing roundtable");
        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void aMalformedSegmentOrSurveyIsRefusedRatherThanTakenAsNone() {
        int before = events();
        for (String bad : List.of("3.0", "-3", "abc", "1234567890123456789")) {
            Response r = plan("10", day(10), bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).contains("\"segment_id\"");
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void cancellingIsAuditedWithThePromotionItCausesAndEndsWhenTheEventBegins() {
        long id = event(1);
        String holder = uniqueEmail("holder");
        String waiting = uniqueEmail("waiting");
        registerOpen(openLink(id), "Hal Holder", holder, "paramedic");
        registerOpen(openLink(id), "Wyn Waiting", waiting, "paramedic");
        long held = inIcs(
                ods,
                () -> jdbc.sql("select id from engagement_registration where event_id = :id"
                                + " and status = 'registered'")
                        .param("id", id)
                        .query(Long.class)
                        .single());
        Response cancelled = api.delete("/api/v1/ics/" + ods + "/events/" + id + "/registrations/" + held, token);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("promoted").get("email").asString()).isEqualTo(waiting);
        String audit = api.get("/api/v1/ics/" + ods + "/audit", token).body();
        assertThat(audit).contains("\"cancel\"").contains("\"promote\"");

        // once the event has begun, who held a place is its record
        inIcs(
                ods,
                () -> jdbc.sql("update engagement_event set starts_at = now() - interval '1 hour',"
                                + " ends_at = now() + interval '1 hour', registration_closes_at = now() - interval '2 hours'"
                                + " where id = :id")
                        .param("id", id)
                        .update());
        long promoted = cancelled.json().get("promoted").get("id").asLong();
        Response late = api.delete("/api/v1/ics/" + ods + "/events/" + id + "/registrations/" + promoted, token);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("\"registration\"").contains("began");
        assertThat(api.get("/api/v1/ics/" + ods + "/events/" + id, token)
                        .json()
                        .get("registered")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void invitationsAndNotesNameTheFieldThatIsWrong() {
        long id = event(5);
        Response noSegment = api.post(
                "/api/v1/ics/" + ods + "/events/" + id + "/invitations", token, ApiClient.json("segment_id", 999999));
        assertThat(noSegment.status()).isEqualTo(400);
        assertThat(noSegment.body()).contains("\"segment_id\"");
        String tooLong = "a".repeat(310) + "@example.org";
        Response longAddress = api.post(
                "/api/v1/ics/" + ods + "/events/" + id + "/invitations",
                token,
                ApiClient.json("emails", List.of(tooLong)));
        assertThat(longAddress.status()).isEqualTo(400);
        assertThat(longAddress.body()).contains("\"emails\"");
        assertThat(rows(id)).isZero();

        PageClient browser = new PageClient(port).signIn(adminEmail, org.goldenthread.support.IntegrationTest.PASSWORD);
        browser.get("/ics/" + ods + "/events/" + id);
        PageClient.Page note =
                browser.post("/ics/" + ods + "/events/" + id + "/notes", "text", "Said", "themes", "abc");
        assertThat(note.status()).isEqualTo(200);
        assertThat(note.body()).contains("nhsuk-error-summary").contains("Themes:");
    }
}
