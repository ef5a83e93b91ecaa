package org.goldenthread.development.time;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own time log and check-ins, and the ICS's figures from everyone's. */
@RestController
class TimeApi {

    private final TimeLog log;
    private final TimeFigures figures;
    private final Register register;

    TimeApi(TimeLog log, TimeFigures figures, Register register) {
        this.log = log;
        this.figures = figures;
        this.register = register;
    }

    record Log(
            @JsonProperty("open_weeks") List<LocalDate> openWeeks,
            List<TimeLog.Role> roles,
            List<TimeLog.Week> weeks) {}

    /** A week as sent: hours by appointment id; a role left out or blank has none recorded that week. */
    record WeekSent(
            @Nullable Map<String, @Nullable BigDecimal> hours,
            @Nullable String workload,
            @JsonProperty("time_kept") @Nullable String timeKept,
            @Nullable String note) {}

    /** The caller's register entry: only the leader themselves records their time. */
    Person self() {
        return register.personByEmail(Scope.currentCaller().email())
                .orElseThrow(
                        () -> new NotFound(
                                "Your account's email address is not on this ICS's register, so there is no time of yours to record"));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/development/time")
    @Operation(
            summary =
                    "Your own time log: your roles, the weeks open to record, and the last quarter's weeks with check-ins",
            description = "Answers 404 when the caller's email address is not on the ICS's register.")
    Log mine(@PathVariable String ods) {
        Person self = self();
        return new Log(log.openWeeks(), log.roles(self), log.recent(self));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PutMapping("/api/v1/ics/{ods}/development/time/{week}")
    @Operation(
            summary = "Record a week of your own: hours in each role and, if you like, a check-in",
            description = """
            `week` is the week's Monday: this week or one of the three before it. `hours` maps appointment \
            ids to hours (0 to 80, one decimal place); `workload` is manageable, stretched or unmanageable; \
            `time_kept` is fully, partly or not_at_all; `note` is for you alone. The week replaces whatever \
            was recorded for it, and each role's hours used a week on the register become the average of \
            the weeks recorded in the last 13.""")
    TimeLog.Week record(@PathVariable String ods, @PathVariable String week, @RequestBody WeekSent sent) {
        Map<Long, String> hours = new LinkedHashMap<>();
        if (sent.hours() != null) {
            for (Map.Entry<String, @Nullable BigDecimal> e : sent.hours().entrySet()) {
                long id;
                try {
                    id = Long.parseLong(e.getKey().strip());
                } catch (NumberFormatException x) {
                    throw new org.goldenthread.platform.InvalidInput(
                            "hours", "'" + e.getKey() + "' is not an appointment id; key hours by appointment id");
                }
                // toString keeps an exponent as written (1E+999999999); toPlainString would spell out its zeros
                hours.put(id, e.getValue() == null ? null : e.getValue().toString());
            }
        }
        return log.record(self(), new TimeLog.Recording(week, hours, sent.workload(), sent.timeKept(), sent.note()));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/development/time/figures")
    @Operation(summary = "Time and wellbeing month by month, for the ICS or the places a lead leads", description = """
            The last three months nobody can record in any more. Each person counts once a month; counts \
            of 1 to k−1 people are null, with whatever else would give them away.""")
    TimeFigures.Figures figures(@PathVariable String ods) {
        return figures.figures(Scope.reach(Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST));
    }
}
