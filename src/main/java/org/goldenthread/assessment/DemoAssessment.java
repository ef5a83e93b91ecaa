package org.goldenthread.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.DemoIcsCreated;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's self-assessment against the 2021 national framework: two closed cycles a year
 * apart, in which most indicators improve, and an open one part-way through, so the trend, the
 * spread of views, the action plan (with overdue actions) and the board report all have content.
 * Closed cycles freeze the demo register's figures as they are when the demo loads.
 */
@Component
class DemoAssessment {

    private final Frameworks frameworks;
    private final Cycles cycles;
    private final Ratings ratings;
    private final Citations citations;
    private final Actions actions;
    private final Closings closings;
    private final Surveys surveys;
    private final Clock clock;
    private @Nullable Long pulse;

    DemoAssessment(
            Frameworks frameworks,
            Cycles cycles,
            Ratings ratings,
            Citations citations,
            Actions actions,
            Closings closings,
            Surveys surveys,
            Clock clock) {
        this.frameworks = frameworks;
        this.cycles = cycles;
        this.ratings = ratings;
        this.citations = citations;
        this.actions = actions;
        this.closings = closings;
        this.surveys = surveys;
        this.clock = clock;
    }

    @EventListener
    @Order(4)
    void on(DemoIcsCreated event) {
        Tenant tenant = event.tenant();
        Caller lead = event.people().get(0);
        List<Caller> contributors = event.people();
        Random random = new Random(20211001L);
        LocalDate today = LocalDate.now(clock);
        new Scope(lead, tenant, false).run(() -> {
            // the demo's pulse survey, when the engagement module has loaded it, is cited as evidence of reach
            pulse = surveys.surveys().stream()
                    .filter(s -> s.code().equals("place-pulse"))
                    .map(Surveys.Listed::id)
                    .findFirst()
                    .orElse(null);
            long framework = frameworks.adopt("national-2021");
            List<String> indicators = frameworks
                    .framework(framework)
                    .framework()
                    .indicators()
                    .map(Framework.Indicator::code)
                    .toList();
            // where the demo ICS stood on each indicator in the first cycle; later cycles mostly move up
            // P3.1 (protected time) starts at 3, "mostly used": the demo register's appointments use
            // about three quarters of the time agreed, and the cycle cites that figure as evidence
            int[] start = {2, 1, 2, 1, 2, 1, 2, 3, 1, 1, 2, 1};
            LocalDate first = today.minusMonths(26).withDayOfMonth(1);
            long one = run(
                    framework,
                    title(first),
                    first,
                    first.plusMonths(6),
                    indicators,
                    start,
                    contributors,
                    tenant,
                    random,
                    true);
            actions(
                    one,
                    first.plusMonths(6),
                    List.of(
                            new Planned(
                                    "P3.1",
                                    "Agree a standard of one protected session a week for every place lead",
                                    "Chief Medical Officer",
                                    4,
                                    "done"),
                            new Planned(
                                    "E2.1",
                                    "Draft the local framework with partners and publish it",
                                    "Director of Nursing",
                                    6,
                                    "done"),
                            new Planned(
                                    "P1.2",
                                    "Recruit experts by experience to the professional council",
                                    "Head of Engagement",
                                    9,
                                    "in_progress")));

            int[] second = Arrays.stream(start)
                    .map(level -> Math.min(4, level + (random.nextInt(3) == 0 ? 0 : 1)))
                    .toArray();
            second[indicators.indexOf("P3.1")] = 3; // still mostly used, not yet backfilled for every role
            LocalDate opened = today.minusMonths(14).withDayOfMonth(1);
            long two = run(
                    framework,
                    title(opened),
                    opened,
                    opened.plusMonths(6),
                    indicators,
                    second,
                    contributors,
                    tenant,
                    random,
                    true);
            actions(
                    two,
                    opened.plusMonths(6),
                    List.of(
                            new Planned(
                                    "P3.1",
                                    "Fund backfill so place leads can use their protected time",
                                    "Chief Nursing Officer",
                                    6,
                                    "in_progress"),
                            new Planned(
                                    "P3.2",
                                    "Fill the vacant place seats through an open round",
                                    "Head of Leadership and OD",
                                    3,
                                    "not_started"),
                            new Planned(
                                    "P5.1",
                                    "Open two system seats to early-career professionals",
                                    "Chief Medical Officer",
                                    14,
                                    "not_started")));

            LocalDate now = today.minusMonths(2).withDayOfMonth(1);
            int[] third = Arrays.stream(second)
                    .map(level -> Math.min(4, level + (random.nextInt(4) == 0 ? 1 : 0)))
                    .toArray();
            run(framework, title(now), now, null, indicators.subList(0, 7), third, contributors, tenant, random, false);
        });
        event.partLoaded();
    }

    private static String title(LocalDate opened) {
        return "Self-assessment " + opened.getYear() + "/"
                + String.valueOf(opened.getYear() + 1).substring(2);
    }

    private record Planned(String indicator, String title, String owner, int dueMonths, String status) {}

    private void actions(long cycle, LocalDate from, List<Planned> planned) {
        for (Planned p : planned) {
            long id = actions.addAction(cycle, p.indicator(), p.title(), p.owner(), from.plusMonths(p.dueMonths()));
            if (!p.status().equals("not_started")) {
                actions.setStatus(cycle, id, p.status());
            }
        }
    }

    /**
     * Opens a cycle, has each contributor rate each of the given indicators near the agreed level
     * (so some views differ), agrees them, and closes the cycle when asked.
     */
    private long run(
            long framework,
            String title,
            LocalDate opened,
            @Nullable LocalDate closed,
            List<String> indicators,
            int[] levels,
            List<Caller> contributors,
            Tenant tenant,
            Random random,
            boolean agreeAll) {
        long id = cycles.open(framework, title, null, opened);
        if (pulse != null) {
            citations.cite(id, "P1.1", "net_agreement", pulse, "Q1");
            citations.cite(id, "P1.1", "engagement_reach", pulse, null);
        }
        List<String> rated = new ArrayList<>(indicators);
        for (Caller contributor : contributors) {
            new Scope(contributor, tenant, false).run(() -> {
                for (int i = 0; i < rated.size(); i++) {
                    int level = Math.max(1, Math.min(4, levels[i] + random.nextInt(3) - 1));
                    ratings.rate(
                            id,
                            rated.get(i),
                            level,
                            level < levels[i]
                                    ? "Better in some places than others"
                                    : level > levels[i] ? "Much improved where I work" : null);
                }
            });
        }
        int agreeing = agreeAll ? rated.size() : 3;
        for (int i = 0; i < agreeing; i++) {
            ratings.agree(
                    id,
                    rated.get(i),
                    levels[i],
                    levels[i] <= 2
                            ? "Contributors saw pockets of good practice, but not across the ICS yet"
                            : "Most contributors saw this working at every level, with evidence");
        }
        if (closed != null) {
            closings.close(id, closed);
        }
        return id;
    }
}
