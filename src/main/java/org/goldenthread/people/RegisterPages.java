package org.goldenthread.people;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Footprint;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Search;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for the leadership register: people, their appointments, and the register file. */
@Controller
class RegisterPages {

    private static final FormPage PERSON = new FormPage("people/person");
    private static final FormPage PERSON_DETAILS = new FormPage("people/person-new");
    private static final FormPage APPOINTMENT = new FormPage("people/appointment-edit");
    /** 50 people a page keeps the register near 550 elements (267 people on one page made 2,251). */
    static final int PEOPLE_PER_PAGE = 50;

    private final Register register;
    private final RegisterFile file;
    private final Professions professions;
    private final Forums forums;
    private final Clock clock;

    RegisterPages(Register register, RegisterFile file, Professions professions, Forums forums, Clock clock) {
        this.register = register;
        this.file = file;
        this.professions = professions;
        this.forums = forums;
        this.clock = clock;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/people")
    String people(
            @PathVariable String ods,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String profession,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Footprint footprint = Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
        Search search = Search.of(q);
        LocalDate today = LocalDate.now(clock);
        Map<Long, Long> seatsHeld = new java.util.HashMap<>();
        register.appointments(footprint).stream()
                .filter(a -> a.isCurrentOn(today))
                .forEach(a -> seatsHeld.merge(a.personId(), 1L, Long::sum));
        List<Person> people = register.people(footprint).stream()
                .filter(p -> search.finds(p.fullName(), p.personRef(), p.employer()))
                .filter(p -> profession == null
                        || profession.isBlank()
                        || p.profession().equals(profession))
                .toList();
        Map<String, @Nullable String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("profession", profession);
        model.addAttribute(
                "people",
                ListPage.of(
                        people,
                        page,
                        PEOPLE_PER_PAGE,
                        "/ics/" + Scope.currentTenant().odsCode() + "/people",
                        filters));
        model.addAttribute("seatsHeld", seatsHeld);
        model.addAttribute("q", q);
        model.addAttribute("profession", profession);
        model.addAttribute("professions", professionChoices());
        model.addAttribute("professionNames", professions.names());
        model.addAttribute(
                "canEdit",
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        model.addAttribute("placesInSight", footprint.places());
        model.addAttribute("stageLabels", Coded.labels(CareerStage.class));
        return "people/people";
    }

    private List<Choice> professionChoices() {
        return professions.all().stream()
                .sorted(Comparator.comparing(Profession::name))
                .map(p -> new Choice(p.code(), p.name()))
                .toList();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/people/{id}")
    String person(@PathVariable String ods, @PathVariable long id, Model model) {
        return PERSON.show(shown(model, id), AppointmentForm.empty());
    }

    private Model shown(Model model, long id) {
        Footprint footprint = Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD);
        model.addAttribute("person", register.person(id, footprint));
        model.addAttribute("appointments", register.appointmentsOf(id, footprint));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("professionNames", professions.names());
        model.addAttribute(
                "seats",
                forums.seats().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.forum() + ": " + s.title()))
                        .toList());
        model.addAttribute("routes", Choice.of(Route.class));
        model.addAttribute("routeLabels", Coded.labels(Route.class));
        model.addAttribute("sectorLabels", Coded.labels(Sector.class));
        model.addAttribute("stageLabels", Coded.labels(CareerStage.class));
        model.addAttribute(
                "canEdit",
                Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id()));
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/people/new")
    String newPerson(@PathVariable String ods, Model model) {
        return PERSON_DETAILS.show(choices(model), PersonForm.empty());
    }

    private Model choices(Model model) {
        model.addAttribute("professions", professionChoices());
        model.addAttribute("sectors", Choice.of(Sector.class));
        model.addAttribute("stages", Choice.of(CareerStage.class));
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/people/new")
    String addPerson(@PathVariable String ods, PersonForm form, Model model, RedirectAttributes redirect) {
        try {
            Person person = register.addPerson(form.details(true));
            redirect.addFlashAttribute("success", person.fullName() + " was added to the register.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/people/" + person.id();
        } catch (InvalidInput e) {
            return PERSON_DETAILS.showAgain(choices(model), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/people/{id}/appointments")
    String appoint(
            @PathVariable String ods,
            @PathVariable long id,
            AppointmentForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            Long seat = null;
            try {
                seat = form.seatId() == null || form.seatId().isBlank() ? null : Long.valueOf(form.seatId());
            } catch (NumberFormatException e) {
                problems.add(Problem.of("seat_id", "Choose the seat"));
            }
            LocalDate start = FormValues.date("start_date", form.startDate(), problems);
            LocalDate end = FormValues.date("end_date", form.endDate(), problems);
            BigDecimal agreed = FormValues.hours("protected_hours_per_week", form.protectedHoursPerWeek(), problems);
            BigDecimal used = FormValues.hours("hours_used_per_week", form.hoursUsedPerWeek(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            Appointment a = register.appoint(
                    id,
                    new AppointmentDetails(
                            seat,
                            start,
                            end,
                            FormValues.text(form.route()),
                            agreed,
                            used,
                            FormValues.text(form.fundedBy()),
                            form.backfilled() == null ? null : Boolean.valueOf(form.backfilled())));
            redirect.addFlashAttribute(
                    "success", a.person() + " was appointed to " + a.seat() + " on " + a.forum() + ".");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/people/" + id;
        } catch (InvalidInput e) {
            return PERSON.showAgain(shown(model, id), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/people/{id}/edit")
    String editPerson(@PathVariable String ods, @PathVariable long id, Model model) {
        Person p = register.person(id);
        model.addAttribute("person", p);
        return PERSON_DETAILS.show(choices(model), PersonForm.of(p));
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/people/{id}/edit")
    String updatePerson(
            @PathVariable String ods,
            @PathVariable long id,
            PersonForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            Person person = register.updatePerson(id, form.details(false));
            redirect.addFlashAttribute("success", person.fullName() + "'s details were saved.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/people/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("person", register.person(id));
            return PERSON_DETAILS.showAgain(choices(model), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/appointments/{id}/edit")
    String editAppointment(@PathVariable String ods, @PathVariable long id, Model model) {
        Appointment a = register.appointment(id);
        return APPOINTMENT.show(choices(model, a), AppointmentForm.of(a));
    }

    private static Model choices(Model model, Appointment a) {
        model.addAttribute("appointment", a);
        model.addAttribute("routes", Choice.of(Route.class));
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/appointments/{id}/edit")
    String changeTerms(
            @PathVariable String ods,
            @PathVariable long id,
            AppointmentForm form,
            Model model,
            RedirectAttributes redirect) {
        Appointment before = register.appointment(id);
        try {
            List<Problem> problems = new ArrayList<>();
            LocalDate end = FormValues.date("end_date", form.endDate(), problems);
            BigDecimal agreed = FormValues.hours("protected_hours_per_week", form.protectedHoursPerWeek(), problems);
            BigDecimal used = FormValues.hours("hours_used_per_week", form.hoursUsedPerWeek(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            register.changeTerms(
                    id,
                    new AppointmentDetails(
                            null,
                            null,
                            end,
                            FormValues.text(form.route()),
                            agreed,
                            used,
                            FormValues.text(form.fundedBy()),
                            null));
            redirect.addFlashAttribute(
                    "success", "The appointment to " + before.seat() + " on " + before.forum() + " was updated.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/people/" + before.personId();
        } catch (InvalidInput e) {
            return APPOINTMENT.showAgain(choices(model, before), form, e);
        }
    }
}
