package org.goldenthread.development;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Jobs;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.structure.Sector;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Pages for programmes that pair people: the list, a programme with its participants, and its
 * matching round (run, review with reasons, lock or forbid pairs, run again, confirm). ICS admins only.
 */
@org.springframework.stereotype.Controller
class ProgrammePages {

    private static final FormPage PROGRAMMES = new FormPage("development/programmes");
    private static final FormPage PROGRAMME = new FormPage("development/programme");
    private static final FormPage MATCHING = new FormPage("development/matching");

    private final Programmes programmes;
    private final ParticipantFile file;
    private final MatchingRounds rounds;
    private final DevelopmentImports imports;
    private final Jobs jobs;
    private final ObjectMapper json;

    ProgrammePages(
            Programmes programmes,
            ParticipantFile file,
            MatchingRounds rounds,
            DevelopmentImports imports,
            Jobs jobs,
            ObjectMapper json) {
        this.imports = imports;
        this.jobs = jobs;
        this.json = json;
        this.programmes = programmes;
        this.file = file;
        this.rounds = rounds;
    }

    private static String base(long id) {
        return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/programmes/" + id;
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes")
    String list(@PathVariable String ods, Model model) {
        return PROGRAMMES.show(listed(model), ProgrammeForms.NewProgramme.empty());
    }

    private Model listed(Model model) {
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("kinds", Choice.of(ProgrammeKind.class));
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes")
    String create(
            @PathVariable String ods, ProgrammeForms.NewProgramme form, Model model, RedirectAttributes redirect) {
        try {
            Programmes.Programme created = programmes.create(form.details());
            redirect.addFlashAttribute("success", created.name() + " was created. Now add its participants.");
            return base(created.id());
        } catch (InvalidInput e) {
            return PROGRAMMES.showAgain(listed(model), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}")
    String programme(@PathVariable String ods, @PathVariable long id, Model model) {
        return PROGRAMME.show(shown(model, id), ProgrammeForms.NewParticipant.empty());
    }

    private Model shown(Model model, long id) {
        Programmes.Programme programme = programmes.get(id);
        List<Programmes.Participant> participants = programmes.participants(id);
        model.addAttribute("programme", programme);
        model.addAttribute("participants", participants);
        model.addAttribute("names", names(participants));
        model.addAttribute("rules", programmes.rules(id));
        model.addAttribute("columns", ParticipantFile.COLUMNS);
        boolean actionLearning = programme.kind().equals(ProgrammeKind.ACTION_LEARNING.code());
        model.addAttribute("actionLearning", actionLearning);
        boolean exchange = programme.kind().equals(ProgrammeKind.EXCHANGE.code());
        model.addAttribute("exchange", exchange);
        model.addAttribute("sectorLabels", Coded.labels(Sector.class));
        model.addAttribute(
                "roles",
                actionLearning
                        ? List.of(new Choice("member", "Member of a set"))
                        : exchange
                                ? List.of(
                                        new Choice(ExchangeSides.HOST, "Host first (hosts the first visit)"),
                                        new Choice(ExchangeSides.VISITOR, "Visitor first (hosts the second visit)"))
                                : List.of(
                                        new Choice("mentor", "Mentor (gives)"),
                                        new Choice("mentee", "Mentee (receives)")));
        long mentors =
                participants.stream().filter(p -> p.role().equals("mentor")).count();
        model.addAttribute(
                "counts",
                actionLearning
                        ? Plurals.of(participants.size(), "member")
                        : exchange
                                ? Plurals.of(mentors, "host") + " first and "
                                        + Plurals.of(participants.size() - mentors, "visitor") + " first"
                                : Plurals.of(mentors, "mentor") + " and "
                                        + Plurals.of(participants.size() - mentors, "mentee"));
        return model;
    }

    private static Map<String, String> names(List<Programmes.Participant> participants) {
        Map<String, String> names = new HashMap<>();
        participants.forEach(p -> names.put(p.personRef(), p.name()));
        return names;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/participants")
    String addParticipant(
            @PathVariable String ods,
            @PathVariable long id,
            ProgrammeForms.NewParticipant form,
            Model model,
            RedirectAttributes redirect) {
        try {
            file.add(id, text(form.personRef()), text(form.role()), text(form.capacity()), text(form.preferences()));
            redirect.addFlashAttribute("success", text(form.personRef()).trim() + " was added to the programme.");
            return base(id);
        } catch (InvalidInput e) {
            return PROGRAMME.showAgain(shown(model, id), form, e);
        }
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/participants/file")
    String importFile(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileProblems", List.of());
            return PROGRAMME.showAgain(
                    shown(model, id),
                    ProgrammeForms.NewParticipant.empty(),
                    new InvalidInput("file", "Choose a participants file (CSV) to import"));
        }
        programmes.get(id);
        String name = file.getOriginalFilename();
        Job job = imports.startParticipants(
                id, name == null || name.isBlank() ? "participants.csv" : name, file.getBytes());
        jobs.await(job.id(), DevelopmentImports.PATIENCE);
        return importShown(jobs.visible(job.id()), id, model, redirect, false);
    }

    /** One import of participants: its progress while it runs, then its outcome or its problems. */
    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/participants/imports/{jobId}")
    String importJob(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long jobId,
            Model model,
            RedirectAttributes redirect) {
        Job job = jobs.visible(jobId);
        if (!job.shownAt(
                DevelopmentImports.participantsLink(Scope.currentTenant().odsCode(), id))) {
            throw new NotFound("There is no import " + jobId + " of this programme's participants");
        }
        return importShown(job, id, model, redirect, true);
    }

    /**
     * A finished import's outcome, on the programme's page; one still running is shown on its own page
     * ({@code onItsPage}) or sent there.
     */
    private String importShown(Job job, long id, Model model, RedirectAttributes redirect, boolean onItsPage) {
        switch (job.state()) {
            case DONE -> {
                ParticipantFile.Imported imported = json.treeToValue(job.result(), ParticipantFile.Imported.class);
                redirect.addFlashAttribute(
                        "success",
                        "The participants were replaced with the file's " + Plurals.of(imported.mentors(), "mentor")
                                + " and " + Plurals.of(imported.mentees(), "mentee") + ".");
                return base(id);
            }
            case FAILED, INTERRUPTED -> {
                model.addAttribute("fileProblems", job.problems());
                model.addAttribute("fileName", job.subject());
                return PROGRAMME.showAgain(
                        shown(model, id),
                        ProgrammeForms.NewParticipant.empty(),
                        new InvalidInput(List.of(Problem.of(
                                "file",
                                job.problems().size() == 1
                                        ? "The file has a problem, so nothing was changed"
                                        : "The file has " + job.problems().size()
                                                + " problems, so nothing was changed"))));
            }
            default -> {
                if (!onItsPage) {
                    return "redirect:" + job.link();
                }
                model.addAttribute("job", job);
                return PROGRAMME.show(shown(model, id), ProgrammeForms.NewParticipant.empty());
            }
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/matching")
    String matching(@PathVariable String ods, @PathVariable long id, Model model) {
        return MATCHING.show(round(model, id), new ProgrammeForms.PairRule(null, null, "locked"));
    }

    private Model round(Model model, long id) {
        Programmes.Programme programme = programmes.get(id);
        List<Programmes.Participant> participants = programmes.participants(id);
        model.addAttribute("programme", programme);
        model.addAttribute("names", names(participants));
        model.addAttribute("rules", programmes.rules(id));
        model.addAttribute(
                "mentors",
                participants.stream()
                        .filter(p -> p.role().equals("mentor"))
                        .map(p -> new Choice(p.personRef(), p.name() + " (" + p.personRef() + ")"))
                        .toList());
        model.addAttribute(
                "mentees",
                participants.stream()
                        .filter(p -> p.role().equals("mentee"))
                        .map(p -> new Choice(p.personRef(), p.name() + " (" + p.personRef() + ")"))
                        .toList());
        model.addAttribute(
                "ruleChoices",
                List.of(
                        new Choice("locked", "Lock in: always pair them"),
                        new Choice("forbidden", "Forbid: never pair them")));
        MatchingRounds.Stored latest = rounds.latest(id).orElse(null);
        model.addAttribute("proposal", latest);
        model.addAttribute("stale", latest != null && latest.participantsVersion() != programme.participantsVersion());
        model.addAttribute(
                "locked",
                programmes.rules(id).stream()
                        .filter(r -> r.rule().equals("locked"))
                        .map(r -> r.mentor() + "/" + r.mentee())
                        .toList());
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/matching")
    String run(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            MatchingRounds.Stored stored = rounds.propose(id);
            Matching.Proposal p = stored.proposal();
            redirect.addFlashAttribute(
                    "success",
                    "Matching proposed " + Plurals.of(p.matched(), "pair") + " with a rank sum of " + p.rankSum() + "; "
                            + Plurals.of(p.unmatched().size(), "mentee") + " left unmatched.");
            return base(id) + "/matching";
        } catch (InvalidInput e) {
            return MATCHING.showAgain(round(model, id), new ProgrammeForms.PairRule(null, null, "locked"), e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/matching/confirm")
    String confirm(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            MatchingRounds.Confirmed done = rounds.confirm(id);
            String emails = done.emailsNotSent() == 0
                    ? " Both people of each pair were emailed."
                    : " " + Plurals.of(done.emailsNotSent(), "email") + " could not be sent (no address, or no mail"
                            + " server); tell those people yourself.";
            redirect.addFlashAttribute(
                    "success", "Confirmed: " + Plurals.of(done.relationships(), "relationship") + " opened." + emails);
            return base(id) + "/matching";
        } catch (InvalidInput e) {
            return MATCHING.showAgain(round(model, id), new ProgrammeForms.PairRule(null, null, "locked"), e);
        } catch (ResponseStatusException e) {
            return MATCHING.showAgain(
                    round(model, id),
                    new ProgrammeForms.PairRule(null, null, "locked"),
                    new InvalidInput("proposal", String.valueOf(e.getReason())));
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/rules")
    String setRule(
            @PathVariable String ods,
            @PathVariable long id,
            ProgrammeForms.PairRule form,
            Model model,
            RedirectAttributes redirect) {
        try {
            rounds.setRule(id, form.mentor(), form.mentee(), form.rule());
            Map<String, String> names = names(programmes.participants(id));
            redirect.addFlashAttribute(
                    "success",
                    names.get(form.mentor()) + " and " + names.get(form.mentee()) + " are now "
                            + ("locked".equals(form.rule()) ? "locked in as a pair" : "never to be paired")
                            + ". Run matching again to see the effect.");
            return base(id) + "/matching";
        } catch (InvalidInput e) {
            return MATCHING.showAgain(round(model, id), form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/rules/remove")
    String removeRule(
            @PathVariable String ods,
            @PathVariable long id,
            ProgrammeForms.PairRule form,
            Model model,
            RedirectAttributes redirect) {
        try {
            rounds.removeRule(id, form.mentor(), form.mentee());
            redirect.addFlashAttribute("success", "The rule was removed. Run matching again to see the effect.");
            return base(id) + "/matching";
        } catch (InvalidInput e) {
            return MATCHING.showAgain(round(model, id), new ProgrammeForms.PairRule(null, null, "locked"), e);
        }
    }
}
