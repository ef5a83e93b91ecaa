package org.goldenthread.development.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own development plan, and the plans others have shared with them. */
@RestController
class DevelopmentPlanApi {

    private final DevelopmentPlan plan;
    private final Register register;

    DevelopmentPlanApi(DevelopmentPlan plan, Register register) {
        this.plan = plan;
        this.register = register;
    }

    record Plan(
            List<DevelopmentPlan.Goal> goals,
            @JsonProperty("shared_with") List<DevelopmentPlan.Share> sharedWith) {}

    record ShareSent(@Nullable String email) {}

    /** The caller's register entry: a plan is only ever its owner's to change. */
    Person self() {
        return register.personByEmail(Scope.currentCaller().email())
                .orElseThrow(() -> new NotFound(
                        "Your account's email address is not on this ICS's register, so there is no plan of yours"));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/development/plan")
    @Operation(
            summary = "Your own development plan: its goals and who you share it with",
            description = "Answers 404 when the caller's email address is not on the ICS's register.")
    Plan mine(@PathVariable String ods) {
        Person self = self();
        return new Plan(plan.goals(self), plan.shares(self));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/api/v1/ics/{ods}/development/plan/goals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a goal to your development plan", description = """
            `title` (up to 200 characters) is required; `success` (what meeting it looks like, up to 2,000), \
            `due_on` (year-month-day) and `offer_id` (an offer in the catalogue that is not retired) are optional.""")
    DevelopmentPlan.Goal add(@PathVariable String ods, @RequestBody DevelopmentPlan.GoalDetails goal) {
        return plan.add(self(), goal);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PatchMapping("/api/v1/ics/{ods}/development/plan/goals/{id}")
    @Operation(
            summary = "Change a goal of yours, or mark it met, set it aside or open it again",
            description = "Fields left out keep their value; a blank one clears it. `status` is open, met or dropped.")
    DevelopmentPlan.Goal change(
            @PathVariable String ods, @PathVariable long id, @RequestBody DevelopmentPlan.GoalDetails goal) {
        return plan.change(self(), id, goal);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @DeleteMapping("/api/v1/ics/{ods}/development/plan/goals/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a goal from your development plan")
    void remove(@PathVariable String ods, @PathVariable long id) {
        plan.remove(self(), id);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @PostMapping("/api/v1/ics/{ods}/development/plan/shares")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Let someone read your development plan", description = """
            They read it, and cannot change it, once they sign in with that address and hold a role in this ICS.""")
    DevelopmentPlan.Share share(@PathVariable String ods, @RequestBody ShareSent share) {
        return plan.share(self(), share.email());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @DeleteMapping("/api/v1/ics/{ods}/development/plan/shares/{email}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop sharing your development plan with someone")
    void unshare(@PathVariable String ods, @PathVariable String email) {
        plan.unshare(self(), email);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/development/plan/shared")
    @Operation(summary = "Development plans others have shared with you, read-only")
    List<DevelopmentPlan.SharedPlan> shared(@PathVariable String ods) {
        return plan.sharedWith(Scope.currentCaller().email());
    }
}
