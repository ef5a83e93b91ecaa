package org.goldenthread.development.feedback;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of 360° rounds for the people who run them: a leader's own rounds (and reports shared
 * with them), and for an ICS administrator every round's progress but never a report.
 */
@Controller
class FeedbackPages {

    private static final FormPage LIST = new FormPage("development/feedback/rounds");
    private static final FormPage ROUND = new FormPage("development/feedback/round");
    private static final FormPage SETTINGS = new FormPage("development/feedback/settings");

    record StartForm(
            @BindParam("person_id") @Nullable String personId,
            @BindParam("closes_on") @Nullable String closesOn,
            @BindParam("manager_shown") @Nullable String managerShown,
            @BindParam("leader_type") @Nullable String leaderType,
            @Nullable String framework) {

        static StartForm empty() {
            return new StartForm(null, null, null, "true", BehaviourFrameworks.SHIPPED);
        }
    }

    record RaterForm(
            @BindParam("rater_group") @Nullable String raterGroup,
            @Nullable String name,
            @Nullable String email) {

        static RaterForm empty() {
            return new RaterForm(null, null, null);
        }
    }

    private final FeedbackRounds rounds;
    private final RaterMail mail;
    private final Reports reports;
    private final SelfRating selfRating;
    private final Register register;
    private final BehaviourFrameworks frameworks;

    FeedbackPages(
            FeedbackRounds rounds,
            RaterMail mail,
            Reports reports,
            SelfRating selfRating,
            Register register,
            BehaviourFrameworks frameworks) {
        this.frameworks = frameworks;
        this.rounds = rounds;
        this.mail = mail;
        this.reports = reports;
        this.selfRating = selfRating;
        this.register = register;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/feedback")
    String list(@PathVariable String ods, Model model) {
        return LIST.show(listModel(model), StartForm.empty());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/feedback")
    String start(@PathVariable String ods, StartForm form, Model model) {
        try {
            Round round = rounds.start(new FeedbackRounds.Start(
                    form.personId() == null || form.personId().isBlank() ? null : parseId(form.personId()),
                    closes(form.closesOn()),
                    form.managerShown() == null ? null : Boolean.valueOf(form.managerShown()),
                    !"false".equals(form.leaderType()),
                    form.framework() == null || form.framework().isBlank() ? null : form.framework()));
            return "redirect:" + home() + "/" + round.id();
        } catch (InvalidInput e) {
            return LIST.showAgain(listModel(model), form, e);
        }
    }

    private Model listModel(Model model) {
        boolean admin = rounds.isAdmin();
        model.addAttribute("admin", admin);
        model.addAttribute("self", rounds.self().orElse(null));
        model.addAttribute("running", rounds.managedRounds());
        model.addAttribute("shared", rounds.sharedRounds());
        model.addAttribute(
                "people",
                admin
                        ? register.people().stream()
                                .map(p -> new Choice(String.valueOf(p.id()), p.fullName() + " (" + p.personRef() + ")"))
                                .toList()
                        : java.util.List.of());
        model.addAttribute("home", home());
        model.addAttribute(
                "frameworks",
                frameworks.frameworks().stream()
                        .map(f -> new Choice(String.valueOf(f.code()), String.valueOf(f.title())))
                        .toList());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/feedback/{id}")
    String round(@PathVariable String ods, @PathVariable long id, Model model) {
        return ROUND.show(roundModel(id, model), RaterForm.empty());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/feedback/{id}/raters")
    String nominate(
            @PathVariable String ods, @PathVariable long id, RaterForm form, Model model, RedirectAttributes redirect) {
        try {
            RaterLinks.Issued issued =
                    rounds.nominate(id, new FeedbackRounds.Nomination(form.raterGroup(), form.name(), form.email()));
            String name = form.name() == null ? "" : form.name().trim();
            if (mail.canEmail(issued.invitationId())) {
                mail.inviteAfterCommit(rounds.round(id), issued);
                redirect.addFlashAttribute("success", name + " was invited; their link is on its way by email.");
            } else {
                redirect.addFlashAttribute("success", name + " was invited.");
                redirect.addFlashAttribute("copyName", name);
                redirect.addFlashAttribute("copyLink", mail.base() + "/feedback/" + issued.token());
            }
            return "redirect:" + home() + "/" + id;
        } catch (InvalidInput e) {
            return ROUND.showAgain(roundModel(id, model), form, e);
        }
    }

    /** A new link for a rater, shown once to copy: when email is not set up, or the first did not arrive. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/feedback/{id}/raters/{rater}/link")
    String newLink(
            @PathVariable String ods, @PathVariable long id, @PathVariable long rater, RedirectAttributes redirect) {
        Rater found = rounds.raters(rounds.managed(id).id()).stream()
                .filter(r -> r.id() == rater)
                .findFirst()
                .orElseThrow(() -> new org.goldenthread.platform.NotFound("No such rater in this round"));
        RaterLinks.Issued issued;
        try {
            issued = rounds.reissue(id, rater);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("failure", e.problems().get(0).reason());
            return "redirect:" + home() + "/" + id;
        }
        redirect.addFlashAttribute(
                "success",
                "A new link was made for " + found.name()
                        + ". The old one no longer works, and any answers they had saved but not sent were cleared,"
                        + " so they start again.");
        redirect.addFlashAttribute("copyName", found.name());
        redirect.addFlashAttribute("copyLink", mail.base() + "/feedback/" + issued.token());
        return "redirect:" + home() + "/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/feedback/{id}/reminders")
    String remind(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        try {
            int sent = mail.remind(id);
            redirect.addFlashAttribute(
                    "success",
                    sent == 0
                            ? "Nobody needed a reminder today."
                            : org.goldenthread.platform.Plurals.of(sent, "reminder") + " are on their way.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("failure", e.problems().get(0).reason());
        }
        return "redirect:" + home() + "/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/feedback/{id}/close")
    String close(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        try {
            rounds.close(id);
            redirect.addFlashAttribute("success", "The round is closed. The leader can now read their report.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("failure", e.problems().get(0).reason());
        }
        return "redirect:" + home() + "/" + id;
    }

    private Model roundModel(long id, Model model) {
        Round round = rounds.managed(id);
        LocalDate today = rounds.today();
        boolean leader = rounds.isLeaderOf(round);
        model.addAttribute("round", round);
        model.addAttribute("closed", round.isClosed(today));
        model.addAttribute("leader", leader);
        model.addAttribute("rates", rounds.rates(id));
        model.addAttribute("raters", rounds.raters(id));
        model.addAttribute("groups", Choice.of(RaterGroup.class));
        model.addAttribute("groupLabels", Coded.labels(RaterGroup.class));
        model.addAttribute("emailSetUp", mail.isSetUp());
        model.addAttribute("selfDone", selfRating.answers(id).submittedOn() != null);
        model.addAttribute("shares", leader ? rounds.sharedWith(id) : java.util.List.of());
        model.addAttribute("minRaters", rounds.minRaters());
        model.addAttribute("home", home());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/feedback/{id}/shares")
    String share(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(name = "share_email", required = false) @Nullable String email,
            Model model,
            RedirectAttributes redirect) {
        try {
            rounds.share(id, email);
            redirect.addFlashAttribute(
                    "success",
                    "Your report is shared with " + String.valueOf(email).trim() + ".");
            return "redirect:" + home() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("shareEmail", email);
            return ROUND.showAgain(
                    roundModel(id, model),
                    RaterForm.empty(),
                    new InvalidInput(e.problems().stream()
                            .map(p -> org.goldenthread.platform.Problem.of("share_email", p.reason()))
                            .toList()));
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/ics/{ods}/development/feedback/{id}/shares/remove")
    String unshare(
            @PathVariable String ods, @PathVariable long id, @RequestParam String email, RedirectAttributes redirect) {
        rounds.unshare(id, email);
        redirect.addFlashAttribute("success", "Your report is no longer shared with " + email + ".");
        return "redirect:" + home() + "/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/feedback/{id}/report")
    String report(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            FeedbackReport report = reports.report(id);
            model.addAttribute("report", report);
            model.addAttribute("leaderTypes", LeaderType.values());
            model.addAttribute("home", home());
            return "development/feedback/report";
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("failure", e.problems().get(0).reason());
            return "redirect:" + home();
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @io.swagger.v3.oas.annotations.Operation(
            summary = "A closed round's 360° report as a tagged PDF, for the leader and whoever they shared it with")
    @GetMapping({"/ics/{ods}/development/feedback/{id}/report.pdf", "/api/v1/ics/{ods}/feedback/rounds/{id}/report.pdf"
    })
    void pdf(@PathVariable String ods, @PathVariable long id, HttpServletResponse response) throws IOException {
        byte[] pdf = ReportPdf.of(reports.report(id));
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"360-feedback-" + id + ".pdf\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getOutputStream().write(pdf);
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/development/feedback/settings")
    String settings(@PathVariable String ods, Model model) {
        model.addAttribute("home", home());
        return SETTINGS.show(model, Map.of("min_raters", String.valueOf(rounds.minRaters())));
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/feedback/settings")
    String saveSettings(
            @PathVariable String ods,
            @RequestParam(name = "min_raters", required = false) @Nullable String minRaters,
            Model model,
            RedirectAttributes redirect) {
        try {
            rounds.setMinRaters(minRaters);
            redirect.addFlashAttribute(
                    "success",
                    "Groups now show from " + String.valueOf(minRaters).trim() + " raters.");
            return "redirect:" + home();
        } catch (InvalidInput e) {
            model.addAttribute("home", home());
            return SETTINGS.showAgain(model, Map.of("min_raters", minRaters == null ? "" : minRaters), e);
        }
    }

    private static @Nullable LocalDate closes(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return org.goldenthread.platform.Dates.parse(text.trim());
        } catch (RuntimeException e) {
            throw new InvalidInput("closes_on", org.goldenthread.platform.Dates.RULE);
        }
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput("person_id", "Choose a leader from the register");
        }
    }

    static String home() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/development/feedback";
    }
}
