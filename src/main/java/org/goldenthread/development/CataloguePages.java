package org.goldenthread.development;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldenthread.people.CareerStage;
import org.goldenthread.people.Person;
import org.goldenthread.people.Profession;
import org.goldenthread.people.Professions;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.IcsMap;
import org.goldenthread.structure.Level;
import org.goldenthread.structure.Place;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The ICS admin's pages for the development catalogue: its offers, adding and changing them,
 * retiring, the catalogue file, and each offer's enrolments. Place leads do not keep the catalogue:
 * an offer serves the whole ICS even when its provider works in one place.
 */
@Controller
class CataloguePages {

    private static final FormPage OFFER = new FormPage("development/offer-edit");
    private static final FormPage ENROLMENTS = new FormPage("development/enrolments");

    private final Catalogue catalogue;
    private final CatalogueFile file;
    private final Enrolments enrolments;
    private final Register register;
    private final Professions professions;
    private final IcsMap map;
    private final DevelopmentApi api;
    private final DevelopmentPages pages;
    private final Clock clock;
    private final DevelopmentImports imports;
    private final Jobs jobs;
    private final ObjectMapper json;

    CataloguePages(
            Catalogue catalogue,
            CatalogueFile file,
            Enrolments enrolments,
            Register register,
            Professions professions,
            IcsMap map,
            DevelopmentApi api,
            DevelopmentPages pages,
            Clock clock,
            DevelopmentImports imports,
            Jobs jobs,
            ObjectMapper json) {
        this.imports = imports;
        this.jobs = jobs;
        this.json = json;
        this.catalogue = catalogue;
        this.file = file;
        this.enrolments = enrolments;
        this.register = register;
        this.professions = professions;
        this.map = map;
        this.api = api;
        this.pages = pages;
        this.clock = clock;
    }

    private static String catalogueUrl() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/development/catalogue";
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/development/catalogue")
    String catalogue(@PathVariable String ods, Model model) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Integer> taken = enrolments.placesTaken();
        model.addAttribute(
                "listings",
                catalogue.offers().stream()
                        .map(o -> Listing.of(o, taken.getOrDefault(o.id(), 0), today))
                        .toList());
        model.addAttribute("columns", CatalogueFile.COLUMNS);
        pages.labels(model);
        return "development/catalogue";
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/development/catalogue/new")
    String newOffer(@PathVariable String ods, Model model) {
        return OFFER.show(choices(model), OfferForm.empty());
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/catalogue/new")
    String add(@PathVariable String ods, OfferForm form, Model model, RedirectAttributes redirect) {
        try {
            Offer offer = catalogue.add(form.details(false));
            redirect.addFlashAttribute("success", offer.title() + " was added to the catalogue.");
            return "redirect:" + catalogueUrl();
        } catch (InvalidInput e) {
            return OFFER.showAgain(choices(model), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/development/catalogue/{id}/edit")
    String edit(@PathVariable String ods, @PathVariable long id, Model model) {
        Offer offer = catalogue.offer(id);
        model.addAttribute("offer", offer);
        return OFFER.show(choices(model), OfferForm.of(offer));
    }

    /** How many wait for a place on an offer: more places on it move some of them up. */
    private long waiting(long offerId) {
        return enrolments.forOffer(offerId).stream()
                .filter(e -> e.is(EnrolmentStatus.WAITLISTED))
                .count();
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/catalogue/{id}/edit")
    String update(
            @PathVariable String ods, @PathVariable long id, OfferForm form, Model model, RedirectAttributes redirect) {
        Offer before = catalogue.offer(id);
        try {
            long waitingBefore = waiting(id);
            Offer offer = catalogue.update(id, form.details(before.retired()));
            long offered = waitingBefore - waiting(id);
            redirect.addFlashAttribute(
                    "success",
                    offer.title() + " was saved."
                            + (offered == 0
                                    ? ""
                                    : offered == 1
                                            ? " The place that came free was offered to the first person on the"
                                                    + " waitlist."
                                            : " The " + offered + " places that came free were offered to the first "
                                                    + offered + " people on the waitlist."));
            return "redirect:" + catalogueUrl();
        } catch (InvalidInput e) {
            model.addAttribute("offer", before);
            return OFFER.showAgain(choices(model), form, e);
        }
    }

    private Model choices(Model model) {
        model.addAttribute("kinds", Choice.of(OfferKind.class));
        model.addAttribute("scopes", Choice.of(ProviderScope.class));
        model.addAttribute("deliveries", Choice.of(Delivery.class));
        model.addAttribute("payers", Choice.of(PaidBy.class));
        model.addAttribute(
                "places",
                map.places().stream()
                        .map(Place::name)
                        .map(n -> new Choice(n, n))
                        .toList());
        model.addAttribute(
                "professionChoices",
                professions.all().stream()
                        .sorted(Comparator.comparing(Profession::name))
                        .map(p -> new Choice(p.code(), p.name()))
                        .toList());
        Set<String> groups = new LinkedHashSet<>();
        professions.all().stream().map(Profession::professionGroup).sorted().forEach(groups::add);
        model.addAttribute(
                "groupChoices", groups.stream().map(g -> new Choice(g, g)).toList());
        model.addAttribute("stageChoices", Choice.of(CareerStage.class));
        model.addAttribute("levelChoices", Choice.of(Level.class));
        model.addAttribute("sectorChoices", Choice.of(Sector.class));
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/catalogue/{id}/retirement")
    String retire(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(defaultValue = "true") boolean retired,
            RedirectAttributes redirect) {
        Offer offer = catalogue.retire(id, retired);
        redirect.addFlashAttribute(
                "success",
                offer.title()
                        + (retired
                                ? " was retired: nobody can find it or apply for it now."
                                : " is back in the catalogue."));
        return "redirect:" + catalogueUrl();
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/development/catalogue/download")
    ResponseEntity<byte[]> download(@PathVariable String ods, @RequestParam(defaultValue = "csv") String format) {
        return api.download(ods, format);
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/catalogue/import")
    String importFile(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute(
                    "problems", List.of(Problem.of("file", "Choose a CSV or JSON catalogue file to import")));
            return catalogue(ods, model);
        }
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        List<OfferDetails> rows;
        try {
            rows = name.endsWith(".json") ? this.file.fromJson(file.getBytes()) : this.file.fromCsv(file.getBytes());
        } catch (InvalidInput e) {
            return importProblems(file.getOriginalFilename(), e.problems(), ods, model);
        }
        String fileName = file.getOriginalFilename();
        Job job = imports.startCatalogue(fileName == null || fileName.isBlank() ? "catalogue.csv" : fileName, rows);
        jobs.await(job.id(), DevelopmentImports.PATIENCE);
        return importShown(jobs.visible(job.id()), ods, model, redirect, false);
    }

    /** One import of the catalogue: its progress while it runs, then its outcome or its problems. */
    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/development/catalogue/imports/{jobId}")
    String importJob(@PathVariable String ods, @PathVariable long jobId, Model model, RedirectAttributes redirect) {
        Job job = jobs.visible(jobId);
        if (!job.shownAt(DevelopmentImports.catalogueLink(Scope.currentTenant().odsCode()))) {
            throw new NotFound("There is no catalogue import " + jobId);
        }
        return importShown(job, ods, model, redirect, true);
    }

    /**
     * A finished import's outcome, on the catalogue's page; one still running is shown on its own page
     * ({@code onItsPage}) or sent there.
     */
    private String importShown(Job job, String ods, Model model, RedirectAttributes redirect, boolean onItsPage) {
        switch (job.state()) {
            case DONE -> {
                Catalogue.Imported done = json.treeToValue(job.result(), Catalogue.Imported.class);
                redirect.addFlashAttribute(
                        "success",
                        "The catalogue file was imported: " + done.added() + " added, " + done.changed() + " changed, "
                                + done.unchanged() + " unchanged.");
                return "redirect:" + catalogueUrl();
            }
            case FAILED, INTERRUPTED -> {
                return importProblems(job.subject(), job.problems(), ods, model);
            }
            default -> {
                if (!onItsPage) {
                    return "redirect:" + job.link();
                }
                model.addAttribute("job", job);
                return catalogue(ods, model);
            }
        }
    }

    private String importProblems(@Nullable String fileName, List<Problem> problems, String ods, Model model) {
        model.addAttribute("fileName", fileName);
        FormPage.showFileProblems(model, problems);
        return catalogue(ods, model);
    }

    /** The form that enrols someone from the register, or records the date someone completed. */
    record EnrolForm(
            @BindParam("person_id") @Nullable String personId,
            @BindParam("enrolment_id") @Nullable String enrolmentId,
            @BindParam("completed_on") @Nullable String completedOn) {}

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/development/catalogue/{id}/enrolments")
    String enrolmentsOf(@PathVariable String ods, @PathVariable long id, Model model) {
        return ENROLMENTS.show(
                enrolmentsModel(model, id),
                new EnrolForm(null, null, LocalDate.now(clock).toString()));
    }

    private Model enrolmentsModel(Model model, long id) {
        Offer offer = catalogue.offer(id);
        model.addAttribute("o", offer);
        model.addAttribute("listing", Listing.of(offer, enrolments.placesTaken(id), LocalDate.now(clock)));
        List<Enrolment> list = enrolments.forOffer(id);
        model.addAttribute("enrolments", list);
        Set<Long> enrolled = new java.util.HashSet<>();
        list.stream().filter(Enrolment::isActive).forEach(e -> enrolled.add(e.personId()));
        List<Choice> people = new ArrayList<>();
        for (Person p : register.people()) {
            if (!enrolled.contains(p.id())) {
                people.add(new Choice(String.valueOf(p.id()), p.fullName() + " (" + p.personRef() + ")"));
            }
        }
        model.addAttribute("people", people);
        model.addAttribute(
                "accepted",
                list.stream()
                        .filter(e -> e.is(EnrolmentStatus.ACCEPTED))
                        .map(e -> new Choice(String.valueOf(e.id()), e.person() + " (" + e.personRef() + ")"))
                        .toList());
        pages.labels(model);
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/catalogue/{id}/enrolments")
    String enrol(
            @PathVariable String ods, @PathVariable long id, EnrolForm form, Model model, RedirectAttributes redirect) {
        Long personId = FormValues.id(form.personId());
        try {
            if (personId == null) {
                throw new InvalidInput("person_id", "Choose the person to enrol");
            }
            Enrolment e = enrolments.apply(id, personId);
            redirect.addFlashAttribute(
                    "success",
                    e.person()
                            + (e.is(EnrolmentStatus.WAITLISTED)
                                    ? " is on the waitlist: the offer is full."
                                    : " has applied."));
            return "redirect:" + catalogueUrl() + "/" + id + "/enrolments";
        } catch (InvalidInput e) {
            return ENROLMENTS.showAgain(enrolmentsModel(model, id), form, e);
        } catch (ResponseStatusException e) {
            return ENROLMENTS.showAgain(
                    enrolmentsModel(model, id), form, new InvalidInput("person_id", String.valueOf(e.getReason())));
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/catalogue/{id}/completions")
    String complete(
            @PathVariable String ods, @PathVariable long id, EnrolForm form, Model model, RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            Long enrolmentId = FormValues.id(form.enrolmentId());
            if (enrolmentId == null) {
                problems.add(Problem.of("enrolment_id", "Choose who completed it"));
            }
            LocalDate on = FormValues.date("completed_on", form.completedOn(), problems);
            if (on == null && problems.stream().noneMatch(p -> "completed_on".equals(p.field()))) {
                problems.add(Problem.of("completed_on", "Enter the date they completed it"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            // both were refused above when missing
            long enrolment = Objects.requireNonNull(enrolmentId);
            LocalDate completedOn = Objects.requireNonNull(on);
            Enrolment before = enrolments.enrolment(enrolment);
            if (before.offerId() != id) {
                throw new InvalidInput("enrolment_id", "Choose someone enrolled on this offer");
            }
            enrolments.complete(enrolment, completedOn);
            redirect.addFlashAttribute(
                    "success",
                    before.person() + " completed it on " + org.goldenthread.platform.Dates.day(completedOn) + ".");
            return "redirect:" + catalogueUrl() + "/" + id + "/enrolments";
        } catch (InvalidInput e) {
            return ENROLMENTS.showAgain(enrolmentsModel(model, id), form, e);
        } catch (ResponseStatusException | org.goldenthread.platform.NotFound e) {
            // NotFound always carries its message
            String reason = e instanceof ResponseStatusException r
                    ? String.valueOf(r.getReason())
                    : Objects.requireNonNull(e.getMessage());
            return ENROLMENTS.showAgain(enrolmentsModel(model, id), form, new InvalidInput("enrolment_id", reason));
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/enrolments/{id}/{action}")
    String act(
            @PathVariable String ods, @PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        Enrolment before = enrolments.enrolment(id);
        String back = "redirect:" + catalogueUrl() + "/" + before.offerId() + "/enrolments";
        try {
            switch (action) {
                case "accept" -> {
                    enrolments.accept(id);
                    redirect.addFlashAttribute("success", before.person() + " was accepted.");
                }
                case "withdraw" -> {
                    Enrolments.Withdrawal w = enrolments.withdraw(id);
                    redirect.addFlashAttribute(
                            "success",
                            before.person() + " was withdrawn."
                                    + (w.offeredThePlace() == null
                                            ? ""
                                            : " The place was offered to "
                                                    + w.offeredThePlace().person()
                                                    + ", first on the waitlist, who is now applied: accept them to confirm it."));
                }
                default -> throw new org.goldenthread.platform.NotFound("No such action on an enrolment: " + action);
            }
            return back;
        } catch (ResponseStatusException e) {
            redirect.addFlashAttribute("failure", e.getReason());
            return back;
        }
    }
}
