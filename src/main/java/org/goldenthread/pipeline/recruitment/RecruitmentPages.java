package org.goldenthread.pipeline.recruitment;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.people.CareerStage;
import org.goldenthread.people.Person;
import org.goldenthread.people.Profession;
import org.goldenthread.people.Professions;
import org.goldenthread.pipeline.Readiness;
import org.goldenthread.pipeline.equality.Disability;
import org.goldenthread.pipeline.equality.EthnicGroup;
import org.goldenthread.pipeline.equality.Sex;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Seat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Pages for recruitment rounds: the list, opening a round, a round with its applications, entering
 * and importing applications, moving them through the stages, appointing, and offering the talent
 * pool. Place leads see and run the rounds for their places' seats; appointing and the pool are the
 * ICS admin's.
 */
@Controller
class RecruitmentPages {

    private static final FormPage NEW_ROUND = new FormPage("pipeline/round-new");
    private static final FormPage APPLICATION = new FormPage("pipeline/application-new");
    private static final FormPage APPOINT = new FormPage("pipeline/appoint");
    private static final FormPage OFFER = new FormPage("pipeline/talent-offer");

    private final Rounds rounds;
    private final Applications applications;
    private final Professions professions;
    private final Forums forums;
    private final Clock clock;
    private final ApplicationImports imports;
    private final Jobs jobs;
    private final ObjectMapper json;

    RecruitmentPages(
            Rounds rounds,
            Applications applications,
            Professions professions,
            Forums forums,
            Clock clock,
            ApplicationImports imports,
            Jobs jobs,
            ObjectMapper json) {
        this.imports = imports;
        this.jobs = jobs;
        this.json = json;
        this.rounds = rounds;
        this.applications = applications;
        this.professions = professions;
        this.forums = forums;
        this.clock = clock;
    }

    private static Footprint footprint() {
        return Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
    }

    private static boolean isAdmin() {
        return Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id());
    }

    private static String roundPath(long id) {
        return "/ics/" + Scope.currentTenant().odsCode() + "/recruitment/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/recruitment")
    String list(@PathVariable String ods, Model model) {
        Footprint footprint = footprint();
        model.addAttribute("rounds", rounds.rounds(footprint));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("placesInSight", footprint.places());
        return "pipeline/rounds";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/recruitment/new")
    String newRound(@PathVariable String ods, Model model) {
        return NEW_ROUND.show(seatChoices(model), RoundForm.empty());
    }

    private Model seatChoices(Model model) {
        LocalDate today = LocalDate.now(clock);
        List<Choice> seats = new ArrayList<>();
        for (SeatChoice s : rounds.seatsToOffer(footprint(), today)) {
            String why =
                    s.vacant() ? " (vacant)" : s.endsOn() == null ? "" : " (term ends " + Dates.day(s.endsOn()) + ")";
            seats.add(new Choice(String.valueOf(s.seatId()), s.forum() + ": " + s.title() + why));
        }
        model.addAttribute("seats", seats);
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/recruitment/new")
    String openRound(@PathVariable String ods, RoundForm form, Model model, RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            Long seatId = FormValues.id(form.seatId());
            Seat seat = null;
            if (seatId == null) {
                problems.add(Problem.of("seat_id", "Choose the seat to recruit to"));
            } else {
                try {
                    seat = forums.seat(seatId);
                } catch (NotFound e) {
                    problems.add(Problem.of("seat_id", "Choose the seat to recruit to"));
                }
            }
            LocalDate opens = FormValues.date("opens_on", "Advert opens", form.opensOn(), problems);
            LocalDate closes = FormValues.date("closes_on", "Advert closes", form.closesOn(), problems);
            // said here too, so that a form with no seat chosen lists every missing answer at once
            if (FormValues.text(form.opensOn()) == null) {
                problems.add(Problem.of("opens_on", "Enter the date the advert opens"));
            }
            if (FormValues.text(form.closesOn()) == null) {
                problems.add(Problem.of("closes_on", "Enter the date the advert closes"));
            }
            if (!problems.isEmpty() || seat == null) {
                throw new InvalidInput(problems);
            }
            Round round = rounds.open(
                    new RoundDetails(seat.forum(), seat.title(), opens, closes, form.roleDescription()), footprint());
            redirect.addFlashAttribute(
                    "success", "A round for " + round.seat() + " on " + round.forum() + " was opened.");
            return "redirect:" + roundPath(round.id());
        } catch (InvalidInput e) {
            List<Problem> onPage = e.problems().stream()
                    .map(p -> "forum".equals(p.field()) || "seat".equals(p.field())
                            ? new Problem(p.row(), "seat_id", p.reason())
                            : p)
                    .toList();
            return NEW_ROUND.showAgain(seatChoices(model), form, new InvalidInput(onPage));
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/recruitment/{id}")
    String round(
            @PathVariable String ods, @PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        return shown(model, rounds.round(id, footprint()), page);
    }

    static final int APPLICATIONS_PER_PAGE = 15;

    private String shown(Model model, Round round) {
        return shown(model, round, 1);
    }

    /** The round, with one page of its applications; the counts and who was appointed are over them all. */
    private String shown(Model model, Round round, int page) {
        List<Application> all = applications.of(round, footprint());
        model.addAttribute("round", round);
        model.addAttribute(
                "applications", ListPage.of(all, page, APPLICATIONS_PER_PAGE, roundPath(round.id()), Map.of()));
        // an application imported as appointed may still want its appointment put in the register
        List<Long> appointed = all.stream()
                .filter(a -> Stage.APPOINTED.code().equals(a.stage()))
                .map(Application::id)
                .toList();
        model.addAttribute("appointed", appointed);
        model.addAttribute("appointedAlready", !appointed.isEmpty());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("isAdmin", isAdmin());
        model.addAttribute("stageLabels", Coded.labels(Stage.class));
        model.addAttribute("careerStageLabels", Coded.labels(CareerStage.class));
        model.addAttribute("professionNames", professions.names());
        model.addAttribute("movableStages", List.of(Stage.APPLIED, Stage.SHORTLISTED, Stage.WITHDRAWN));
        model.addAttribute("columns", ApplicationsFile.COLUMNS);
        return "pipeline/round";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/recruitment/{id}/import")
    String importFile(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(required = false) MultipartFile file,
            Model model)
            throws IOException {
        Footprint footprint = footprint();
        Round round = rounds.round(id, footprint);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problems", List.of(Problem.of("file", "Choose a CSV file to import")));
            return shown(model, round);
        }
        String name = file.getOriginalFilename();
        Job job = imports.start(
                round, name == null || name.isBlank() ? "applications.csv" : name, file.getBytes(), footprint);
        jobs.await(job.id(), ApplicationImports.PATIENCE);
        return "redirect:" + job.link();
    }

    /** One import into the round: its progress while it runs, then its outcome or its problems. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/recruitment/{id}/imports/{jobId}")
    String importJob(@PathVariable String ods, @PathVariable long id, @PathVariable long jobId, Model model) {
        Round round = rounds.round(id, footprint());
        Job job = jobs.visible(jobId);
        if (!job.shownAt(ApplicationImports.link(Scope.currentTenant().odsCode(), id))) {
            throw new NotFound("There is no import " + jobId + " into this round");
        }
        model.addAttribute("fileName", job.subject());
        switch (job.state()) {
            case DONE -> model.addAttribute("outcome", json.treeToValue(job.result(), ApplicationsFile.Outcome.class));
            case FAILED, INTERRUPTED -> {
                FormPage.showFileProblems(model, job.problems());
            }
            default -> model.addAttribute("job", job);
        }
        return shown(model, round);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/recruitment/{id}/applications/new")
    String newApplication(@PathVariable String ods, @PathVariable long id, Model model) {
        return APPLICATION.show(applicationChoices(model, rounds.round(id, footprint())), ApplicationForm.empty());
    }

    private Model applicationChoices(Model model, Round round) {
        model.addAttribute("round", round);
        model.addAttribute(
                "professions",
                professions.all().stream()
                        .sorted(Comparator.comparing(Profession::name))
                        .map(p -> new Choice(p.code(), p.name()))
                        .toList());
        model.addAttribute("careerStages", Choice.of(CareerStage.class));
        model.addAttribute("stages", List.of(Stage.APPLIED, Stage.SHORTLISTED, Stage.WITHDRAWN));
        model.addAttribute("ethnicGroups", Choice.of(EthnicGroup.class));
        model.addAttribute("sexes", Choice.of(Sex.class));
        model.addAttribute("disabilities", Choice.of(Disability.class));
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/recruitment/{id}/applications/new")
    String enterApplication(
            @PathVariable String ods,
            @PathVariable long id,
            ApplicationForm form,
            Model model,
            RedirectAttributes redirect) {
        Footprint footprint = footprint();
        Round round = rounds.round(id, footprint);
        try {
            String given = FormValues.text(form.applicantRef());
            if (Stage.APPOINTED.code().equals(FormValues.text(form.stage()))) {
                throw new InvalidInput("stage", "Enter the application, then appoint from the round's page");
            }
            Application a = applications.enter(
                    round, form.details(given == null ? applications.nextReference(round) : given), footprint);
            redirect.addFlashAttribute("success", a.fullName() + "'s application was added.");
            return "redirect:" + roundPath(id);
        } catch (InvalidInput e) {
            model.addAttribute("answersCleared", form.answered());
            return APPLICATION.showAgain(applicationChoices(model, round), form.withoutAnswers(), e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/recruitment/{id}/applications/{application}/stage")
    String changeStage(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long application,
            @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            RedirectAttributes redirect) {
        Footprint footprint = footprint();
        Round round = rounds.round(id, footprint);
        try {
            Application a = applications.changeStage(round, application, stage, footprint);
            redirect.addFlashAttribute(
                    "success",
                    a.fullName() + " is now "
                            + Coded.parse(Stage.class, a.stage())
                                    .map(Stage::label)
                                    .orElse(a.stage())
                                    .toLowerCase(java.util.Locale.UK)
                            + ".");
            // back to the page of applications the change was made on
            return "redirect:" + roundPath(id) + (page > 1 ? "?page=" + page : "");
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("plainReasons", true);
            return shown(model, round, page);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/recruitment/{id}/applications/{application}/appoint")
    String appointing(@PathVariable String ods, @PathVariable long id, @PathVariable long application, Model model) {
        Round round = rounds.round(id, Footprint.wholeIcs());
        return APPOINT.show(applicant(model, round, application), AppointingForm.empty());
    }

    private Model applicant(Model model, Round round, long application) {
        Application applicant = applications.application(round, application);
        model.addAttribute("round", round);
        model.addAttribute("applicant", applicant);
        Person holder = applications.addressHolder(applicant).orElse(null);
        model.addAttribute("addressHolder", holder);
        model.addAttribute(
                "heldByAnother",
                holder == null || Applications.sameName(holder, applicant)
                        ? null
                        : Applications.heldByAnother(applicant, holder));
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/recruitment/{id}/applications/{application}/appoint")
    String appoint(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long application,
            AppointingForm form,
            Model model,
            RedirectAttributes redirect) {
        Round round = rounds.round(id, Footprint.wholeIcs());
        try {
            List<Problem> problems = new ArrayList<>();
            LocalDate start = FormValues.date("start_date", "Start date", form.startDate(), problems);
            LocalDate end = FormValues.date("end_date", "End date", form.endDate(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            Application a = applications.appoint(round, application, start, end);
            redirect.addFlashAttribute(
                    "success",
                    a.fullName() + " was appointed to " + round.seat() + " on " + round.forum() + " from "
                            + Dates.day(Objects.requireNonNull(start, "appoint refuses no start"))
                            + ". The appointment is in the register.");
            return "redirect:" + roundPath(id);
        } catch (InvalidInput e) {
            return APPOINT.showAgain(applicant(model, round, application), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/recruitment/{id}/applications/{application}/talent-pool")
    String offering(@PathVariable String ods, @PathVariable long id, @PathVariable long application, Model model) {
        Round round = rounds.round(id, Footprint.wholeIcs());
        model.addAttribute("readinesses", Choice.of(Readiness.class));
        return OFFER.show(applicant(model, round, application), PoolOfferForm.empty());
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/recruitment/{id}/applications/{application}/talent-pool")
    String offer(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long application,
            PoolOfferForm form,
            Model model,
            RedirectAttributes redirect) {
        Round round = rounds.round(id, Footprint.wholeIcs());
        try {
            Application a = applications.offerTalentPool(
                    round,
                    application,
                    Coded.parse(Readiness.class, form.readiness()).orElse(null),
                    "true".equals(form.consentToContact()));
            redirect.addFlashAttribute("success", a.fullName() + " was added to the talent pool.");
            return "redirect:" + roundPath(id);
        } catch (InvalidInput e) {
            model.addAttribute("readinesses", Choice.of(Readiness.class));
            return OFFER.showAgain(applicant(model, round, application), form, e);
        }
    }
}
