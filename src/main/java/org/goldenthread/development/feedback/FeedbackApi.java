package org.goldenthread.development.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 360° feedback over the API. Nothing here returns what one rater answered: rounds give each
 * group's response count, reports give only the figures and comments the thresholds allow.
 */
@RestController
class FeedbackApi {

    private final FeedbackRounds rounds;
    private final RaterMail mail;
    private final Reports reports;
    private final BehaviourFrameworks frameworks;
    private final Reflections reflections;

    FeedbackApi(
            FeedbackRounds rounds,
            RaterMail mail,
            Reports reports,
            BehaviourFrameworks frameworks,
            Reflections reflections) {
        this.rounds = rounds;
        this.mail = mail;
        this.reports = reports;
        this.frameworks = frameworks;
        this.reflections = reflections;
    }

    record RoundView(
            long id,
            String leader,
            @JsonProperty("opened_on") LocalDate openedOn,
            @JsonProperty("closes_on") LocalDate closesOn,
            @JsonProperty("closed_on") @Nullable LocalDate closedOn,
            boolean closed,
            @JsonProperty("manager_shown") boolean managerShown,
            @JsonProperty("leader_type") boolean leaderType,
            String framework,
            List<FeedbackRounds.GroupRate> groups,
            List<Rater> raters) {}

    /** A rater just invited; {@code link} only when it was not emailed and must be passed on by hand. */
    record Invited(long id, boolean emailed, @Nullable String link) {}

    @Allowed({Role.ICS_ADMIN})
    @GetMapping("/api/v1/ics/{ods}/feedback/frameworks")
    @Operation(summary = "The ICS's behaviour frameworks for 360° feedback, with the one Golden Thread ships")
    List<BehaviourFramework> frameworks(@PathVariable String ods) {
        return frameworks.frameworks();
    }

    @Allowed({Role.ICS_ADMIN})
    @PostMapping("/api/v1/ics/{ods}/feedback/frameworks")
    @Operation(
            summary = "Import a behaviour framework, or adapt one by importing it again under its code",
            description = """
            A framework is a code, a title, a scale of 3 to 7 levels numbered from 1, and dimensions, each \
            with behaviours whose codes are used nowhere else in it. FeedbackRounds already started keep the \
            framework they started with.""")
    BehaviourFramework importFramework(@PathVariable String ods, @RequestBody BehaviourFramework framework) {
        return frameworks.save(framework);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/feedback/rounds")
    @Operation(summary = "360° rounds the caller runs (an administrator: every round) and those shared with them")
    Map<String, List<FeedbackRounds.Summary>> rounds(@PathVariable String ods) {
        return Map.of("running", rounds.managedRounds(), "shared_with_me", rounds.sharedRounds());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/api/v1/ics/{ods}/feedback/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Start a 360° round for yourself or, as an administrator, for a leader on the register",
            description = """
            `person_id` may be left out to start a round for the caller's own register entry. \
            `manager_shown` must be given: whether the line manager's answers show on their own; \
            raters are told before they answer.""")
    RoundView start(@PathVariable String ods, @RequestBody FeedbackRounds.Start start) {
        return view(rounds.start(start));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/feedback/rounds/{id}")
    @Operation(summary = "A 360° round: its raters and each group's response rate, never who answered what")
    RoundView round(@PathVariable String ods, @PathVariable long id) {
        return view(rounds.managed(id));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/api/v1/ics/{ods}/feedback/rounds/{id}/raters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Invite a rater to a 360° round; their link is emailed, or returned to pass on by hand",
            description = """
            400 for a rater already invited (by email), for the leader's own address, for a second line \
            manager and for a closed round.""")
    Invited nominate(
            @PathVariable String ods, @PathVariable long id, @RequestBody FeedbackRounds.Nomination nomination) {
        RaterLinks.Issued issued = rounds.nominate(id, nomination);
        boolean emailed = mail.canEmail(issued.invitationId());
        if (emailed) {
            mail.inviteAfterCommit(rounds.round(id), issued);
        }
        return new Invited(
                issued.invitationId(), emailed, emailed ? null : mail.base() + "/feedback/" + issued.token());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/api/v1/ics/{ods}/feedback/rounds/{id}/reminders")
    @Operation(summary = "Email a reminder, with a new link, to every rater who has not answered")
    Map<String, Integer> remind(@PathVariable String ods, @PathVariable long id) {
        return Map.of("reminders", mail.remind(id));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/api/v1/ics/{ods}/feedback/rounds/{id}/close")
    @Operation(summary = "Close a 360° round now; its report can then be read by the leader")
    RoundView close(@PathVariable String ods, @PathVariable long id) {
        return view(rounds.close(id));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/feedback/rounds/{id}/report")
    @Operation(
            summary = "A closed round's 360° report, for the leader and whoever they shared it with",
            description = """
            Groups under the ICS's threshold are pooled as others, or hidden; hidden figures are null. \
            An administrator who is neither gets 403: administrators see only response rates.""")
    FeedbackReport report(@PathVariable String ods, @PathVariable long id) {
        return reports.report(id);
    }

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/programmes/{id}/leader-types")
    @Operation(summary = "How many of a programme's participants reflected as each leader type, small counts hidden")
    Reflections.Cohort cohort(@PathVariable String ods, @PathVariable long id) {
        return reflections.cohort(id);
    }

    private RoundView view(Round round) {
        return new RoundView(
                round.id(),
                round.leader(),
                round.openedOn(),
                round.closesOn(),
                round.closedOn(),
                round.isClosed(rounds.today()),
                round.managerShown(),
                round.leaderType(),
                String.valueOf(round.framework().code()),
                rounds.rates(round.id()),
                rounds.raters(round.id()));
    }
}
