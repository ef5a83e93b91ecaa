package org.goldenthread.engagement.collecting;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Chores;
import org.goldenthread.platform.Leases;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.ScopedTransactions;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Rounds of invitation or reminder emails, sent in the background a hundred at a time so that a
 * list of thousands never holds a page open, with their progress kept in the database for the page
 * and the API to show. The instance sending a round holds a {@link Leases lease} on it; if that
 * instance stops or dies part way, another instance sharing the database (or this one, started
 * again) takes the round over within seconds and sends the rest. A round whose progress stops for a
 * quarter of an hour all the same (its mail server hangs; nobody was left to take it over) is marked
 * interrupted, and the invitations it still held are let go for the next round. Before each batch a
 * round checks which of its invitations it still holds (not let go, and nobody has responded
 * meanwhile) and sends only those, so an email goes out at least once and twice only if the
 * instance stops between handing a batch to the mail server and recording it.
 */
@Service
class Mailings {

    private static final Logger log = LoggerFactory.getLogger(Mailings.class);
    private static final int BATCH = 100;
    /** Longer than a batch of a hundred takes, even against a mail server that is timing out. */
    private static final Duration STALLED = Duration.ofMinutes(15);
    /** Rounds sent at once: one ICS's list of thousands does not hold up another's handful. */
    private static final int SENDERS = 3;
    /** How soon a round whose instance died is taken over. */
    private static final Duration WATCH = Duration.ofSeconds(5);

    static final String LEASE = "survey_mailing";

    /** One round, as far as it has got. */
    record Mailing(
            long id,
            String kind,
            @JsonProperty("started_at") OffsetDateTime startedAt,
            @JsonProperty("finished_at") OffsetDateTime finishedAt,
            @JsonProperty("to_send") int toSend,
            int sent,
            @JsonProperty("not_sent") int notSent,
            boolean interrupted) {

        @JsonProperty("finished")
        public boolean finished() {
            return finishedAt != null;
        }

        /** Letters not yet handed to the mail server or given up on. */
        @JsonProperty("waiting")
        public int waiting() {
            return toSend - sent - notSent;
        }
    }

    private final JdbcClient jdbc;
    private final InvitationMail mail;
    private final Audit audit;
    private final TenantDirectory tenants;
    private final ScopedTransactions transactions;
    private final Surveys surveys;
    private final Leases leases;
    private final Chores chores;
    private final Links links;
    private final ExecutorService sending = Executors.newFixedThreadPool(SENDERS, r -> {
        Thread t = new Thread(r, "survey-mailing");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    Mailings(
            JdbcClient jdbc,
            InvitationMail mail,
            Audit audit,
            TenantDirectory tenants,
            ScopedTransactions transactions,
            Surveys surveys,
            Leases leases,
            Chores chores,
            Links links) {
        this.jdbc = jdbc;
        this.links = links;
        this.mail = mail;
        this.audit = audit;
        this.tenants = tenants;
        this.transactions = transactions;
        this.surveys = surveys;
        this.leases = leases;
        this.chores = chores;
    }

    /**
     * Starts a round for invitations already claimed for it, in the caller's scope, and waits up to
     * {@code wait} for it to finish; either way answers with the round as it then stands.
     */
    Mailing start(
            long mailingId,
            Surveys.Survey survey,
            List<InvitationMail.Addressee> letters,
            String auditAction,
            Duration wait) {
        Scope scope = Scope.current();
        String icsName = Scope.currentTenant().name();
        String base = mail.base();
        // the links' base goes with the lease: an instance taking the round over has no request to read it from
        leases.take(LEASE, mailingId, Scope.currentTenant().id(), base);
        Future<?> round =
                sending.submit(() -> scope.run(() -> deliver(mailingId, survey, icsName, base, letters, auditAction)));
        try {
            round.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillSending) {
            // the page and the API show how far it has got
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("A round of survey emails failed", e.getCause());
        }
        return get(survey.id(), mailingId);
    }

    /**
     * A new round of the given kind for a survey, to be filled with the invitations it claims,
     * started by the current user (none when the application starts it).
     */
    long open(long surveyId, String kind) {
        org.goldenthread.platform.Caller caller = Scope.current().caller();
        return jdbc.sql("""
                        insert into survey_mailing (ics_id, survey_id, kind, to_send, started_by)
                        select ics_id, id, :kind, 0, :user from survey where id = :survey returning id""")
                .param("kind", kind)
                .param("survey", surveyId)
                .param("user", caller == null ? null : caller.userId())
                .query(Long.class)
                .single();
    }

    void claimed(long mailingId, int count) {
        jdbc.sql("update survey_mailing set to_send = :n where id = :id")
                .param("n", count)
                .param("id", mailingId)
                .update();
    }

    private void deliver(
            long mailingId,
            Surveys.Survey survey,
            String icsName,
            String base,
            List<InvitationMail.Addressee> letters,
            String auditAction) {
        int sent = 0;
        int notSent = 0;
        try {
            // it may have waited behind other rounds: the time it stands still starts now
            transactions.run(
                    Scope.current(),
                    () -> jdbc.sql("update survey_mailing set progressed_at = now()" + " where id = :id")
                            .param("id", mailingId)
                            .update());
            for (int start = 0; start < letters.size(); start += BATCH) {
                if (stopping || !leases.holds(LEASE, mailingId)) {
                    log.info("Round of survey emails {} is left for another instance to finish", mailingId);
                    return;
                }
                List<InvitationMail.Letter> batch =
                        stillHeld(mailingId, letters.subList(start, Math.min(letters.size(), start + BATCH)));
                if (batch == null) {
                    log.info("Round of survey emails {} was stopped by the watcher; not sending the rest", mailingId);
                    leases.release(LEASE, mailingId);
                    return;
                }
                Set<Long> delivered = batch.isEmpty() ? Set.of() : mail.send(survey, icsName, base, batch);
                List<Long> failed = batch.stream()
                        .map(InvitationMail.Letter::invitationId)
                        .filter(id -> !delivered.contains(id))
                        .toList();
                transactions.run(Scope.current(), () -> {
                    if (!delivered.isEmpty()) {
                        jdbc.sql("update survey_invitation set sends = sends + 1, mailing_id = null"
                                        + " where id in (:ids) and mailing_id = :mailing")
                                .param("ids", List.copyOf(delivered))
                                .param("mailing", mailingId)
                                .update();
                    }
                    if (!failed.isEmpty()) {
                        // the next round may try them again today
                        jdbc.sql("update survey_invitation set last_sent_on = null, mailing_id = null"
                                        + " where id in (:ids) and mailing_id = :mailing")
                                .param("ids", failed)
                                .param("mailing", mailingId)
                                .update();
                    }
                    return jdbc.sql("update survey_mailing set sent = sent + :sent, not_sent = not_sent + :failed,"
                                    + " progressed_at = now() where id = :id")
                            .param("sent", delivered.size())
                            .param("failed", failed.size())
                            .param("id", mailingId)
                            .update();
                });
                sent += delivered.size();
                notSent += failed.size();
            }
            int done = sent;
            int undone = notSent;
            transactions.run(Scope.current(), () -> {
                // a round the watcher stopped meanwhile stays marked as stopped
                jdbc.sql("update survey_mailing set finished_at = now() where id = :id and finished_at is null")
                        .param("id", mailingId)
                        .update();
                audit.record(auditAction, "survey", survey.id(), null, Map.of("sent", done, "not_sent", undone));
                return null;
            });
            leases.release(LEASE, mailingId);
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("Round of survey emails {} is left for another instance to finish", mailingId);
                return;
            }
            log.warn(
                    "A round of survey emails stopped after {} of {}; the rest are let go for the next round",
                    sent + notSent,
                    letters.size(),
                    e);
            transactions.run(Scope.current(), () -> interrupt(mailingId));
            leases.release(LEASE, mailingId);
        }
    }

    /**
     * The letters of a batch whose invitations the round still holds and whose person has not
     * responded meanwhile (those who have are let go without an email), each with a new personal
     * link committed before it is sent; null if the round has been stopped.
     */
    private List<InvitationMail.Letter> stillHeld(long mailingId, List<InvitationMail.Addressee> batch) {
        return transactions.run(Scope.current(), () -> {
            boolean running = jdbc.sql("select finished_at is null from survey_mailing where id = :id for update")
                    .param("id", mailingId)
                    .query(Boolean.class)
                    .single();
            if (!running) {
                return null;
            }
            List<Long> ids =
                    batch.stream().map(InvitationMail.Addressee::invitationId).toList();
            jdbc.sql("update survey_invitation set mailing_id = null, last_sent_on = null"
                            + " where id in (:ids) and mailing_id = :mailing and not " + Invitations.UNANSWERED)
                    .param("ids", ids)
                    .param("mailing", mailingId)
                    .update();
            Set<Long> held = Set.copyOf(
                    jdbc.sql("select id from survey_invitation where id in (:ids)" + " and mailing_id = :mailing")
                            .param("ids", ids)
                            .param("mailing", mailingId)
                            .query(Long.class)
                            .list());
            if (held.size() < ids.size()) {
                jdbc.sql("update survey_mailing set to_send = to_send - :dropped where id = :id")
                        .param("dropped", ids.size() - held.size())
                        .param("id", mailingId)
                        .update();
            }
            List<InvitationMail.Addressee> addressees = batch.stream()
                    .filter(addressee -> held.contains(addressee.invitationId()))
                    .toList();
            Map<Long, String> tokens = links.issuePersonal(addressees.stream()
                    .map(InvitationMail.Addressee::invitationId)
                    .toList());
            return addressees.stream()
                    .map(addressee -> addressee.with(Objects.requireNonNull(tokens.get(addressee.invitationId()))))
                    .toList();
        });
    }

    /** Marks a round interrupted and lets go of the invitations it still held. */
    private int interrupt(long mailingId) {
        // the round row first, locked, so a batch about to start sees the round has stopped
        int stopped = jdbc.sql("update survey_mailing set interrupted = true, finished_at = now() where id = :id"
                        + " and finished_at is null")
                .param("id", mailingId)
                .update();
        jdbc.sql("update survey_invitation set last_sent_on = null, mailing_id = null where mailing_id = :id")
                .param("id", mailingId)
                .update();
        return stopped;
    }

    /** Rounds of every ICS that have not moved for a while: their application stopped while sending them. */
    int interruptStalled() {
        int interrupted = 0;
        for (Tenant tenant : Scope.systemPlatform().run(tenants::activeTenants)) {
            interrupted += transactions.run(
                    Scope.system(tenant),
                    () -> jdbc.sql("""
                            select id from survey_mailing
                             where finished_at is null and progressed_at < now() - make_interval(secs => :secs)""").param("secs", STALLED.toSeconds()).query(Long.class).list().stream()
                            .mapToInt(id -> {
                                leases.release(LEASE, id);
                                return interrupt(id);
                            })
                            .sum());
        }
        return interrupted;
    }

    /**
     * Takes over the rounds whose instance stopped or died part way, and sends the rest of each in
     * the background; returns how many were taken over.
     */
    int takeOverOrphans() {
        int taken = 0;
        for (Leases.Lease orphan : leases.orphans(LEASE)) {
            Long icsId = orphan.scopeIcs();
            Optional<Tenant> tenant =
                    icsId == null ? Optional.empty() : Scope.systemPlatform().run(() -> tenants.tenantOf(icsId));
            if (tenant.isEmpty()) {
                leases.release(LEASE, orphan.subject());
            } else if (leases.takeOver(orphan)) {
                resume(orphan.subject(), tenant.get(), orphan.detail());
                taken++;
            }
        }
        return taken;
    }

    /** Carries on sending a round this instance has just taken over, with the letters it still holds. */
    private void resume(long mailingId, Tenant tenant, String base) {
        Scope scope = Scope.system(tenant);
        record Round(long surveyId, String kind) {}
        Optional<Round> round = transactions.run(
                scope,
                () -> jdbc.sql("select survey_id, kind from survey_mailing where id = :id and finished_at is null")
                        .param("id", mailingId)
                        .query(Round.class)
                        .optional());
        if (round.isEmpty()) {
            leases.release(LEASE, mailingId);
            return;
        }
        List<InvitationMail.Addressee> letters = transactions.run(
                scope,
                () -> jdbc.sql("select id as invitation_id, email, sends > 0 as reminder"
                                + " from survey_invitation where mailing_id = :id order by id")
                        .param("id", mailingId)
                        .query(InvitationMail.Addressee.class)
                        .list());
        Surveys.Survey survey = scope.run(() -> surveys.survey(round.get().surveyId()));
        String action = round.get().kind().equals("reminders") ? "survey.reminders_sent" : "survey.invitations_sent";
        log.info(
                "Took over round of survey emails {} from an instance that stopped; {} emails still to send",
                mailingId,
                letters.size());
        sending.execute(() -> scope.run(() -> deliver(mailingId, survey, tenant.name(), base, letters, action)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void watch() {
        chores.schedule("survey_mailing.watch", WATCH, Duration.ZERO, () -> {
            int stalled = interruptStalled();
            if (stalled > 0) {
                log.info(
                        "{} rounds of survey emails had stopped part way; their unsent invitations are free again",
                        stalled);
            }
            takeOverOrphans();
        });
    }

    @PreDestroy
    void stop() {
        stopping = true;
        sending.shutdownNow();
    }

    List<Mailing> recent(long surveyId, int limit) {
        return jdbc.sql(SELECT + " where survey_id = :survey order by id desc limit :limit")
                .param("survey", surveyId)
                .param("limit", limit)
                .query(Mailing.class)
                .list();
    }

    Mailing get(long surveyId, long mailingId) {
        return jdbc.sql(SELECT + " where survey_id = :survey and id = :id")
                .param("survey", surveyId)
                .param("id", mailingId)
                .query(Mailing.class)
                .optional()
                .orElseThrow(() -> new NotFound("This survey has no round of emails " + mailingId));
    }

    private static final String SELECT = """
            select id, kind, started_at, finished_at, to_send, sent, not_sent, interrupted from survey_mailing""";
}
