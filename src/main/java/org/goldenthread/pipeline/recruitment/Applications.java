package org.goldenthread.pipeline.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.AppointmentDetails;
import org.goldenthread.people.Person;
import org.goldenthread.people.PersonDetails;
import org.goldenthread.people.Professions;
import org.goldenthread.people.Register;
import org.goldenthread.people.Route;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.pipeline.TalentPool;
import org.goldenthread.pipeline.equality.Answers;
import org.goldenthread.pipeline.equality.EqualityAnswers;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Progress;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The applications to a round: entered one at a time or imported from a recruitment system's file
 * (the same applicant reference again updates its application), moved through the stages, and
 * ending in an appointment in the register or, for those not appointed, a place in the talent pool.
 * Equality answers go to {@link EqualityAnswers} and are never read back here; the audit log
 * records only which applications' answers changed.
 *
 * <p>A place lead links applicants only to people in the register of the places they lead, and sees
 * an applicant's person and place in the talent pool only for those people: anything more would let
 * them try references and learn about people they may not see.
 */
@Service
public class Applications {

    private static final String APPLICATIONS = """
            select a.id, a.round_id, a.applicant_ref, a.person_id, a.given_name, a.family_name, a.email,
                   a.profession, a.career_stage, a.stage, a.appointment_id,
                   exists (select 1 from talent t where t.person_id = a.person_id) as in_talent_pool
              from recruitment_application a""";

    private final JdbcClient jdbc;
    private final Professions professions;
    private final Register register;
    private final EqualityAnswers equality;
    private final TalentPool talentPool;
    private final Audit audit;
    private final ObjectMapper json;

    Applications(
            JdbcClient jdbc,
            Professions professions,
            Register register,
            EqualityAnswers equality,
            TalentPool talentPool,
            Audit audit,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.professions = professions;
        this.register = register;
        this.equality = equality;
        this.talentPool = talentPool;
        this.audit = audit;
        this.json = json;
    }

    private static RowMapper<Application> rows(Round round) {
        return (rs, n) -> new Application(
                rs.getLong("id"),
                rs.getLong("round_id"),
                rs.getString("applicant_ref"),
                rs.getObject("person_id", Long.class),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getString("email"),
                rs.getString("profession"),
                rs.getString("career_stage"),
                rs.getString("stage"),
                rs.getObject("appointment_id", Long.class),
                round.admits(rs.getString("profession")),
                rs.getBoolean("in_talent_pool"));
    }

    /** The round's applications, by family name, as the footprint may see them. */
    public List<Application> of(Round round, Footprint footprint) {
        return inSight(of(round), footprint);
    }

    private List<Application> of(Round round) {
        return jdbc.sql(APPLICATIONS
                        + " where a.round_id = :round order by a.family_name, a.given_name, a.applicant_ref")
                .param("round", round.id())
                .query(rows(round))
                .list();
    }

    /**
     * The applications with the person and their place in the talent pool left out where the person is
     * outside the footprint: an admin may have linked an applicant to someone the place lead may not see.
     */
    private List<Application> inSight(List<Application> all, Footprint footprint) {
        if (footprint.isWholeIcs() || all.stream().allMatch(a -> a.personId() == null)) {
            return all;
        }
        Set<Long> visible = new HashSet<>();
        register.people(footprint).forEach(p -> visible.add(p.id()));
        return all.stream()
                .map(a -> a.personId() == null || visible.contains(a.personId()) ? a : a.withoutPerson())
                .toList();
    }

    /** One application as the ICS admin sees it: for appointing and the talent pool, which are theirs. */
    public Application application(Round round, long id) {
        return jdbc.sql(APPLICATIONS + " where a.round_id = :round and a.id = :id")
                .param("round", round.id())
                .param("id", id)
                .query(rows(round))
                .optional()
                .orElseThrow(() -> new NotFound("No application with id " + id + " in this round"));
    }

    /**
     * Adds one application, as entered on a page; its reference must be new to the round, and a person
     * reference one of the footprint's register.
     */
    @Transactional
    public Application enter(Round round, ApplicantDetails details, Footprint footprint) {
        Map<String, Application> existing = existing(round);
        List<Problem> problems = new ArrayList<>(
                details.check(professions, registerRefs(List.of(details), footprint), footprint.isWholeIcs()));
        String ref = ApplicantDetails.clean(details.applicantRef());
        if (ref != null && existing.containsKey(ref)) {
            problems.add(
                    Problem.of("applicant_ref", "This round already has an application with the reference " + ref));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        store(round, List.of(details), existing, footprint);
        Application entered = application(
                round, Objects.requireNonNull(existing(round).get(ref)).id());
        return inSight(List.of(entered), footprint).get(0);
    }

    /** A reference for an application entered without one: the next free "entered-n" in the round. */
    String nextReference(Round round) {
        Set<String> taken = existing(round).keySet();
        int n = taken.size() + 1;
        while (taken.contains("entered-" + n)) {
            n++;
        }
        return "entered-" + n;
    }

    /**
     * Imports a recruitment system's file for a round: every row is checked first, and one problem
     * anywhere means nothing changes. A person reference must be one of the footprint's register.
     */
    @Transactional
    public ApplicationsFile.Outcome importFile(Round round, byte[] bytes, Footprint footprint) {
        return importFile(round, bytes, footprint, Progress.NONE);
    }

    /** As above, reporting the rows read, checked and stored as it goes. */
    @Transactional
    public ApplicationsFile.Outcome importFile(Round round, byte[] bytes, Footprint footprint, Progress progress) {
        // one import of a round at a time, so two uploads cannot race to add the same applicant
        jdbc.sql("select pg_advisory_xact_lock(hashtext('recruitment-import'), cast(:round as integer))")
                .param("round", round.id() % Integer.MAX_VALUE)
                .query(Object.class)
                .single();
        List<ApplicantDetails> rows = ApplicationsFile.read(bytes);
        progress.expect(rows.size());
        progress.read(rows.size());
        Map<String, Application> existing = existing(round);
        Map<String, Long> refs = registerRefs(rows, footprint);
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (ApplicantDetails row : rows) {
            problems.addAll(row.check(professions, refs, footprint.isWholeIcs()));
            String ref = ApplicantDetails.clean(row.applicantRef());
            if (ref == null) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(ref, row.row());
            if (first != null) {
                problems.add(
                        new Problem(row.row(), "applicant_ref", "The applicant " + ref + " is also on row " + first));
            }
            Application before = existing.get(ref);
            String stage = ApplicantDetails.clean(row.stage());
            if (before != null && before.appointmentId() != null && stage != null && !stage.equals("appointed")) {
                problems.add(new Problem(
                        row.row(),
                        "stage",
                        before.fullName() + " was appointed from this round and the appointment is in the register,"
                                + " so the stage stays appointed"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((Problem p) -> p.row() == null ? 0 : p.row())
                    .thenComparing(p -> p.field() == null ? -1 : ApplicationsFile.COLUMNS.indexOf(p.field())));
            throw new InvalidInput(ApplicationsFile.capped(problems));
        }
        progress.checked(rows.size());
        ApplicationsFile.Outcome outcome = store(round, rows, existing, footprint);
        progress.stored(rows.size());
        return outcome;
    }

    private Map<String, Application> existing(Round round) {
        Map<String, Application> byRef = new HashMap<>();
        of(round).forEach(a -> byRef.put(a.applicantRef(), a));
        return byRef;
    }

    /**
     * The people in the footprint's register by reference, read only when a row names one. Someone
     * outside it is left out, so that their reference is answered as one nobody has.
     */
    private Map<String, Long> registerRefs(List<ApplicantDetails> rows, Footprint footprint) {
        if (rows.stream().allMatch(r -> ApplicantDetails.clean(r.personRef()) == null)) {
            return Map.of();
        }
        Map<String, Long> refs = new HashMap<>();
        register.people(footprint).forEach(p -> refs.put(p.personRef(), p.id()));
        return refs;
    }

    /** Adds the new applicants and updates those that differ, then records everyone's answers. */
    private ApplicationsFile.Outcome store(
            Round round, List<ApplicantDetails> rows, Map<String, Application> existing, Footprint footprint) {
        Map<String, Long> refs = registerRefs(rows, footprint);
        List<Map<String, Object>> changed = new ArrayList<>();
        List<Audit.Change> changes = new ArrayList<>();
        Map<String, Answers> answers = new LinkedHashMap<>();
        int added = 0;
        int updated = 0;
        for (ApplicantDetails row : rows) {
            String ref = Objects.requireNonNull(ApplicantDetails.clean(row.applicantRef()));
            Application before = existing.get(ref);
            String personRef = ApplicantDetails.clean(row.personRef());
            Long personId = personRef == null ? (before == null ? null : before.personId()) : refs.get(personRef);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("applicant_ref", ref);
            values.put("person_id", personId);
            values.put("given_name", ApplicantDetails.clean(row.givenName()));
            values.put("family_name", ApplicantDetails.clean(row.familyName()));
            values.put("email", ApplicantDetails.clean(row.email()));
            values.put("profession", ApplicantDetails.clean(row.profession()));
            values.put("career_stage", ApplicantDetails.clean(row.careerStage()));
            values.put("stage", row.stageCode().code());
            answers.put(ref, row.answers());
            if (before == null) {
                added++;
                changed.add(values);
            } else if (differs(before, values)) {
                updated++;
                changed.add(values);
                changes.add(new Audit.Change(
                        "recruitment_application.updated", "recruitment_application", before.id(), before, values));
            }
        }
        Map<String, Long> ids = new HashMap<>();
        existing.forEach((ref, a) -> ids.put(ref, a.id()));
        if (!changed.isEmpty()) {
            Map<String, Map<String, Object>> byRef = new HashMap<>();
            changed.forEach(v -> byRef.put((String) v.get("applicant_ref"), v));
            jdbc.sql("""
                            insert into recruitment_application (round_id, applicant_ref, person_id, given_name,
                                   family_name, email, profession, career_stage, stage)
                            select :round, r.applicant_ref, r.person_id, r.given_name, r.family_name, r.email,
                                   r.profession, r.career_stage, r.stage
                              from jsonb_to_recordset(cast(:rows as jsonb)) as r(applicant_ref text, person_id bigint,
                                   given_name text, family_name text, email text, profession text, career_stage text,
                                   stage text)
                            on conflict (ics_id, round_id, applicant_ref) do update
                               set person_id = excluded.person_id, given_name = excluded.given_name,
                                   family_name = excluded.family_name, email = excluded.email,
                                   profession = excluded.profession, career_stage = excluded.career_stage,
                                   stage = excluded.stage
                            returning id, applicant_ref, (xmax = 0) as inserted""")
                    .param("round", round.id())
                    .param("rows", json.writeValueAsString(changed))
                    .query((rs, n) -> {
                        ids.put(rs.getString("applicant_ref"), rs.getLong("id"));
                        if (rs.getBoolean("inserted")) {
                            changes.add(new Audit.Change(
                                    "recruitment_application.created",
                                    "recruitment_application",
                                    rs.getLong("id"),
                                    null,
                                    byRef.get(rs.getString("applicant_ref"))));
                        }
                        return rs.getLong("id");
                    })
                    .list();
        }
        Map<Long, Answers> byApplication = new LinkedHashMap<>();
        answers.forEach((ref, a) -> byApplication.put(ids.get(ref), a));
        for (Long id : equality.recordForApplications(byApplication)) {
            // that the answers changed, never what they are
            changes.add(new Audit.Change("equality_answer.changed", "recruitment_application", id, null, null));
        }
        audit.recordAll(changes);
        return new ApplicationsFile.Outcome(rows.size(), added, updated, rows.size() - added - updated);
    }

    private static boolean differs(Application before, Map<String, Object> after) {
        return !Objects.equals(before.personId(), after.get("person_id"))
                || !Objects.equals(before.givenName(), after.get("given_name"))
                || !Objects.equals(before.familyName(), after.get("family_name"))
                || !Objects.equals(before.email(), after.get("email"))
                || !Objects.equals(before.profession(), after.get("profession"))
                || !Objects.equals(before.careerStage(), after.get("career_stage"))
                || !Objects.equals(before.stage(), after.get("stage"));
    }

    /**
     * Moves an application to shortlisted, back to applied, or to withdrawn. Appointing has its own
     * step, since it makes an appointment in the register; an appointed application stays so.
     */
    @Transactional
    public Application changeStage(Round round, long id, @Nullable String stage, Footprint footprint) {
        Application before = application(round, id);
        Stage to = org.goldenthread.platform.Coded.parse(Stage.class, stage).orElse(null);
        if (to == null) {
            throw new InvalidInput("stage", "Choose the stage: applied, shortlisted or withdrawn");
        }
        if (to == Stage.APPOINTED) {
            throw new InvalidInput("stage", "Appoint an applicant with the start date of their appointment");
        }
        if (before.appointmentId() != null) {
            throw new InvalidInput(
                    "stage", before.fullName() + " was appointed from this round, so the stage stays appointed");
        }
        jdbc.sql("update recruitment_application set stage = :stage where id = :id")
                .param("stage", to.code())
                .param("id", id)
                .update();
        Application after = application(round, id);
        audit.record("recruitment_application.updated", "recruitment_application", id, before, after);
        return inSight(List.of(after), footprint).get(0);
    }

    /**
     * Appoints an applicant to the round's seat: the appointment goes into the register by open
     * recruitment, starting on the day given, and an applicant not yet in the register is added to it
     * first. One appointment a round.
     */
    @Transactional
    public Application appoint(Round round, long id, @Nullable LocalDate start, @Nullable LocalDate end) {
        Application before = application(round, id);
        if (Stage.WITHDRAWN.code().equals(before.stage())) {
            throw new InvalidInput("stage", before.fullName() + " withdrew, so cannot be appointed");
        }
        if (before.appointmentId() != null) {
            throw new InvalidInput("stage", before.fullName() + " has been appointed already");
        }
        of(round).stream()
                .filter(a -> a.id() != id && Stage.APPOINTED.code().equals(a.stage()))
                .findFirst()
                .ifPresent(a -> {
                    throw new InvalidInput(
                            "stage", a.fullName() + " has been appointed from this round; a round fills one seat");
                });
        if (start == null) {
            throw new InvalidInput("start_date", "Enter the date the appointment starts");
        }
        long personId = personOf(round, before);
        Appointment appointment = register.appoint(
                personId,
                new AppointmentDetails(
                        round.seatId(), start, end, Route.OPEN_RECRUITMENT.code(), null, null, null, null));
        jdbc.sql("""
                        update recruitment_application set stage = 'appointed', appointment_id = :appointment,
                               person_id = :person where id = :id""")
                .param("appointment", appointment.id())
                .param("person", personId)
                .param("id", id)
                .update();
        Application after = application(round, id);
        audit.record("recruitment_application.appointed", "recruitment_application", id, before, after);
        return after;
    }

    /** Offers an applicant who was not appointed a place in the talent pool, adding them to the register if need be. */
    @Transactional
    public Application offerTalentPool(Round round, long id, @Nullable Readiness readiness, boolean consentToContact) {
        Application before = application(round, id);
        if (!before.unsuccessful()) {
            throw new InvalidInput(
                    "readiness", before.fullName() + " was appointed from this round, so is not offered the pool");
        }
        if (Boolean.TRUE.equals(before.inTalentPool())) {
            throw new InvalidInput("readiness", before.fullName() + " is in the talent pool already");
        }
        if (readiness == null) {
            throw new InvalidInput("readiness", "Choose how ready they are for a role like this");
        }
        // The address they would be in the pool by: their register entry's, or the one they applied with.
        // An applicant not linked to the register would otherwise come in again as a second entry.
        Long linked = before.personId();
        String address = linked != null ? register.person(linked).email() : before.email();
        Optional<Person> holder = talentPool.holderOf(address);
        if (holder.isPresent()) {
            throw new InvalidInput(
                    "readiness",
                    before.fullName() + "'s address is in the talent pool already, as "
                            + holder.get().fullName() + " (" + holder.get().personRef()
                            + "), so they are not added again");
        }
        talentPool.addApplicant(personOf(round, before), readiness, consentToContact);
        return application(round, id);
    }

    /**
     * The applicant's person in the register: the one the application is linked to; else the entry
     * that stands for the applicant's address (the one added first, as everywhere else), when it has
     * the applicant's name; else a new entry (without appointments). An address held by someone of
     * another name is refused rather than guessed at: appointing the wrong person, or a second entry
     * for the right one, would both be worse than asking.
     */
    private long personOf(Round round, Application application) {
        Long linked = application.personId();
        if (linked != null) {
            return linked;
        }
        Person holder = addressHolder(application).orElse(null);
        if (holder != null) {
            if (!sameName(holder, application)) {
                throw new InvalidInput("email", heldByAnother(application, holder));
            }
            link(application, holder.id());
            return holder.id();
        }
        Set<String> taken = new HashSet<>();
        register.people().forEach(p -> taken.add(p.personRef()));
        Person added = register.addPerson(new PersonDetails(
                personRef(round, application.applicantRef(), taken),
                application.givenName(),
                application.familyName(),
                application.email(),
                application.profession(),
                null,
                null,
                null,
                null,
                application.careerStage(),
                null));
        link(application, added.id());
        return added.id();
    }

    private void link(Application application, long personId) {
        jdbc.sql("update recruitment_application set person_id = :person where id = :id")
                .param("person", personId)
                .param("id", application.id())
                .update();
    }

    /** The register entry an application not linked to one would be linked to by its address, if any. */
    Optional<Person> addressHolder(Application application) {
        String email = application.email();
        return application.personId() != null || email == null || email.isBlank()
                ? Optional.empty()
                : register.personByEmail(email);
    }

    /** Why an applicant whose address is held by someone of another name cannot be appointed yet, and what to do. */
    static String heldByAnother(Application application, Person holder) {
        return application.fullName() + "'s address is in the register already, as " + holder.fullName() + " ("
                + holder.personRef() + "). If they are the same person, import the application again (applicant_ref "
                + application.applicantRef() + ") with person_ref " + holder.personRef()
                + "; if not, import it again with the applicant's own address";
    }

    static boolean sameName(Person person, Application application) {
        return person.givenName()
                        .trim()
                        .equalsIgnoreCase(application.givenName().trim())
                && person.familyName()
                        .trim()
                        .equalsIgnoreCase(application.familyName().trim());
    }

    /**
     * The register reference for a new person from a round: the applicant's own reference when no one
     * in the register has it, otherwise prefixed with the round ("R12-A0042"), numbered if need be.
     */
    static String personRef(Round round, String applicantRef, Set<String> taken) {
        if (!taken.contains(applicantRef)) {
            return applicantRef;
        }
        String prefixed = "R" + round.id() + "-" + applicantRef;
        String ref = prefixed.length() > 56 ? prefixed.substring(0, 56) : prefixed;
        String candidate = ref;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = ref + "-" + n;
        }
        return candidate;
    }
}
