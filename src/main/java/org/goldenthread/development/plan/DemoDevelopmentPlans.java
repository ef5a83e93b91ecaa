package org.goldenthread.development.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.goldenthread.development.Catalogue;
import org.goldenthread.development.Offer;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Scope;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's development plans: a handful of leaders with two or three goals each, some tied to
 * the demo's offers, one met and one set aside. Plans are their holders' alone, so they show only to
 * someone whose account's address is put on one of these register entries.
 */
@Component
class DemoDevelopmentPlans {

    private static final String[][] GOALS = {
        {"Chair a place partnership meeting with confidence", "Three meetings chaired, each ending in a clear decision"
        },
        {"Bring pharmacy's view to the clinical senate", "A paper from community pharmacy tabled and discussed"},
        {"Build a network with social care leaders in my place", "Regular contact with three social care leads"},
        {"Understand how the ICB board makes decisions", "Attended two board meetings and one committee"},
        {"Mentor a colleague new to a system role", null},
        {"Protect my leadership day each week", "Four weeks in a row with the day kept"},
    };

    private final Register register;
    private final Catalogue catalogue;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoDevelopmentPlans(Register register, Catalogue catalogue, JdbcClient jdbc, Clock clock) {
        this.register = register;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    @Order(7)
    void on(DemoIcsCreated event) {
        new Scope(event.people().get(0), event.tenant(), false).run(this::plans);
        event.partLoaded();
    }

    private void plans() {
        LocalDate today = LocalDate.now(clock);
        List<Person> people = new ArrayList<>(register.people());
        people.sort(Comparator.comparing(Person::personRef));
        List<Offer> offers =
                catalogue.offers().stream().filter(o -> !o.retired()).toList();
        for (int p = 0; p < Math.min(6, people.size()); p++) {
            Person person = people.get(p * 7 % people.size());
            for (int g = 0; g < 2 + p % 2; g++) {
                String[] goal = GOALS[(p + g) % GOALS.length];
                String status = p == 1 && g == 0 ? "met" : p == 4 && g == 1 ? "dropped" : "open";
                jdbc.sql("""
                                insert into plan_goal (person_id, owner_email, title, success, due_on, offer_id, status,
                                                       added_on, closed_on)
                                values (:person, :owner, :title, :success, :due, :offer, :status, :added, :closed)""")
                        .param("person", person.id())
                        .param(
                                "owner",
                                person.email() == null
                                        ? person.personRef().toLowerCase(java.util.Locale.ROOT) + "@demo.invalid"
                                        : person.email().toLowerCase(java.util.Locale.ROOT))
                        .param("title", goal[0])
                        .param("success", goal[1])
                        .param("due", today.plusMonths(3L + g * 3L))
                        .param(
                                "offer",
                                offers.isEmpty() || g != 0
                                        ? null
                                        : offers.get(p % offers.size()).id())
                        .param("status", status)
                        .param("added", today.minusMonths(4L - g))
                        .param("closed", "open".equals(status) ? null : today.minusWeeks(2))
                        .update();
            }
        }
    }
}
