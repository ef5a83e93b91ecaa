package org.goldenthread.development.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.goldenthread.development.Catalogue;
import org.goldenthread.development.Offer;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A leader's development plan: the goals they set themselves, each perhaps tied to an offer in the
 * catalogue, and the people they let read it. The plan is in their own words and theirs alone, so
 * none of it is written to the audit log, whose entries administrators read.
 */
@Component
class DevelopmentPlan {

    static final int LONGEST_TITLE = 200;
    static final int LONGEST_SUCCESS = 2000;
    static final int MOST_SHARES = 20;

    record Goal(
            long id,
            String title,
            @Nullable String success,
            @JsonProperty("due_on") @Nullable LocalDate dueOn,
            @JsonProperty("offer_id") @Nullable Long offerId,
            @Nullable String offer,
            String status,
            @JsonProperty("added_on") LocalDate addedOn,
            @JsonProperty("closed_on") @Nullable LocalDate closedOn) {

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isOpen() {
            return GoalStatus.OPEN.code().equals(status);
        }
    }

    /** A goal as described in the form or the API; on a change, what is left out (null) stays as it was. */
    record GoalDetails(
            @Nullable String title,
            @Nullable String success,
            @JsonProperty("due_on") @Nullable String dueOn,
            // a number, as goals are read, or text, as the page's select sends it
            @JsonProperty("offer_id") @Nullable Object offerId,
            @Nullable String status) {}

    record Share(String email, @JsonProperty("shared_on") LocalDate sharedOn) {}

    /** A plan someone shared with the caller. */
    record SharedPlan(
            @JsonProperty("person_id") long personId,
            String name,
            @JsonProperty("shared_on") LocalDate sharedOn,
            List<Goal> goals) {}

    private static final String GOALS = """
            select id, title, success, due_on, offer_id, null as offer, status, added_on, closed_on
              from plan_goal""";

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Register register;
    private final Clock clock;

    DevelopmentPlan(JdbcClient jdbc, Catalogue catalogue, Register register, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.register = register;
        this.clock = clock;
    }

    /** The caller's address, which owns what they set: see the migration's note on owner_email. */
    private static String owner() {
        return Scope.currentCaller().email().strip().toLowerCase(Locale.ROOT);
    }

    /** Open goals first, soonest due first; then those met or set aside, latest first. */
    List<Goal> goals(Person person) {
        return goals(person.id(), owner());
    }

    private List<Goal> goals(long personId, String ownerEmail) {
        Map<Long, String> offers = offerTitles();
        String sql = GOALS + """

                 where person_id = :person and owner_email = :owner
                 order by status <> 'open', case when status = 'open' then due_on end nulls last,
                          closed_on desc nulls last, id""";
        return jdbc.sql(sql).param("person", personId).param("owner", ownerEmail).query(Goal.class).list().stream()
                .map(g -> withOffer(g, offers))
                .toList();
    }

    private Map<Long, String> offerTitles() {
        Map<Long, String> titles = new java.util.HashMap<>();
        catalogue.offers().forEach(o -> titles.put(o.id(), o.title()));
        return titles;
    }

    private static Goal withOffer(Goal g, Map<Long, String> offers) {
        return g.offerId() == null
                ? g
                : new Goal(
                        g.id(),
                        g.title(),
                        g.success(),
                        g.dueOn(),
                        g.offerId(),
                        offers.get(g.offerId()),
                        g.status(),
                        g.addedOn(),
                        g.closedOn());
    }

    /** One of the person's goals; another's, or none, is not found, alike. */
    Goal goal(Person person, long id) {
        return goals(person).stream()
                .filter(g -> g.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("No goal " + id + " in your development plan"));
    }

    /** The offers a goal may be tied to: those not retired. */
    List<Offer> offers() {
        return catalogue.offers().stream().filter(o -> !o.retired()).toList();
    }

    @Transactional
    Goal add(Person person, GoalDetails d) {
        List<Problem> problems = new ArrayList<>();
        String title = title(d.title(), problems);
        String success = success(d.success(), problems);
        LocalDate due = due(d.dueOn(), problems);
        Long offer = offer(d.offerId(), null, problems);
        if (d.status() != null
                && !d.status().isBlank()
                && !GoalStatus.OPEN.code().equals(d.status().strip())) {
            problems.add(Problem.of("status", "A new goal starts open; mark it met or set it aside afterwards"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id = jdbc.sql("""
                        insert into plan_goal (person_id, owner_email, title, success, due_on, offer_id, added_on)
                        values (:person, :owner, :title, :success, :due, :offer, :today) returning id""")
                .param("person", person.id())
                .param("owner", owner())
                .param("title", title)
                .param("success", success)
                .param("due", due)
                .param("offer", offer)
                .param("today", LocalDate.now(clock))
                .query(Long.class)
                .single();
        return goal(person, id);
    }

    /** Changes a goal; fields left out keep their value, and a blank one clears it (except the title). */
    @Transactional
    Goal change(Person person, long id, GoalDetails d) {
        Goal before = goal(person, id);
        List<Problem> problems = new ArrayList<>();
        String title = d.title() == null ? before.title() : title(d.title(), problems);
        String success = d.success() == null ? before.success() : success(d.success(), problems);
        LocalDate due = d.dueOn() == null ? before.dueOn() : due(d.dueOn(), problems);
        Long offer = d.offerId() == null ? before.offerId() : offer(d.offerId(), before.offerId(), problems);
        String status = before.status();
        if (d.status() != null) {
            status = Coded.parse(GoalStatus.class, d.status())
                    .map(GoalStatus::code)
                    .orElseGet(() -> {
                        problems.add(Problem.of(
                                "status",
                                "'" + d.status() + "' is not a goal's status; use " + Coded.choices(GoalStatus.class)));
                        return before.status();
                    });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        LocalDate closed = GoalStatus.OPEN.code().equals(status)
                ? null
                : status.equals(before.status()) && before.closedOn() != null
                        ? before.closedOn()
                        : LocalDate.now(clock);
        jdbc.sql("""
                        update plan_goal set title = :title, success = :success, due_on = :due, offer_id = :offer,
                               status = :status, closed_on = :closed
                         where id = :id and person_id = :person and owner_email = :owner""")
                .param("title", title)
                .param("success", success)
                .param("due", due)
                .param("offer", offer)
                .param("status", status)
                .param("closed", closed)
                .param("id", id)
                .param("person", person.id())
                .param("owner", owner())
                .update();
        return goal(person, id);
    }

    @Transactional
    void remove(Person person, long id) {
        goal(person, id);
        jdbc.sql("delete from plan_goal where id = :id and person_id = :person and owner_email = :owner")
                .param("id", id)
                .param("person", person.id())
                .param("owner", owner())
                .update();
    }

    List<Share> shares(Person person) {
        return jdbc.sql("""
                        select email, shared_on from plan_share where person_id = :person and owner_email = :owner
                         order by email""")
                .param("person", person.id())
                .param("owner", owner())
                .query(Share.class)
                .list();
    }

    @Transactional
    Share share(Person person, @Nullable String email) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        List<Share> shares = shares(person);
        if (address.isEmpty()) {
            throw new InvalidInput("email", "Enter the email address of the person to share your plan with");
        }
        if (!address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || address.length() > 320) {
            throw new InvalidInput("email", "'" + email + "' is not an email address");
        }
        if (owner().equals(address) || (person.email() != null && person.email().equalsIgnoreCase(address))) {
            throw new InvalidInput("email", "That is your own address: your plan is always yours to read");
        }
        if (shares.stream().anyMatch(s -> s.email().equals(address))) {
            throw new InvalidInput("email", "Your plan is already shared with " + address);
        }
        if (shares.size() >= MOST_SHARES) {
            throw new InvalidInput(
                    "email",
                    "Your plan is shared with " + MOST_SHARES
                            + " people, the most it can be; stop sharing with one first");
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                        insert into plan_share (person_id, owner_email, email, shared_on)
                        values (:person, :owner, :email, :today) on conflict do nothing""")
                .param("person", person.id())
                .param("owner", owner())
                .param("email", address)
                .param("today", today)
                .update();
        return new Share(address, today);
    }

    @Transactional
    void unshare(Person person, String email) {
        int gone = jdbc.sql("""
                        delete from plan_share where person_id = :person and owner_email = :owner and email = :email""")
                .param("person", person.id())
                .param("owner", owner())
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .update();
        if (gone == 0) {
            throw new NotFound("Your plan is not shared with " + email);
        }
    }

    /** The plans shared with this address in the ICS in scope, by the name of whose they are. */
    List<SharedPlan> sharedWith(String email) {
        record Row(long personId, String ownerEmail, LocalDate sharedOn) {}
        List<Row> rows = jdbc.sql("select person_id, owner_email, shared_on from plan_share where email = :email")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query(Row.class)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Person> people =
                register.people(rows.stream().map(Row::personId).toList());
        return rows.stream()
                .filter(r -> people.containsKey(r.personId()))
                .map(r -> {
                    Person p = java.util.Objects.requireNonNull(people.get(r.personId()));
                    return new SharedPlan(p.id(), p.fullName(), r.sharedOn(), goals(p.id(), r.ownerEmail()));
                })
                .sorted(java.util.Comparator.comparing(SharedPlan::name))
                .toList();
    }

    /** A plan shared with this address; not found alike whether it does not exist or is not shared. */
    SharedPlan sharedPlan(String email, long personId) {
        return sharedWith(email).stream()
                .filter(p -> p.personId() == personId)
                .findFirst()
                .orElseThrow(() -> new NotFound("No development plan " + personId + " shared with you in this ICS"));
    }

    private static String title(@Nullable String text, List<Problem> problems) {
        String title = text == null ? "" : text.strip();
        if (title.isEmpty()) {
            problems.add(Problem.of("title", "Enter the goal"));
        } else if (title.length() > LONGEST_TITLE) {
            problems.add(
                    Problem.of("title", "Keep the goal to " + LONGEST_TITLE + " characters; it has " + title.length()));
        }
        return title;
    }

    private static @Nullable String success(@Nullable String text, List<Problem> problems) {
        String success = text == null || text.isBlank() ? null : text.strip();
        if (success != null && success.length() > LONGEST_SUCCESS) {
            problems.add(Problem.of(
                    "success",
                    "Keep what success looks like to " + LONGEST_SUCCESS + " characters; it has " + success.length()));
        }
        return success;
    }

    /** From the three boxes of the page's date input, or year-month-day from the API. */
    private static @Nullable LocalDate due(@Nullable String text, List<Problem> problems) {
        return FormValues.date("due_on", "When you aim to meet it", text, problems);
    }

    /** The offer's id; a retired offer may stay on a goal already tied to it, not be chosen afresh. */
    private @Nullable Long offer(@Nullable Object given, @Nullable Long current, List<Problem> problems) {
        String text = given == null ? null : given.toString();
        if (text == null || text.isBlank()) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.of("offer_id", "'" + text + "' is not an offer's id"));
            return null;
        }
        if (current != null && current == id) {
            return id;
        }
        if (offers().stream().noneMatch(o -> o.id() == id)) {
            problems.add(Problem.of("offer_id", "There is no offer " + id + " open in this ICS's catalogue"));
            return null;
        }
        return id;
    }
}
