package org.goldenthread.development.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.goldenthread.support.ApiClient;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.goldenthread.support.PageClient;
import org.goldenthread.support.PageClient.Page;
import org.goldenthread.support.RegisterEntries;
import org.goldenthread.support.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole 360° round: a leader starts it and nominates raters, raters answer through their links
 * (one saving and coming back), the leader rates themselves, the round closes and the leader reads
 * the report. Then everything the run produced is searched for anything that ties a rater to what
 * they answered.
 */
@ExtendWith(OutputCaptureExtension.class)
class FeedbackRoundTest extends IntegrationTest {

    private static final String WHEN = "\"timestamp\":\"[^\"]*\"";
    private static final Pattern LINK = Pattern.compile("/feedback/([A-Za-z0-9_-]{32})");

    @Autowired
    JdbcClient jdbc;

    private String ods;
    private String admin;
    private String leaderEmail;
    private String leader;
    private String adminEmail;
    private long leaderId;

    /** Every page, API response and download the test saw, to search at the end. */
    private final List<String> seen = new ArrayList<>();

    @BeforeEach
    void anIcs() {
        ods = createIcs("Feedback ICS");
        adminEmail = createUser("ics_admin", ods);
        admin = tokenFor(adminEmail);
        leaderEmail = createUser("member", ods);
        leader = tokenFor(leaderEmail);
        leaderId = person("L-1", "Lena", "Leader", leaderEmail);
    }

    private long person(String ref, String given, String family, String email) {
        return RegisterEntries.gp(api, admin, ods, ref, given, family, email);
    }

    private Response keep(Response r) {
        seen.add(r.body());
        return r;
    }

    private Page keep(Page p) {
        seen.add(p.body());
        return p;
    }

    private long startRound(boolean managerShown) {
        Response started = keep(api.post(
                "/api/v1/ics/" + ods + "/feedback/rounds",
                leader,
                ApiClient.json("closes_on", LocalDate.now().plusDays(14).toString(), "manager_shown", managerShown)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asLong();
    }

    private Response nominate(long round, String group, String name, String email) {
        return keep(api.post(
                "/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/raters",
                leader,
                email == null
                        ? ApiClient.json("rater_group", group, "name", name)
                        : ApiClient.json("rater_group", group, "name", name, "email", email)));
    }

    /** The token in the newest email to this address, waiting for it: emails go once the invitation commits. */
    private static String emailedToken(String email) throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            List<MimeMessage> received = TestMailServer.to(email);
            if (!received.isEmpty()) {
                Matcher m = LINK.matcher(text(received.get(received.size() - 1)));
                assertThat(m.find()).isTrue();
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No link reached " + email);
    }

    private static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Rater(String name, String email, String group, String token, int rating, String comment) {}

    /** Answers every page through the link, choosing {@code rating} throughout, then sends. */
    private void answer(Rater rater, int pages, boolean saveFirst) {
        PageClient client = new PageClient(port);
        String base = "/feedback/" + rater.token();
        Page start = keep(client.get(base));
        assertThat(start.status()).isEqualTo(200);
        if (saveFirst) {
            keep(client.get(base + "/1"));
            Page saved = keep(client.post(base + "/1", form(1, rater.rating(), "action", "save")));
            assertThat(saved.body()).contains("Your answers are saved");
            Page back = keep(client.get(base));
            assertThat(back.body()).contains("Continue where you left off");
        }
        for (int page = 1; page <= pages; page++) {
            Page shown = keep(client.get(base + "/" + page));
            assertThat(shown.status()).isEqualTo(200);
            String[] form = page == pages
                    ? new String[] {"keep", rater.comment(), "change", "Plainer slides", "action", "continue"}
                    : form(page, rater.rating(), "action", "continue");
            Page next = keep(client.post(base + "/" + page, form));
            assertThat(next.status()).as(next.body()).isEqualTo(302);
        }
        Page sent = keep(client.follow(client.post(base + "/" + pages, "action", "continue")));
        assertThat(sent.status()).isEqualTo(409);
    }

    /** A page's form: every behaviour (or leader-type item) on it rated the same. */
    private String[] form(int page, int rating, String... more) {
        BehaviourFramework framework = inIcs(ods, () -> frameworks.shipped());
        List<String> codes = page <= framework.dimensionList().size()
                ? framework.dimensionList().get(page - 1).behaviourList().stream()
                        .map(BehaviourFramework.Behaviour::code)
                        .toList()
                : LeaderTypeItems.ITEMS.stream().map(LeaderTypeItems.Item::code).toList();
        List<String> pairs = new ArrayList<>();
        for (String code : codes) {
            pairs.add(code);
            pairs.add(String.valueOf(rating));
        }
        pairs.addAll(List.of(more));
        return pairs.toArray(String[]::new);
    }

    @Autowired
    BehaviourFrameworks frameworks;

    private int pages() {
        return inIcs(ods, () -> frameworks.shipped()).dimensionList().size() + 2;
    }

    @Test
    void aRoundRunsToAReportAndNothingTiesARaterToTheirAnswers(CapturedOutput output) throws Exception {
        long round = startRound(true);
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("Manny Manager", "line_manager");
        groups.put("Pia Peer", "peer");
        groups.put("Pete Peer", "peer");
        groups.put("Paz Peer", "peer");
        groups.put("Parveen Partner", "partner");
        groups.put("Pat Partner", "partner");
        List<Rater> raters = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, String> e : groups.entrySet()) {
            String email = uniqueEmail("rater");
            Response invited = nominate(round, e.getValue(), e.getKey(), email);
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            assertThat(invited.json().get("emailed").asBoolean()).isTrue();
            n++;
            raters.add(new Rater(
                    e.getKey(), email, e.getValue(), emailedToken(email), 1 + n % 5, "Quokka remark number " + n));
        }
        // a patient without an email address: their link comes back to be passed on by hand
        Response patient = nominate(round, "patient", "Priya Patient", null);
        assertThat(patient.status()).isEqualTo(201);
        Matcher m = LINK.matcher(patient.json().get("link").asString());
        assertThat(m.find()).isTrue();
        raters.add(new Rater("Priya Patient", null, "patient", m.group(1), 4, "Quokka remark from a patient"));

        assertThat(text(TestMailServer.to(raters.get(0).email()).get(0)))
                .contains("Lena Leader")
                .contains("your answers will be shown on their own");
        Page managerStart =
                keep(new PageClient(port).get("/feedback/" + raters.get(0).token()));
        assertThat(managerStart.body()).contains("Your answers will be shown as yours");
        Page peerStart =
                keep(new PageClient(port).get("/feedback/" + raters.get(1).token()));
        assertThat(peerStart.body()).contains("Your answers are anonymous").doesNotContain("shown as yours");

        int pages = pages();
        for (int i = 0; i < raters.size(); i++) {
            answer(raters.get(i), pages, i == 1);
        }

        PageClient self = new PageClient(port).signIn(leaderEmail, PASSWORD);
        String selfBase = "/ics/" + ods + "/development/feedback/" + round + "/self";
        for (int page = 1; page < pages; page++) {
            keep(self.get(selfBase + "/" + page));
            Page next = keep(self.post(selfBase + "/" + page, form(page, 5, "action", "continue")));
            assertThat(next.status()).as(next.body()).isEqualTo(302);
        }

        Response progress = keep(api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round, admin));
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body()).contains("\"responded\":3").doesNotContain("Quokka");
        Response early = keep(api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", leader));
        assertThat(early.status()).isEqualTo(400);

        assertThat(keep(api.post("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/close", admin, "{}"))
                        .status())
                .isEqualTo(200);

        Response report = keep(api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", leader));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.body())
                .contains("\"key\":\"line_manager\"")
                .contains("\"by_exception\":true")
                .contains("\"key\":\"peer\"")
                .contains("Quokka remark number 1")
                .contains("Quokka remark from a patient");
        Response adminReport = keep(api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", admin));
        assertThat(adminReport.status()).isEqualTo(403);
        Page html = keep(self.get("/ics/" + ods + "/development/feedback/" + round + "/report"));
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Blind spots").contains("Quokka remark number 2");
        Page pdf = self.get("/ics/" + ods + "/development/feedback/" + round + "/report.pdf");
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String words = new PDFTextStripper().getText(document);
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(words).contains("Quokka remark number 3");
            seen.add(words);
        }
        // a browser following the report's link asks for a page; the link still gives the PDF, on either path
        for (Page linked : List.of(
                self.get("/ics/" + ods + "/development/feedback/" + round + "/report.pdf", "Accept", "text/html"),
                new PageClient(port)
                        .get(
                                "/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report.pdf",
                                "Authorization",
                                "Bearer " + leader,
                                "Accept",
                                "text/html"))) {
            assertThat(linked.status()).isEqualTo(200);
            assertThat(linked.contentType()).startsWith("application/pdf");
            assertThat(new String(linked.bytes(), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        }

        // Search all of it: no response, audit entry or log line may carry a rater's comment beside their name
        // or address, and the stored answers carry nothing that points to an invitation.
        List<String> audit = inIcs(
                ods,
                () -> jdbc.sql("select coalesce(before::text, '') || ' ' || coalesce(after::text, '')"
                                + " || ' ' || action from audit_event")
                        .query(String.class)
                        .list());
        List<String> everything = new ArrayList<>(seen);
        everything.addAll(audit);
        everything.addAll(List.of(output.getAll().split("\n")));
        for (MimeMessage message : TestMailServer.instance().getReceivedMessages()) {
            everything.add(text(message));
        }
        for (Rater rater : raters) {
            for (String text : everything) {
                if (text.contains(rater.comment())) {
                    assertThat(text)
                            .as("what carries the comment of " + rater.name())
                            .doesNotContain(rater.name());
                    if (rater.email() != null) {
                        assertThat(text).doesNotContain(rater.email());
                    }
                }
            }
        }
        assertThat(audit).noneMatch(a -> a.contains("Quokka"));
        assertThat(audit.stream().filter(a -> a.contains("feedback.")))
                .isNotEmpty()
                .noneMatch(a -> a.contains("ratings") || a.contains("answers"));
        assertThat(output.getAll()).doesNotContain("Quokka");
        List<String> columns =
                inIcs(ods, () -> jdbc.sql("""
                        select table_name || '.' || column_name || ':' || data_type from information_schema.columns
                         where table_name in ('feedback_answer', 'feedback_comment')""").query(String.class).list());
        assertThat(columns)
                .noneMatch(c -> c.contains("invitation"))
                .noneMatch(c -> c.contains("rater_id") || c.contains("email") || c.contains("name"))
                .noneMatch(c -> c.contains("date") || c.contains("time"))
                .noneMatch(c -> c.contains("bigint") && c.contains(".id:"));
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from feedback_draft")
                                .query(Integer.class)
                                .single()))
                .isZero();
        assertThat(new String(pdf.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Parveen");
    }

    @Test
    void malformedNominationsAndLateAnswersAreRefusedAndChangeNothing() throws Exception {
        long round = startRound(false);
        String email = uniqueEmail("peer");
        assertThat(nominate(round, "peer", "Pia Peer", email).status()).isEqualTo(201);
        String token = emailedToken(email);

        Response twice = nominate(round, "partner", "Pia Again", email.toUpperCase());
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("\"field\":\"email\"").contains("already invited");
        Response self = nominate(round, "peer", "Lena Leader", leaderEmail);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("\"field\":\"email\"").contains("leader's own address");
        Response noGroup = nominate(round, "friend", "Fay", uniqueEmail("fay"));
        assertThat(noGroup.status()).isEqualTo(400);
        assertThat(noGroup.body()).contains("\"field\":\"rater_group\"");
        Response raters = api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round, leader);
        assertThat(raters.json().get("raters").size()).isEqualTo(1);

        // a rating that is not on the scale is refused, and nothing is saved
        PageClient client = new PageClient(port);
        client.get("/feedback/" + token + "/1");
        Page wrong = client.post("/feedback/" + token + "/1", "across-1", "9", "action", "save");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("Choose one of the answers given");
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from feedback_draft")
                                .query(Integer.class)
                                .single()))
                .isZero();

        int pages = pages();
        answer(new Rater("Pia Peer", email, "peer", token, 3, "Quokka late"), pages, false);
        Page again = client.get("/feedback/" + token + "/1");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already sent your feedback");
        Page resend = client.post("/feedback/" + token + "/" + pages, "keep", "Second go", "action", "continue");
        assertThat(resend.status()).isEqualTo(409);
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from feedback_answer")
                                .query(Integer.class)
                                .single()))
                .isEqualTo(1);

        String late = uniqueEmail("late");
        assertThat(nominate(round, "peer", "Lou Late", late).status()).isEqualTo(201);
        String lateToken = emailedToken(late);
        assertThat(api.post("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/close", leader, "{}")
                        .status())
                .isEqualTo(200);
        Response closed = nominate(round, "peer", "Too Late", uniqueEmail("too"));
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.body()).contains("\"field\":\"round\"").contains("closed on");
        Page gone = new PageClient(port).get("/feedback/" + lateToken);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("closed on");

        // the one peer who answered is not enough: nothing of theirs shows
        Response report = api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", leader);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).doesNotContain("Quokka late");
    }

    @Test
    void aLeaderSharesTheirReportWithACoachWhoCanReadItWhileTheAdministratorCannot() {
        long round = startRound(false);
        String coachEmail = createUser("member", ods);
        Response shareByAdmin = api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", admin);
        assertThat(shareByAdmin.status()).isEqualTo(403);
        PageClient leaderPages = new PageClient(port).signIn(leaderEmail, PASSWORD);
        leaderPages.get("/ics/" + ods + "/development/feedback/" + round);
        Page shared = leaderPages.post(
                "/ics/" + ods + "/development/feedback/" + round + "/shares", "share_email", coachEmail);
        assertThat(shared.status()).isEqualTo(302);
        api.post("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/close", leader, "{}");
        Response coach = api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", tokenFor(coachEmail));
        assertThat(coach.status()).as(coach.body()).isEqualTo(200);
        String stranger = createUser("member", ods);
        assertThat(api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", tokenFor(stranger))
                        .status())
                .isEqualTo(404);

        // to anyone else a round answers as if it did not exist, so its id tells nobody who is having a 360°
        long missing = round + 1000;
        PageClient strangerPages = new PageClient(port).signIn(stranger, PASSWORD);
        for (String tail : List.of("", "/report")) {
            Response real = api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + tail, tokenFor(stranger));
            Response none = api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + missing + tail, tokenFor(stranger));
            assertThat(real.status()).isEqualTo(404);
            assertThat(real.body().replaceAll("\\b" + round + "\\b", "N"))
                    .isEqualTo(none.body().replaceAll("\\b" + missing + "\\b", "N"));
        }
        for (String tail : List.of("", "/self/1", "/report")) {
            Page real = strangerPages.get("/ics/" + ods + "/development/feedback/" + round + tail);
            Page none = strangerPages.get("/ics/" + ods + "/development/feedback/" + missing + tail);
            assertThat(real.status()).as(tail).isEqualTo(404);
            assertThat(real.body()).as(tail).doesNotContain("Lena");
            assertThat(real.body().replaceAll("\\b" + round + "\\b", "N").replaceAll(WHEN, ""))
                    .as(tail)
                    .isEqualTo(
                            none.body().replaceAll("\\b" + missing + "\\b", "N").replaceAll(WHEN, ""));
        }
    }

    @Test
    void aNewLinkToHandOverClearsTheRatersUnsentAnswersSoWhoeverAskedForItCannotReadOrSendThem() {
        long round = startRound(false);
        Response invited = nominate(round, "peer", "Pia Peer", null);
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        long rater = invited.json().get("id").asLong();
        Matcher first = LINK.matcher(invited.json().get("link").asString());
        assertThat(first.find()).isTrue();

        // the rater answers the first page and saves, meaning to come back
        PageClient raterPages = new PageClient(port);
        String base = "/feedback/" + first.group(1);
        raterPages.get(base + "/1");
        assertThat(raterPages.post(base + "/1", form(1, 2, "action", "save")).body())
                .contains("Your answers are saved");
        assertThat(raterPages.get(base).body()).contains("Continue where you left off");

        PageClient leaderPages = new PageClient(port).signIn(leaderEmail, PASSWORD);
        String roundPage = "/ics/" + ods + "/development/feedback/" + round;
        leaderPages.get(roundPage);
        Page made = leaderPages.follow(leaderPages.post(roundPage + "/raters/" + rater + "/link"));
        assertThat(made.body()).contains("any answers they had saved but not sent were cleared");
        Matcher second = LINK.matcher(made.body());
        assertThat(second.find()).isTrue();
        assertThat(second.group(1)).isNotEqualTo(first.group(1));

        // the new link starts afresh: nothing the rater saved shows, and sending needs every page again
        PageClient withNewLink = new PageClient(port);
        String newBase = "/feedback/" + second.group(1);
        assertThat(withNewLink.get(newBase).body()).doesNotContain("Continue where you left off");
        assertThat(withNewLink.get(newBase + "/1").body()).doesNotContain("checked");
        assertThat(inIcs(
                        ods,
                        () -> jdbc.sql("select count(*) from feedback_draft where invitation_id = :id")
                                .param("id", rater)
                                .query(Integer.class)
                                .single()))
                .isZero();
        assertThat(raterPages.get(base).status()).isEqualTo(404);
    }

    @Test
    void anAdministratorWhoPutsTheirOwnAddressOnALeadersEntryDoesNotBecomeTheLeader() {
        long round = startRound(false);
        PageClient leaderPages = new PageClient(port).signIn(leaderEmail, PASSWORD);
        String reflection = "/ics/" + ods + "/development/leader-type";
        leaderPages.get(reflection);
        List<String> allFours = new ArrayList<>();
        LeaderTypeItems.ITEMS.forEach(i -> allFours.addAll(List.of(i.code(), "4")));
        assertThat(leaderPages.post(reflection, allFours.toArray(String[]::new)).status())
                .isEqualTo(302);
        assertThat(leaderPages.get(reflection).body()).contains("You are a System shaper");
        Response moved = api.put(
                "/api/v1/ics/" + ods + "/people/" + leaderId,
                admin,
                ApiClient.json(
                        "person_ref",
                        "L-1",
                        "given_name",
                        "Lena",
                        "family_name",
                        "Leader",
                        "email",
                        adminEmail,
                        "profession",
                        "gp"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        api.post("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/close", admin, "{}");

        assertThat(api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", admin)
                        .status())
                .isEqualTo(403);
        PageClient adminPages = new PageClient(port).signIn(adminEmail, PASSWORD);
        String roundPage = "/ics/" + ods + "/development/feedback/" + round;
        Page selfRating = adminPages.get(roundPage + "/self/1");
        assertThat(selfRating.status()).isEqualTo(404);
        assertThat(selfRating.body()).doesNotContain("Lena");
        Page adminsReflection = adminPages.get(reflection);
        assertThat(adminsReflection.status()).isEqualTo(200);
        assertThat(adminsReflection.body()).doesNotContain("You are a").doesNotContain("From your reflection");
        // the round stays with the address it began with
        Response report = api.get("/api/v1/ics/" + ods + "/feedback/rounds/" + round + "/report", leader);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
    }
}
