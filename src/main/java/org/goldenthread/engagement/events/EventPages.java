package org.goldenthread.engagement.events;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.engagement.audiences.Audiences;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Level;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages to plan events, invite people, follow registrations and the waitlist, and record what happened. */
@Controller
class EventPages {

    private static final FormPage LIST = new FormPage("engagement/events/events");
    private static final FormPage EVENT = new FormPage("engagement/events/event");

    private final Events events;
    private final Registrations registrations;
    private final EventNotes notes;
    private final Audiences audiences;
    private final Surveys surveys;
    private final EventMail mail;
    private final java.time.Clock clock;

    EventPages(
            Events events,
            Registrations registrations,
            EventNotes notes,
            Audiences audiences,
            Surveys surveys,
            EventMail mail,
            java.time.Clock clock) {
        this.events = events;
        this.clock = clock;
        this.registrations = registrations;
        this.notes = notes;
        this.audiences = audiences;
        this.surveys = surveys;
        this.mail = mail;
    }

    private static String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/events";
    }

    private static boolean canEdit() {
        long ics = Scope.currentTenant().id();
        return Scope.currentCaller().has(Role.ICS_ADMIN, ics)
                || Scope.currentCaller().has(Role.PLACE_LEAD, ics);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/events")
    String list(@PathVariable String ods, Model model) {
        return LIST.show(listPage(model), NewEvent.blank());
    }

    private Model listPage(Model model) {
        model.addAttribute("events", events.events());
        model.addAttribute("canEdit", canEdit());
        model.addAttribute("kinds", Choice.of(EventKind.class));
        model.addAttribute("kindLabels", Coded.labels(EventKind.class));
        model.addAttribute("levels", Choice.of(Level.class));
        model.addAttribute(
                "segments",
                audiences.segments().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.name()))
                        .toList());
        model.addAttribute(
                "surveys",
                surveys.surveys().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.title()))
                        .toList());
        model.addAttribute("formats", List.of(new Choice("false", "In person"), new Choice("true", "Online")));
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/events")
    String create(@PathVariable String ods, NewEvent form, Model model, RedirectAttributes redirect) {
        try {
            Events.Planned planned = events.create(form);
            redirect.addFlashAttribute("success", "The event is planned. Share its open link or invite people.");
            redirect.addFlashAttribute("openLink", mail.base() + "/event/" + planned.openLinkToken());
            return "redirect:" + base() + "/" + planned.event().id();
        } catch (InvalidInput e) {
            return LIST.showAgain(listPage(model), form, e);
        }
    }

    /** Addresses pasted in, or a segment chosen; and a note with its themes. */
    record Invite(
            @Nullable String emails,
            @BindParam("segment_id") @Nullable String segmentId) {}

    /** Themes as the form sends them, read by {@link EventNotes#add}, so one that is not a number is named there. */
    record NewNote(@Nullable String text, @Nullable List<String> themes) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/events/{id}")
    String event(@PathVariable String ods, @PathVariable long id, Model model) {
        return EVENT.show(eventPage(id, model), new Invite(null, null));
    }

    private Model eventPage(long id, Model model) {
        Event event = events.event(id);
        boolean edit = canEdit();
        model.addAttribute("event", event);
        model.addAttribute("when", EventMail.when(event));
        model.addAttribute("where", EventMail.where(event));
        model.addAttribute("canEdit", edit);
        model.addAttribute("closed", event.closedAt(clock.instant()));
        model.addAttribute("started", !clock.instant().isBefore(event.startsAt()));
        model.addAttribute("kindLabels", Coded.labels(EventKind.class));
        model.addAttribute("levelLabels", Coded.labels(Level.class));
        model.addAttribute("registrations", edit ? registrations.of(id) : List.of());
        model.addAttribute("notes", notes.notes(id));
        model.addAttribute("themes", notes.themes(id));
        model.addAttribute(
                "segment",
                event.segmentId() == null
                        ? null
                        : audiences.segment(event.segmentId()).name());
        model.addAttribute(
                "segments",
                audiences.segments().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.name()))
                        .toList());
        model.addAttribute(
                "surveys",
                surveys.surveys().stream()
                        .map(s -> new Choice(String.valueOf(s.id()), s.title()))
                        .toList());
        model.addAttribute(
                "feedbackSurvey",
                event.feedbackSurveyId() == null
                        ? null
                        : surveys.survey(event.feedbackSurveyId()).definition().title());
        model.addAttribute(
                "placesTaken",
                Plurals.of(event.registered(), "place") + " of " + event.capacity() + " taken, " + event.waitlisted()
                        + " waiting");
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/events/{id}/open-link")
    String newOpenLink(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        Events.Planned planned = events.newOpenLink(id);
        redirect.addFlashAttribute(
                "success", "There is a new open link. The one before no longer works, so share this one instead.");
        redirect.addFlashAttribute("openLink", mail.base() + "/event/" + planned.openLinkToken());
        return "redirect:" + base() + "/" + id + "#open-link-section";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/events/{id}/invitations")
    String invite(
            @PathVariable String ods, @PathVariable long id, Invite form, Model model, RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            Long segment = FormValues.known(
                    form.segmentId(),
                    "segment_id",
                    "Segment",
                    audiences.segments().stream()
                            .map(org.goldenthread.engagement.audiences.Segment::id)
                            .collect(java.util.stream.Collectors.toSet()),
                    problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            Registrations.Invited invited;
            if (segment != null) {
                invited = registrations.inviteSegment(id, segment);
            } else {
                List<String> emails = new ArrayList<>();
                for (String e : (form.emails() == null ? "" : form.emails()).split("[\\s,;]+")) {
                    if (e.isBlank()) {
                        continue;
                    }
                    emails.add(e);
                }
                if (emails.isEmpty()) {
                    throw new InvalidInput("emails", "Email addresses: paste at least one, or choose a segment");
                }
                invited = registrations.invite(id, emails);
            }
            redirect.addFlashAttribute(
                    "success",
                    Plurals.of(invited.invited(), "person", "people") + " invited."
                            + (invited.already() == 0
                                    ? ""
                                    : " " + Plurals.of(invited.already(), "person", "people")
                                            + " had been invited already."));
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            return EVENT.showAgain(eventPage(id, model), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/events/{id}/registrations/{registration}/cancel")
    String cancel(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long registration,
            RedirectAttributes redirect) {
        Registrations.Cancelled c = registrations.cancel(id, registration);
        redirect.addFlashAttribute(
                "success",
                !c.cancelled()
                        ? "There was nothing to cancel."
                        : c.promoted() == null
                                ? "The registration is cancelled."
                                : "The registration is cancelled. "
                                        + c.promoted().email()
                                        + " has moved from the waiting list into the place and has been emailed.");
        return "redirect:" + base() + "/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/events/{id}/attendance")
    String attendance(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam long registration,
            @RequestParam(required = false) String attendance,
            Model model,
            RedirectAttributes redirect) {
        try {
            Registration r = registrations.attendance(id, registration, attendance);
            redirect.addFlashAttribute(
                    "success", r.email() + ("attended".equals(r.attendance()) ? " attended." : " did not attend."));
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            return EVENT.showAgain(eventPage(id, model), new Invite(null, null), e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/events/{id}/notes")
    String addNote(
            @PathVariable String ods, @PathVariable long id, NewNote form, Model model, RedirectAttributes redirect) {
        try {
            notes.add(id, form.text(), EventNotes.themeIds(form.themes()));
            redirect.addFlashAttribute("success", "The note is added.");
            return "redirect:" + base() + "/" + id + "#notes";
        } catch (InvalidInput e) {
            model.addAttribute("note", form);
            return EVENT.showAgain(eventPage(id, model), new Invite(null, null), e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/events/{id}/feedback-survey")
    String feedbackSurvey(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(name = "survey_id", required = false) String surveyId,
            RedirectAttributes redirect) {
        List<Problem> problems = new java.util.ArrayList<>();
        Long chosen = FormValues.known(
                surveyId,
                "survey_id",
                "Survey",
                surveys.surveys().stream().map(Surveys.Listed::id).collect(java.util.stream.Collectors.toSet()),
                problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        events.linkFeedbackSurvey(id, chosen);
        redirect.addFlashAttribute(
                "success", chosen == null ? "The event has no feedback survey now." : "The feedback survey is linked.");
        return "redirect:" + base() + "/" + id;
    }
}
