package org.goldenthread.engagement.collecting;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.LinkSecret;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Inviting people to a survey by email, each with a link of their own, and reminding those who
 * have not responded. Emails go out after the invitations are saved and outside any transaction, so
 * a slow or failing mail server holds no locks; what could not be sent is simply sent next time.
 */
@Service
class Invitations {

    static final ZoneId ENGLAND = Dates.ENGLAND;
    static final DateTimeFormatter DAY = Dates.DAY;
    static final int MAX_PER_REQUEST = 10_000;

    /** Deliberately loose: one @, something either side, a dot in the domain, no spaces or separators. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>,;\"']+@[^@\\s<>,;\"']+\\.[^@\\s<>,;\"'.]+$");

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Surveys surveys;
    private final Audit audit;
    private final InvitationMail mail;
    private final Mailings mailings;
    private final Links links;
    private final TransactionTemplate transaction;

    Invitations(
            JdbcClient jdbc,
            ObjectMapper json,
            Surveys surveys,
            Audit audit,
            InvitationMail mail,
            Mailings mailings,
            Links links,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.surveys = surveys;
        this.audit = audit;
        this.mail = mail;
        this.mailings = mailings;
        this.links = links;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Counts(long invited, long sent, long responded) {

        @JsonProperty("not_responded")
        public long notResponded() {
            return invited - responded;
        }
    }

    record Added(
            int invited, @JsonProperty("already_invited") int alreadyInvited) {}

    /**
     * What one round of emails has done so far, and the round itself (null while email is not set up
     * on this server, when nothing is sent and {@code notSent} counts the emails waiting).
     */
    record Sent(
            int sent,
            @JsonProperty("not_sent") int notSent,
            @JsonProperty("email_set_up") boolean emailSetUp,
            Mailings.@Nullable Mailing mailing) {

        static Sent of(Mailings.Mailing mailing) {
            return new Sent(mailing.sent(), mailing.notSent(), true, mailing);
        }

        @JsonProperty("finished")
        public boolean finished() {
            return mailing == null || mailing.finished();
        }
    }

    /**
     * Refuses (403) anyone but those who run the survey: ICS admins, and the place lead who created it.
     * They alone invite people to it, remind them, make its links and see who has not responded, as
     * they alone have its raw responses (see {@link Surveys#requireRuns}); the counts are open
     * more widely. A survey not in this ICS is not found (404) first.
     */
    void requireMayManage(long surveyId) {
        surveys.survey(surveyId);
        surveys.requireRuns(
                surveyId, "manage its invitations: invite people, send reminders, or see who has not responded");
    }

    Counts counts(long surveyId) {
        surveys.survey(surveyId);
        return jdbc.sql("""
                        select count(*) as invited, count(*) filter (where sends > 0) as sent,
                               count(*) filter (where not exists (select 1 from survey_invitation_unanswered u
                                                                   where u.invitation_id = i.id)) as responded
                          from survey_invitation i where survey_id = :survey""").param("survey", surveyId).query(Counts.class).single();
    }

    Optional<Invitation> byToken(String token) {
        return jdbc.sql("select id, survey_id, email, not " + UNANSWERED + " as responded"
                        + " from survey_invitation where id in"
                        + " (select invitation_id from survey_invitation_link where token_hash = :hash)")
                .param("hash", LinkSecret.digest(token))
                .query(Invitation.class)
                .optional();
    }

    /**
     * Notes that the invitation's person has responded, in the transaction that stores their
     * response, by deleting a row rather than writing one: nothing that transaction leaves behind
     * carries its id next to the invitation, so the response and the invitation share no xmin, and
     * the invitation row is not touched at all. Returns false if it had been answered already.
     */
    boolean markAnswered(long invitationId) {
        return jdbc.sql("delete from survey_invitation_unanswered where invitation_id = :id")
                        .param("id", invitationId)
                        .update()
                == 1;
    }

    /** SQL: the invitation row in hand has not been answered. */
    static final String UNANSWERED =
            "exists (select 1 from survey_invitation_unanswered u where u.invitation_id = survey_invitation.id)";

    /**
     * Reads addresses pasted or uploaded as text: one or more a line, separated by commas, semicolons
     * or spaces. Other words on a line (a name column, say) are passed over; a line with an @ that is
     * not an address, or with no address at all, is a problem named by its line number. The first
     * line of a file may be a header.
     */
    static List<String> parse(@Nullable String text, boolean fromFile) {
        List<String> emails = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> found = new ArrayList<>();
            boolean hasAt = false;
            for (String word :
                    SEPARATORS.split(line.replace("\"", " ").replace("<", " ").replace(">", " "))) {
                if (word.contains("@")) {
                    hasAt = true;
                    if (EMAIL.matcher(word).matches()) {
                        found.add(word);
                    } else {
                        problems.add(new Problem(i + 1, "emails", "'" + cut(word) + "' is not an email address"));
                    }
                }
            }
            if (!hasAt && !(fromFile && i == 0)) {
                problems.add(new Problem(i + 1, "emails", "There is no email address on this line"));
            }
            emails.addAll(found);
            if (problems.size() >= 100) {
                problems.add(Problem.of("emails", "…and perhaps more problems after these"));
                break;
            }
        }
        if (problems.isEmpty() && emails.isEmpty()) {
            problems.add(Problem.of("emails", "Enter at least one email address"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return emails;
    }

    /** Checks a list of addresses given one by one, as the API takes them. */
    static List<String> check(List<String> emails) {
        List<Problem> problems = new ArrayList<>();
        if (emails == null || emails.isEmpty()) {
            throw new InvalidInput("emails", "Give at least one email address");
        }
        for (int i = 0; i < emails.size() && problems.size() < 100; i++) {
            String email = emails.get(i) == null ? "" : emails.get(i).strip();
            if (!EMAIL.matcher(email).matches()) {
                problems.add(Problem.of(
                        "emails[" + i + "]",
                        email.isEmpty()
                                ? "An email address cannot be blank"
                                : "'" + cut(email) + "' is not an email address"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return emails.stream().map(String::strip).toList();
    }

    /** Adds the people not yet invited to this survey; everyone else is counted as already invited. */
    @Transactional
    public Added add(long surveyId, List<String> emails) {
        Surveys.Survey survey = surveys.survey(surveyId);
        refuseIfClosed(survey);
        Map<String, String> distinct = new LinkedHashMap<>();
        emails.forEach(e -> distinct.putIfAbsent(e.toLowerCase(Locale.ROOT), e));
        if (distinct.size() > MAX_PER_REQUEST) {
            throw new InvalidInput(
                    "emails",
                    "Invite at most " + String.format(Locale.UK, "%,d", MAX_PER_REQUEST)
                            + " people at a time; this list has " + String.format(Locale.UK, "%,d", distinct.size()));
        }
        List<Map<String, String>> rows = new ArrayList<>(distinct.size());
        for (String email : distinct.values()) {
            rows.add(Map.of("email", email));
        }
        // each invitation starts unanswered, in the same transaction as everyone invited with it
        int added = jdbc.sql("""
                        with added as (
                            insert into survey_invitation (ics_id, survey_id, email)
                            select s.ics_id, s.id, r.email
                              from survey s, jsonb_to_recordset(cast(:rows as jsonb)) as r(email text)
                             where s.id = :survey
                            on conflict (ics_id, survey_id, lower(email)) do nothing
                            returning ics_id, id)
                        insert into survey_invitation_unanswered (ics_id, invitation_id)
                        select ics_id, id from added""")
                .param("survey", surveyId)
                .param("rows", json.writeValueAsString(rows))
                .update();
        audit.record("survey.invitations_added", "survey", surveyId, null, Map.of("added", added));
        return new Added(added, distinct.size() - added);
    }

    /**
     * Sends the invitation email to everyone who has not had it yet, in the background, waiting up to
     * {@code wait} for the round to finish.
     */
    public Sent sendInvitations(long surveyId, Duration wait) {
        return send(surveyId, "invitations", "survey.invitations_sent", "sends = 0 and last_sent_on is null", wait);
    }

    /**
     * Reminds everyone who has not responded (sending the invitation itself to anyone who never had
     * it). Nobody gets two emails on one day, so pressing the button twice does not double them.
     */
    public Sent remind(long surveyId, Duration wait) {
        return send(
                surveyId,
                "reminders",
                "survey.reminders_sent",
                "(last_sent_on is null or last_sent_on < :today)",
                wait);
    }

    private Sent send(long surveyId, String kind, String action, String whom, Duration wait) {
        Surveys.Survey survey = surveys.survey(surveyId);
        refuseIfClosed(survey);
        if (!mail.isSetUp()) {
            long waiting = jdbc.sql("select count(*) from survey_invitation where survey_id = :survey and " + UNANSWERED
                            + " and " + whom)
                    .param("survey", surveyId)
                    .param("today", today())
                    .query(Long.class)
                    .single();
            return new Sent(0, (int) waiting, false, null);
        }
        // Claim the rows for the round in one statement, so two rounds at once never email the same person.
        record Claim(long mailingId, List<InvitationMail.Addressee> letters) {}
        Optional<Claim> claimed = transaction.execute(status -> {
            long mailingId = mailings.open(surveyId, kind);
            List<InvitationMail.Addressee> letters = jdbc.sql("update survey_invitation"
                            + " set last_sent_on = :today, mailing_id = :mailing"
                            + " where survey_id = :survey and " + UNANSWERED + " and mailing_id is null and " + whom
                            + " returning id as invitation_id, email, sends > 0 as reminder")
                    .param("survey", surveyId)
                    .param("today", today())
                    .param("mailing", mailingId)
                    .query(InvitationMail.Addressee.class)
                    .list();
            if (letters.isEmpty()) {
                // nobody to email: no round to show or audit
                jdbc.sql("delete from survey_mailing where id = :id")
                        .param("id", mailingId)
                        .update();
                return Optional.empty();
            }
            mailings.claimed(mailingId, letters.size());
            return Optional.of(new Claim(mailingId, letters));
        });
        if (claimed == null || claimed.isEmpty()) {
            return new Sent(0, 0, true, null);
        }
        Claim claim = claimed.get();
        return Sent.of(mailings.start(claim.mailingId(), survey, claim.letters(), action, wait));
    }

    /**
     * A new open link for a survey, whole, for an administrator to share. It is shown once: only its
     * digest is kept. Those issued before keep working, so a link already shared never goes dead
     * because someone asked for another. Audited, as every way in to answer is.
     */
    String openLink(long surveyId, String base) {
        surveys.survey(surveyId);
        String token = links.issueOpenLink(surveyId);
        audit.record("survey.open_link_issued", "survey", surveyId, null, Map.of());
        return base + "/respond/" + token;
    }

    /** One person's own link, for sending another way than by this server's email. */
    record PersonalLink(String email, String link) {}

    /**
     * Each invited person who has not responded, with a new link of their own, for an administrator
     * to send another way when this server has no mail server (or an email went astray). Links sent
     * or downloaded before keep working. Those who have responded are left out: their links are
     * spent. Audited, since every row is a way in to answer as that person.
     */
    List<PersonalLink> personalLinks(long surveyId, String base) {
        surveys.survey(surveyId);
        record Invitee(long id, String email) {}
        List<Invitee> invitees = jdbc.sql("select id, email from survey_invitation where survey_id = :survey and "
                        + UNANSWERED + " order by lower(email)")
                .param("survey", surveyId)
                .query(Invitee.class)
                .list();
        Map<Long, String> tokens =
                links.issuePersonal(invitees.stream().map(Invitee::id).toList());
        List<PersonalLink> personal = invitees.stream()
                .map(i -> new PersonalLink(i.email(), base + "/invited/" + Objects.requireNonNull(tokens.get(i.id()))))
                .toList();
        audit.record("survey.invitation_links_downloaded", "survey", surveyId, null, Map.of("links", personal.size()));
        return personal;
    }

    static LocalDate today() {
        return LocalDate.now(ENGLAND);
    }

    private static void refuseIfClosed(Surveys.Survey survey) {
        if (survey.isDraft()) {
            throw new InvalidInput(
                    "survey",
                    "The survey is a draft and nobody can answer it yet;"
                            + " open it before inviting or reminding anyone");
        }
        if (survey.status() == Surveys.Status.CLOSED) {
            throw new InvalidInput(
                    "survey",
                    "The survey is closed, so nobody more can be invited or reminded;" + " open it again first");
        }
        if (survey.closesOn() != null && today().isAfter(survey.closesOn())) {
            throw new InvalidInput(
                    "survey",
                    "The survey closed on " + DAY.format(survey.closesOn())
                            + ", so nobody more can be invited or reminded");
        }
    }

    private static String cut(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
