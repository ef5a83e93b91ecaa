package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.ObjectMapper;

/**
 * Matching rounds of a programme: proposals made and kept with the participants version they
 * were made from, an administrator's locks and forbidden pairs, and confirming a proposal, which
 * opens a relationship for every pair. A proposal made before the participants, preferences or
 * rules last changed cannot be confirmed (409): it might pair people who have left, or break a
 * rule made since.
 */
@Component
public class MatchingRounds {

    /** A proposal as kept. */
    public record Stored(
            long id,
            long programmeId,
            int participantsVersion,
            Matching.Proposal proposal,
            OffsetDateTime madeAt,
            String madeBy,
            @Nullable OffsetDateTime confirmedAt,
            @Nullable Integer emailsSent,
            @Nullable Integer emailsNotSent) {

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /** What confirming did, and the emails it leaves to send once it has committed. */
    public record Confirmed(
            @JsonProperty("proposal_id") long proposalId,
            int relationships,
            @JsonProperty("already_open") int alreadyOpen,
            @JsonProperty("emails_sent") int emailsSent,
            @JsonProperty("emails_not_sent") int emailsNotSent) {}

    private record Row(
            long id,
            long programmeId,
            int participantsVersion,
            String proposal,
            OffsetDateTime madeAt,
            String madeBy,
            @Nullable OffsetDateTime confirmedAt,
            @Nullable Integer emailsSent,
            @Nullable Integer emailsNotSent) {}

    private static final String SELECT = """
            select id, programme_id, participants_version, cast(proposal as text) as proposal, made_at, made_by,
                   confirmed_at, emails_sent, emails_not_sent
              from pairing_proposal""";

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Relationships relationships;
    private final PairingMail mail;
    private final Audit audit;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;

    MatchingRounds(
            JdbcClient jdbc,
            Programmes programmes,
            Relationships relationships,
            PairingMail mail,
            Audit audit,
            ObjectMapper json,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.relationships = relationships;
        this.mail = mail;
        this.audit = audit;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The round as it stands: participants, what mentees ranked, and the rules. */
    Matching.Round round(Programmes.Programme programme) {
        List<Matching.Member> mentors = new ArrayList<>();
        List<Matching.Member> mentees = new ArrayList<>();
        for (Programmes.Participant p : programmes.participants(programme.id())) {
            Matching.Member member = new Matching.Member(
                    p.personRef(),
                    p.name(),
                    p.employer(),
                    p.employerOds(),
                    p.capacity() == null ? 0 : p.capacity(),
                    p.preferences());
            (p.role().equals("mentor") ? mentors : mentees).add(member);
        }
        List<Matching.Rule> rules = programmes.rules(programme.id()).stream()
                .map(r -> new Matching.Rule(r.mentor(), r.mentee(), r.rule().equals("locked")))
                .toList();
        return new Matching.Round(programme.crossOrganisation(), mentors, mentees, rules);
    }

    /** Works out the optimal proposal for the programme as it stands and keeps it. */
    @Transactional
    Stored propose(long programmeId) {
        Programmes.Programme programme = programmes.lock(programmeId);
        ProgrammeKind kind = Coded.parse(ProgrammeKind.class, programme.kind()).orElseThrow();
        if (!kind.pairs()) {
            throw new InvalidInput("kind", "An action learning programme forms sets rather than pairs");
        }
        Matching.Proposal proposal = kind == ProgrammeKind.EXCHANGE
                ? ExchangeMatching.propose(round(programme), sectors(programme.id()))
                : Matching.propose(round(programme));
        long id = jdbc.sql("""
                        insert into pairing_proposal (programme_id, participants_version, proposal, made_by)
                        values (:p, :version, cast(:proposal as jsonb), :by)
                        returning id""")
                .param("p", programmeId)
                .param("version", programme.participantsVersion())
                .param("proposal", json.writeValueAsString(proposal))
                .param("by", Scope.currentCaller().email())
                .query(Long.class)
                .single();
        return get(id);
    }

    /** Each participant's sector code by reference, where the register records one. */
    private Map<String, String> sectors(long programmeId) {
        Map<String, String> sectors = new HashMap<>();
        for (Programmes.Participant p : programmes.participants(programmeId)) {
            if (p.sector() != null && !p.sector().isBlank()) {
                sectors.put(p.personRef(), p.sector());
            }
        }
        return sectors;
    }

    Optional<Stored> latest(long programmeId) {
        return jdbc.sql(SELECT + " where programme_id = :p order by id desc limit 1")
                .param("p", programmeId)
                .query(Row.class)
                .optional()
                .map(this::stored);
    }

    private Stored get(long id) {
        return stored(jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Row.class)
                .single());
    }

    private Stored stored(Row r) {
        return new Stored(
                r.id(),
                r.programmeId(),
                r.participantsVersion(),
                json.readValue(r.proposal(), Matching.Proposal.class),
                r.madeAt(),
                r.madeBy(),
                r.confirmedAt(),
                r.emailsSent(),
                r.emailsNotSent());
    }

    /**
     * Confirms the programme's latest proposal, opening a relationship for each pair in one
     * transaction, then emails both people of each pair. The emails go once the confirmation has
     * committed: without a mail server, or if it refuses them, the pairs still stand and the
     * proposal records how many emails did not go.
     */
    Confirmed confirm(long programmeId) {
        return confirm(programmeId, true);
    }

    /** As {@link #confirm(long)}; without {@code email} nobody is emailed (for the demo's invented people). */
    Confirmed confirm(long programmeId, boolean email) {
        Opened opened = transactions.execute(status -> open(programmeId, email));
        PairingMail.Sent sent = email
                ? mail.send(opened.letters())
                : new PairingMail.Sent(0, opened.letters().size());
        jdbc.sql("update pairing_proposal set emails_sent = :sent, emails_not_sent = :notSent where id = :id")
                .param("sent", sent.sent())
                .param("notSent", sent.notSent())
                .param("id", opened.proposalId())
                .update();
        return new Confirmed(
                opened.proposalId(), opened.relationships(), opened.alreadyOpen(), sent.sent(), sent.notSent());
    }

    private record Opened(long proposalId, int relationships, int alreadyOpen, List<PairingMail.Letter> letters) {}

    private Opened open(long programmeId, boolean email) {
        Programmes.Programme programme = programmes.lock(programmeId);
        Stored proposal = latest(programmeId)
                .orElseThrow(() -> new InvalidInput("proposal", "There is no proposal to confirm; run matching first"));
        if (proposal.participantsVersion() != programme.participantsVersion()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT,
                    "The participants, their preferences or the rules have changed since this proposal was made;"
                            + " run matching again and confirm the new proposal");
        }
        if (proposal.confirmed()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "This proposal has already been confirmed; nothing was changed");
        }
        Map<String, Programmes.Participant> byRef = new HashMap<>();
        programmes.participants(programmeId).forEach(p -> byRef.put(p.personRef(), p));
        record Existing(long giverId, long receiverId) {}
        Set<Existing> existing =
                new HashSet<>(jdbc.sql("select giver_id, receiver_id from relationship where programme_id = :p")
                        .param("p", programmeId)
                        .query(Existing.class)
                        .list());
        int opened = 0;
        int already = 0;
        List<PairingMail.Letter> letters = new ArrayList<>();
        for (Matching.Pair pair : proposal.proposal().pairs()) {
            // a proposal is confirmed only against the participants it was made from (checked above)
            Programmes.Participant mentor = Objects.requireNonNull(byRef.get(pair.mentor()));
            Programmes.Participant mentee = Objects.requireNonNull(byRef.get(pair.mentee()));
            if (existing.contains(new Existing(mentor.personId(), mentee.personId()))) {
                already++;
                continue;
            }
            relationships.open(programmeId, mentor.personId(), mentee.personId(), pair.rank(), email);
            opened++;
            letters.addAll(PairingMail.letters(programme, mentor, mentee));
        }
        jdbc.sql("update pairing_proposal set confirmed_at = now(), confirmed_by = :by where id = :id")
                .param("by", Scope.currentCaller().email())
                .param("id", proposal.id())
                .update();
        audit.record(
                "confirm",
                "pairing_proposal",
                proposal.id(),
                null,
                Map.of(
                        "programme_id",
                        programmeId,
                        "participants_version",
                        proposal.participantsVersion(),
                        "relationships_opened",
                        opened,
                        "pairs",
                        proposal.proposal().pairs()));
        return new Opened(proposal.id(), opened, already, letters);
    }

    /**
     * Locks a pair in or forbids it (rule {@code locked} or {@code forbidden}), replacing any rule
     * on the same pair. A lock that could not hold is refused now rather than at the next run.
     */
    @Transactional
    void setRule(long programmeId, @Nullable String mentorRef, @Nullable String menteeRef, @Nullable String rule) {
        Programmes.Programme programme = programmes.lock(programmeId);
        List<Problem> problems = new ArrayList<>();
        Map<String, Programmes.Participant> byRef = byLowerCaseRef(programmeId);
        Programmes.@Nullable Participant foundMentor = participant(byRef, mentorRef, "mentor", problems);
        Programmes.@Nullable Participant foundMentee = participant(byRef, menteeRef, "mentee", problems);
        if (!"locked".equals(rule) && !"forbidden".equals(rule)) {
            problems.add(Problem.of("rule", "Choose locked or forbidden"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        // participant(..) added a problem for each it did not find
        Programmes.Participant mentor = Objects.requireNonNull(foundMentor);
        Programmes.Participant mentee = Objects.requireNonNull(foundMentee);
        if ("locked".equals(rule)) {
            Matching.Round now = round(programme);
            List<Matching.Rule> rules = new ArrayList<>(now.rules().stream()
                    .filter(r -> !(r.mentor().equals(mentor.personRef())
                            && r.mentee().equals(mentee.personRef())))
                    .toList());
            rules.add(new Matching.Rule(mentor.personRef(), mentee.personRef(), true));
            List<Problem> contradictions = Matching.contradictions(
                    new Matching.Round(now.crossOrganisation(), now.mentors(), now.mentees(), rules));
            if (!contradictions.isEmpty()) {
                throw new InvalidInput(contradictions);
            }
        }
        jdbc.sql("""
                        insert into pairing_rule (programme_id, mentor_id, mentee_id, rule)
                        select :p, m.id, e.id, :rule
                          from programme_participant m, programme_participant e
                         where m.programme_id = :p and m.person_id = :mentor and e.programme_id = :p and e.person_id = :mentee
                        on conflict (mentor_id, mentee_id) do update set rule = excluded.rule""")
                .param("p", programmeId)
                .param("mentor", mentor.personId())
                .param("mentee", mentee.personId())
                .param("rule", rule)
                .update();
        programmes.changed(programmeId);
        audit.record(
                "locked".equals(rule) ? "lock" : "forbid",
                "pairing_rule",
                programmeId,
                null,
                Map.of("mentor", mentor.personRef(), "mentee", mentee.personRef()));
    }

    /** Removes the rule on a pair, if there is one. */
    @Transactional
    void removeRule(long programmeId, @Nullable String mentorRef, @Nullable String menteeRef) {
        programmes.lock(programmeId);
        List<Problem> problems = new ArrayList<>();
        Map<String, Programmes.Participant> byRef = byLowerCaseRef(programmeId);
        Programmes.@Nullable Participant foundMentor = participant(byRef, mentorRef, "mentor", problems);
        Programmes.@Nullable Participant foundMentee = participant(byRef, menteeRef, "mentee", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        // participant(..) added a problem for each it did not find
        Programmes.Participant mentor = Objects.requireNonNull(foundMentor);
        Programmes.Participant mentee = Objects.requireNonNull(foundMentee);
        int removed = jdbc.sql("""
                        delete from pairing_rule r
                         using programme_participant m, programme_participant e
                         where r.programme_id = :p and m.id = r.mentor_id and e.id = r.mentee_id
                           and m.person_id = :mentor and e.person_id = :mentee""")
                .param("p", programmeId)
                .param("mentor", mentor.personId())
                .param("mentee", mentee.personId())
                .update();
        if (removed > 0) {
            programmes.changed(programmeId);
            audit.record(
                    "remove",
                    "pairing_rule",
                    programmeId,
                    null,
                    Map.of("mentor", mentor.personRef(), "mentee", mentee.personRef()));
        }
    }

    private Map<String, Programmes.Participant> byLowerCaseRef(long programmeId) {
        Map<String, Programmes.Participant> byRef = new HashMap<>();
        programmes
                .participants(programmeId)
                .forEach(p -> byRef.put(p.personRef().toLowerCase(java.util.Locale.ROOT), p));
        return byRef;
    }

    private static Programmes.@Nullable Participant participant(
            Map<String, Programmes.Participant> byRef, @Nullable String ref, String role, List<Problem> problems) {
        if (ref == null || ref.isBlank()) {
            problems.add(Problem.of(role, "Give the " + role + "'s reference"));
            return null;
        }
        Programmes.Participant p = byRef.get(ref.trim().toLowerCase(java.util.Locale.ROOT));
        if (p == null || !p.role().equals(role)) {
            problems.add(Problem.of(role, "'" + ref.trim() + "' is not a " + role + " in this programme"));
            return null;
        }
        return p;
    }
}
