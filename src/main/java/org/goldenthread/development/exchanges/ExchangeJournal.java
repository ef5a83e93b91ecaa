package org.goldenthread.development.exchanges;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.goldenthread.development.Programmes;
import org.goldenthread.development.relationships.PersonalLinks;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An exchange as one of its two people sees it through their personal link: the two visits, each
 * person's reflection on each (what they saw, what they will take back), the ideas the pair raised
 * and the cohort's closing event. Reflections are the pair's own, as relationship notes are: only
 * these pages show them, and administrators learn only how many exist.
 */
@Component
public class ExchangeJournal {

    static final int LONGEST_REFLECTION = 5000;

    record Reflection(String saw, String takeBack, LocalDate givenOn) {}

    /** One visit as the pair sees it; {@code visit} is null until it has been arranged. */
    record VisitView(
            int number,
            Exchanges.Side host,
            Exchanges.Side guest,
            Exchanges.@Nullable Visit visit,
            boolean happened,
            @Nullable Reflection mine,
            @Nullable Reflection theirs) {}

    record PairExchange(
            Programmes.Programme programme,
            Exchanges.Pair pair,
            Exchanges.Side me,
            Exchanges.Side other,
            List<VisitView> visits,
            List<Ideas.Idea> ideas,
            Exchanges.@Nullable Closing closing) {}

    private final JdbcClient jdbc;
    private final Exchanges exchanges;
    private final Ideas ideas;
    private final Clock clock;

    ExchangeJournal(JdbcClient jdbc, Exchanges exchanges, Ideas ideas, Clock clock) {
        this.jdbc = jdbc;
        this.exchanges = exchanges;
        this.ideas = ideas;
        this.clock = clock;
    }

    /** The holder's exchange; a link to a relationship of any other kind of programme is not found here. */
    PairExchange view(PersonalLinks.Holder holder) {
        return view(holder.relationshipId(), holder.personId());
    }

    private PairExchange view(long relationshipId, long personId) {
        Programmes.Programme programme = exchanges.exchangeOf(relationshipId);
        Exchanges.Pair pair = exchanges.pair(programme.id(), relationshipId);
        boolean first = pair.first().personId() == personId;
        LocalDate today = LocalDate.now(clock);
        List<VisitView> visits = new ArrayList<>();
        for (int number = 1; number <= 2; number++) {
            Exchanges.Visit visit = pair.visit(number);
            Exchanges.Side host = pair.host(number);
            Exchanges.Side guest = number == 1 ? pair.second() : pair.first();
            long other = first ? pair.second().personId() : pair.first().personId();
            visits.add(new VisitView(
                    number,
                    host,
                    guest,
                    visit,
                    visit != null && !visit.visitsOn().isAfter(today),
                    visit == null ? null : reflection(visit.id(), personId).orElse(null),
                    visit == null ? null : reflection(visit.id(), other).orElse(null)));
        }
        return new PairExchange(
                programme,
                pair,
                first ? pair.first() : pair.second(),
                first ? pair.second() : pair.first(),
                visits,
                ideas.ofPair(pair.relationshipId()),
                exchanges.closing(programme.id()).orElse(null));
    }

    private Optional<Reflection> reflection(long visitId, long personId) {
        return jdbc.sql("""
                        select saw, take_back, given_on from exchange_reflection
                         where visit_id = :v and person_id = :person""")
                .param("v", visitId)
                .param("person", personId)
                .query(Reflection.class)
                .optional();
    }

    /** The holder's reflection on visit 1 or 2, once it has taken place; given again, it replaces theirs. */
    void reflect(PersonalLinks.Holder holder, int number, @Nullable String saw, @Nullable String takeBack) {
        reflect(holder.relationshipId(), holder.personId(), number, saw, takeBack);
    }

    /** As above, for one person of a pair by id (the demo's pairs reflect here). */
    public void reflect(
            long relationshipId, long personId, int number, @Nullable String saw, @Nullable String takeBack) {
        PairExchange exchange = view(relationshipId, personId);
        VisitView visit = exchange.visits().stream()
                .filter(v -> v.number() == number)
                .findFirst()
                .orElseThrow(() -> new NotFound("An exchange pair has visits 1 and 2"));
        List<Problem> problems = new ArrayList<>();
        Exchanges.Visit arranged = visit.visit();
        if (arranged == null) {
            problems.add(Problem.of("saw", "This visit has no date yet; reflect on it once it has taken place"));
        } else if (!visit.happened()) {
            problems.add(Problem.of(
                    "saw",
                    "This visit takes place on " + Dates.day(arranged.visitsOn())
                            + "; reflect on it once it has taken place"));
        }
        String seen = text("saw", "What you saw", saw, problems);
        String back = text("take_back", "What you will take back", takeBack, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        jdbc.sql("""
                        insert into exchange_reflection (visit_id, person_id, saw, take_back, given_on)
                        values (:v, :person, :saw, :back, :today)
                        on conflict (visit_id, person_id)
                        do update set saw = excluded.saw, take_back = excluded.take_back, given_on = excluded.given_on""")
                .param("v", java.util.Objects.requireNonNull(arranged).id())
                .param("person", personId)
                .param("saw", seen)
                .param("back", back)
                .param("today", LocalDate.now(clock))
                .update();
    }

    private static String text(String field, String name, @Nullable String raw, List<Problem> problems) {
        String value = FormValues.text(raw);
        if (value == null) {
            problems.add(Problem.of(field, "Enter " + Character.toLowerCase(name.charAt(0)) + name.substring(1)));
            return "";
        }
        if (value.length() > LONGEST_REFLECTION) {
            problems.add(Problem.of(field, name + " must be " + LONGEST_REFLECTION + " characters or fewer"));
        }
        return value;
    }
}
