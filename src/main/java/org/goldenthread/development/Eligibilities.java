package org.goldenthread.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Professions;
import org.goldenthread.people.Register;
import org.goldenthread.structure.Forums;
import org.goldenthread.structure.Seat;
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
        Map<Long, String> levelBySeat = new HashMap<>();
        Map<Long, String> levelByForum = new HashMap<>();
        forums.forums().forEach(f -> levelByForum.put(f.id(), f.level()));
        for (Seat s : forums.seats()) {
            levelBySeat.put(s.id(), levelByForum.get(s.forumId()));
        }
        Set<String> levels = new LinkedHashSet<>();
        for (Appointment a : register.appointmentsOf(person.id())) {
            if (a.isCurrentOn(today) && levelBySeat.get(a.seatId()) != null) {
                levels.add(levelBySeat.get(a.seatId()));
            }
        }
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
