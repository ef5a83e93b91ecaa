package org.goldenthread.structure;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages for the forums of an ICS and the seats on them. */
@Controller
class ForumPages {

    private static final FormPage NEW_FORUM = new FormPage("structure/forum-new");
    private static final FormPage FORUM = new FormPage("structure/forum");
    private static final FormPage SEAT = new FormPage("structure/seat-edit");

    private final Forums forums;
    private final IcsMap map;
    private final Clock clock;

    private final ObjectProvider<SeatHolders> holders;
    private final SeatProfessions professions;

    ForumPages(
            Forums forums, IcsMap map, ObjectProvider<SeatHolders> holders, SeatProfessions professions, Clock clock) {
        this.forums = forums;
        this.map = map;
        this.holders = holders;
        this.professions = professions;
        this.clock = clock;
    }

    /**
     * A seat on the forum page, with who holds it, or since when it has been vacant as of today, and
     * the names of the professions it is open to.
     */
    public record SeatRow(Seat seat, SeatHolders.@Nullable Holding holding, java.time.LocalDate today, String openTo) {

        public boolean vacant() {
            return holding == null || !holding.held();
        }

        /**
         * The day the seat fell vacant, as Insight counts it: the day after its last holder's last day,
         * or the day it was created if never held.
         */
        public java.time.LocalDate vacantSince() {
            return holding == null || holding.lastLeft() == null
                    ? seat.createdOn()
                    : holding.lastLeft().plusDays(1);
        }

        public boolean neverHeld() {
            return holding == null || holding.lastLeft() == null;
        }

        public long daysVacant() {
            return java.time.temporal.ChronoUnit.DAYS.between(vacantSince(), today);
        }
    }

    private static boolean canEdit() {
        return Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/forums")
    String list(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String place,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        List<Forum> all = forums.forums();
        List<Choice> levels = Choice.of(Level.class);
        // level by level, as the page shows them, then a page at a time
        List<Forum> chosen = levels.stream()
                .flatMap(l -> all.stream().filter(f -> f.level().equals(l.code())))
                .filter(f -> level == null || level.isBlank() || level.equals(f.level()))
                .filter(f -> place == null || place.isBlank() || place.equals(f.place()))
                .toList();
        Map<String, @Nullable String> filters = new LinkedHashMap<>();
        filters.put("level", level);
        filters.put("place", place);
        ListPage<Forum> shown = ListPage.of(
                chosen, page, FORUMS_PER_PAGE, "/ics/" + Scope.currentTenant().odsCode() + "/forums", filters);
        model.addAttribute("forums", all);
        model.addAttribute("shown", shown);
        model.addAttribute(
                "groups",
                levels.stream()
                        .map(l -> new LevelGroup(
                                l,
                                shown.rows().stream()
                                        .filter(f -> f.level().equals(l.code()))
                                        .toList()))
                        .filter(g -> !g.forums().isEmpty())
                        .toList());
        model.addAttribute("levels", levels);
        model.addAttribute("level", level);
        model.addAttribute(
                "places",
                all.stream()
                        .map(Forum::place)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .sorted()
                        .map(p -> new Choice(p, p))
                        .toList());
        model.addAttribute("place", place);
        model.addAttribute("kindLabels", Coded.labels(ForumKind.class));
        model.addAttribute("rightsLabels", Coded.labels(DecisionRights.class));
        model.addAttribute("canEdit", canEdit());
        return "structure/forums";
    }

    record LevelGroup(Choice level, List<Forum> forums) {}

    /** A row is eight elements: forty make a page of a few hundred. */
    static final int FORUMS_PER_PAGE = 40;

    /** The professions a seat may be opened to, by group, for the add-a-seat form. */
    record ProfessionGroup(String name, List<Choice> professions) {}

    private List<ProfessionGroup> professionGroups() {
        java.util.Map<String, List<Choice>> groups = new java.util.LinkedHashMap<>();
        professions
                .choices()
                .forEach(p -> groups.computeIfAbsent(p.group(), g -> new java.util.ArrayList<>())
                        .add(new Choice(p.code(), p.name())));
        return groups.entrySet().stream()
                .map(e -> new ProfessionGroup(e.getKey(), e.getValue()))
                .toList();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/forums/{id}")
    String forum(@PathVariable String ods, @PathVariable long id, Model model) {
        return FORUM.show(shown(model, id), new SeatForm(null, null, null, null, null));
    }

    /**
     * Whether the caller may see who holds the seats of a forum: those whose register reaches its
     * place (ICS admins everywhere, place leads in their places). Names on every forum page would
     * otherwise rebuild the appointments that the register keeps from analysts, members and other
     * places' leads; they see only whether each seat is held, and since when.
     */
    private static boolean namesHolders(Forum forum) {
        return Scope.reach(Scope.currentCaller(), Scope.currentTenant().id(), Role.ICS_ADMIN, Role.PLACE_LEAD)
                .map(register -> register.covers(forum.place()))
                .orElse(false);
    }

    private Model shown(Model model, long id) {
        Forum forum = forums.forum(id);
        model.addAttribute("forum", forum);
        List<Seat> seats = forums.seatsOf(id);
        SeatHolders directory = holders.getIfAvailable();
        boolean named = namesHolders(forum);
        java.util.Map<Long, SeatHolders.Holding> held = new java.util.HashMap<>(
                directory == null
                        ? java.util.Map.of()
                        : directory.holdingsOf(seats.stream().map(Seat::id).toList()));
        if (!named) {
            held.replaceAll((seat, holding) -> holding.withoutHolder());
        }
        model.addAttribute("holdersNamed", named);
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        java.util.Map<Long, String> openTo = professions.describe(seats);
        model.addAttribute("seats", seats);
        model.addAttribute(
                "seatRows",
                seats.stream()
                        .map(s -> new SeatRow(s, held.get(s.id()), today, openTo.getOrDefault(s.id(), "")))
                        .toList());
        model.addAttribute("professionGroups", professionGroups());
        model.addAttribute("seatTypes", Choice.of(SeatType.class));
        model.addAttribute("seatTypeLabels", Coded.labels(SeatType.class));
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        model.addAttribute("kindLabels", Coded.labels(ForumKind.class));
        model.addAttribute("rightsLabels", Coded.labels(DecisionRights.class));
        model.addAttribute("canEdit", canEdit());
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/forums/new")
    String newForum(@PathVariable String ods, Model model) {
        return NEW_FORUM.show(choices(model), new ForumForm(null, null, null, null, null, null, null));
    }

    private Model choices(Model model) {
        model.addAttribute("levels", Choice.of(Level.class));
        model.addAttribute("kinds", Choice.of(ForumKind.class));
        model.addAttribute("rights", Choice.of(DecisionRights.class));
        model.addAttribute(
                "places",
                map.places().stream().map(p -> new Choice(p.name(), p.name())).toList());
        model.addAttribute(
                "neighbourhoods",
                map.neighbourhoods().stream()
                        .map(n -> new Choice(n.name(), n.name() + " (" + n.place() + ")"))
                        .toList());
        model.addAttribute(
                "forumNames",
                forums.forums().stream()
                        .map(f -> new Choice(f.name(), f.name()))
                        .toList());
        return model;
    }

    record ForumForm(
            @Nullable String name,
            @Nullable String level,
            @Nullable String kind,
            @BindParam("decision_rights") @Nullable String decisionRights,
            @Nullable String place,
            @Nullable String neighbourhood,
            @BindParam("reports_to") @Nullable String reportsTo) {}

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/forums/new")
    String addForum(@PathVariable String ods, ForumForm form, Model model, RedirectAttributes redirect) {
        try {
            Forum forum = forums.addForum(new ForumDetails(
                    form.name(),
                    form.level(),
                    form.kind(),
                    form.decisionRights(),
                    form.place(),
                    form.neighbourhood(),
                    form.reportsTo(),
                    null));
            redirect.addFlashAttribute("success", forum.name() + " was added.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/forums/" + forum.id();
        } catch (InvalidInput e) {
            return NEW_FORUM.showAgain(choices(model), form, e);
        }
    }

    record SeatForm(
            @Nullable String title,
            @BindParam("seat_type") @Nullable String seatType,
            @BindParam("professionally_agnostic") @Nullable String professionallyAgnostic,
            @BindParam("expected_hours_per_week") @Nullable String expectedHoursPerWeek,
            @BindParam("open_to_professions") @Nullable List<String> openToProfessions) {

        /** Whether this profession was ticked, to tick it again when the form is shown again. */
        public boolean opensTo(String code) {
            return openToProfessions != null && openToProfessions.contains(code);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/forums/{id}/seats")
    String addSeat(
            @PathVariable String ods, @PathVariable long id, SeatForm form, Model model, RedirectAttributes redirect) {
        try {
            List<org.goldenthread.platform.Problem> problems = new java.util.ArrayList<>();
            BigDecimal hours = FormValues.hours("expected_hours_per_week", form.expectedHoursPerWeek(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            Seat seat = forums.addSeat(
                    id,
                    new SeatDetails(
                            null,
                            form.title(),
                            form.seatType(),
                            !"false".equals(form.professionallyAgnostic()),
                            hours,
                            form.openToProfessions() == null ? List.of() : form.openToProfessions(),
                            null));
            redirect.addFlashAttribute("success", "The seat " + seat.title() + " was added.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/forums/" + id;
        } catch (InvalidInput e) {
            return FORUM.showAgain(shown(model, id), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/seats/{id}/edit")
    String editSeat(@PathVariable String ods, @PathVariable long id, Model model) {
        Seat seat = forums.seat(id);
        return SEAT.show(
                seatPage(model, seat),
                new SeatForm(
                        seat.title(),
                        seat.seatType(),
                        String.valueOf(seat.professionallyAgnostic()),
                        seat.expectedHoursPerWeek() == null
                                ? null
                                : seat.expectedHoursPerWeek()
                                        .stripTrailingZeros()
                                        .toPlainString(),
                        seat.openToProfessions()));
    }

    private Model seatPage(Model model, Seat seat) {
        model.addAttribute("seat", seat);
        model.addAttribute("seatTypes", Choice.of(SeatType.class));
        model.addAttribute("professionGroups", professionGroups());
        return model;
    }

    /** Changes a seat's type, who may hold it and its expected hours; its title stays, as files know it by it. */
    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/seats/{id}/edit")
    String changeSeat(
            @PathVariable String ods, @PathVariable long id, SeatForm form, Model model, RedirectAttributes redirect) {
        Seat seat = forums.seat(id);
        try {
            List<org.goldenthread.platform.Problem> problems = new java.util.ArrayList<>();
            BigDecimal hours = FormValues.hours("expected_hours_per_week", form.expectedHoursPerWeek(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            forums.changeSeat(
                    id,
                    new SeatDetails(
                            null,
                            null,
                            form.seatType(),
                            !"false".equals(form.professionallyAgnostic()),
                            hours,
                            form.openToProfessions() == null ? List.of() : form.openToProfessions(),
                            null));
            redirect.addFlashAttribute("success", "The seat " + seat.title() + " was changed.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/forums/" + seat.forumId();
        } catch (InvalidInput e) {
            return SEAT.showAgain(seatPage(model, seat), form, e);
        }
    }
}
