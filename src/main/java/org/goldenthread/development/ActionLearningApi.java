package org.goldenthread.development;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.people.Person;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Action learning sets over the API: people are named by their register reference. */
@RestController
class ActionLearningApi {

    private final ActionLearningSets sets;

    ActionLearningApi(ActionLearningSets sets) {
        this.sets = sets;
    }

    record PlanBody(
            @JsonProperty("set_size") @Nullable Integer setSize,
            @JsonProperty("first_meeting_on") @Nullable LocalDate firstMeetingOn,
            @JsonProperty("every_weeks") @Nullable Integer everyWeeks,
            @Nullable Integer meetings) {}

    record SetView(
            int number,
            List<String> members,
            @JsonProperty("shared_pairs") int sharedPairs,
            List<LocalDate> meetings) {}

    record SetsView(
            List<SetView> sets,
            @JsonProperty("shared_pairs") int sharedPairs,
            List<String> waiting,
            String objective) {

        static SetsView of(ActionLearningSets.Sets s) {
            return new SetsView(
                    s.sets().stream()
                            .map(set ->
                                    new SetView(set.number(), refs(set.members()), set.sharedPairs(), set.meetings()))
                            .toList(),
                    s.sharedPairs(),
                    refs(s.waiting()),
                    s.objective());
        }

        private static List<String> refs(List<Person> people) {
            return people.stream().map(Person::personRef).toList();
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/programmes/{id}/sets")
    @Operation(summary = "Form an action learning programme's sets afresh", description = """
            Places every participant in sets of 5 to 8 near `set_size` (default 6), mixing professions and \
            employers as much as possible (the objective is returned), and gives each set `meetings` meetings \
            (default 6) every `every_weeks` weeks (default 4) from `first_meeting_on`. Replaces the sets formed \
            before. Nine participants make no split: one waits (`waiting`). 400 for a programme that pairs people.""")
    SetsView form(@PathVariable String ods, @PathVariable long id, @RequestBody PlanBody body) {
        if (body.firstMeetingOn() == null) {
            throw new InvalidInput("first_meeting_on", "Give the date of the first meeting, like 2027-01-12");
        }
        return SetsView.of(sets.form(
                id,
                ActionLearningSets.Plan.from(
                        body.setSize(), body.firstMeetingOn(), body.everyWeeks(), body.meetings())));
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/api/v1/ics/{ods}/programmes/{id}/sets")
    @Operation(summary = "An action learning programme's sets, their meetings and who waits for a set")
    SetsView sets(@PathVariable String ods, @PathVariable long id) {
        return SetsView.of(sets.sets(id));
    }
}
