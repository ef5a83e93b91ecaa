package org.goldenthread.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Professions;
import org.goldenthread.people.Register;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Forums;
import org.springframework.stereotype.Component;

/** Reads a person's eligibility from the register, finding a signed-in person by their account's email. */
@Component
class Eligibilities {

    private final Register register;
    private final Professions professions;
    private final Forums forums;
    private final Clock clock;

    Eligibilities(Register register, Professions professions, Forums forums, Clock clock) {
        this.register = register;
        this.professions = professions;
        this.forums = forums;
        this.clock = clock;
    }

    Eligibility ofAccount(String email) {
        return register.personByEmail(email).map(this::of).orElseGet(Eligibility::nobody);
    }

    Eligibility of(Person person) {
        LocalDate today = LocalDate.now(clock);
        Set<String> forumsSatOn = register.appointmentsOf(person.id()).stream()
                .filter(a -> a.isCurrentOn(today))
                .map(Appointment::forum)
                .collect(Collectors.toSet());
        // A forum's name is unique in the ICS; someone with no seat today needs no forum read at all.
        Set<String> levels = forumsSatOn.isEmpty()
                ? Set.of()
                : forums.forums().stream()
                        .filter(f -> forumsSatOn.contains(f.name()))
                        .map(Forum::level)
                        .collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        if (person.careerStage() == null) {
            unknown.add("career stage");
        }
        if (person.sector() == null) {
            unknown.add("sector");
        }
        if (levels.isEmpty()) {
            unknown.add("level (no seat on a forum today)");
        }
        String group = professions
                .find(person.profession())
                .map(p -> p.professionGroup())
                .orElse(null);
        return new Eligibility(
                person, person.profession(), group, person.careerStage(), person.sector(), levels, unknown);
    }
}
