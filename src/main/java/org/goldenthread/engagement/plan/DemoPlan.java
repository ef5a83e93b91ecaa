package org.goldenthread.engagement.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.goldenthread.engagement.Codebook;
import org.goldenthread.engagement.Surveys;
import org.goldenthread.platform.DemoIcsCreated;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo ICS's engagement plan: the networks and groups it means to hear from, activities past and
 * to come (one of them overdue, so the overview has something to flag), and for the demo pulse
 * survey its comments coded into themes, the actions taken on them and a published "you said, we
 * did" page. The page's link is not kept anywhere, as for any page: an admin trying the demo gets
 * one by asking for a new link.
 */
@Component
class DemoPlan {

    /** Themes of the pulse's comments, each with words that mark a comment as raising it. */
    private static final Map<String, List<String>> THEMES = Map.of(
            "Asked too late", List.of("before we are asked", "implementation plan", "papers arrive", "only hear"),
            "Voices missing from the room",
                    List.of("social care", "community nursing", "pharmacist", "paramedics", "junior", "midwifery"),
            "Time to take part", List.of("working hours", "protected time", "cover"),
            "Hearing back", List.of("feedback on what happened", "followed up", "rarely hears", "could see our input"));

    private final StakeholderGroups groups;
    private final Activities activities;
    private final YouSaidWeDid yswd;
    private final PublicLinks links;
    private final Surveys surveys;
    private final Codebook codebook;
    private final Clock clock;

    DemoPlan(
            StakeholderGroups groups,
            Activities activities,
            YouSaidWeDid yswd,
            PublicLinks links,
            Surveys surveys,
            Codebook codebook,
            Clock clock) {
        this.groups = groups;
        this.activities = activities;
        this.yswd = yswd;
        this.links = links;
        this.surveys = surveys;
        this.codebook = codebook;
        this.clock = clock;
    }

    @EventListener
    @Order(9)
    void on(DemoIcsCreated event) {
        LocalDate today = LocalDate.now(clock);
        long nurses = group("Nursing and midwifery council", "professional_network", 2400, "Chief nurse's office");
        long ahps = group("Allied health professions council", "professional_network", 1800, "Chief AHP");
        long unions = group("Staff side partnership forum", "trade_union", 40, "Director of people");
        long patients = group("Patient and carer reference group", "patient_group", 25, "Head of engagement");
        long students = group("University faculty of health", "education_partner", 600, "Workforce lead");
        group("Community pharmacy network", "professional_network", 150, null);

        Surveys.@Nullable Listed pulse = survey("place-pulse");
        Surveys.@Nullable Listed next = survey("place-pulse-next");
        activity(
                "survey",
                "Place partnership pulse",
                pulse == null ? today.minusMonths(3) : pulse.opensOn(),
                pulse == null ? today.minusMonths(2) : pulse.closesOn(),
                nurses,
                "done",
                pulse == null ? null : pulse.id());
        activity(
                "roundtable",
                "Roundtable with allied health professionals",
                today.minusDays(45),
                today.minusDays(45),
                ahps,
                "done",
                null);
        activity(
                "focus_group",
                "Focus group with patients and carers on urgent care",
                today.minusDays(30),
                today.minusDays(9),
                patients,
                "planned",
                null);
        activity(
                "newsletter",
                "Newsletter: what the pulse told us",
                today.minusDays(3),
                today.plusDays(4),
                null,
                "under_way",
                null);
        activity(
                "survey",
                "Place partnership pulse: next round",
                today,
                today.plusWeeks(4),
                nurses,
                "under_way",
                next == null ? null : next.id());
        activity(
                "one_to_one",
                "Meeting with staff side leads",
                today.plusDays(10),
                today.plusDays(10),
                unions,
                "planned",
                null);
        activity(
                "webinar",
                "Webinar for students on placement",
                today.plusDays(40),
                today.plusDays(40),
                students,
                "planned",
                null);

        if (pulse != null) {
            youSaidWeDid(pulse.id(), today);
        }
        event.partLoaded();
    }

    private Surveys.@Nullable Listed survey(String code) {
        return surveys.surveys().stream()
                .filter(s -> s.code().equals(code))
                .findFirst()
                .orElse(null);
    }

    private long group(String name, String kind, int size, @Nullable String owner) {
        return groups.create(new GroupForm(name, kind, String.valueOf(size), owner))
                .id();
    }

    private void activity(
            String kind,
            String title,
            LocalDate starts,
            LocalDate ends,
            @Nullable Long group,
            String status,
            @Nullable Long survey) {
        activities.create(new ActivityForm(
                kind,
                title,
                starts.toString(),
                ends.toString(),
                group == null ? null : group.toString(),
                null,
                status,
                "Engagement team",
                survey == null ? null : survey.toString(),
                null));
    }

    private void youSaidWeDid(long surveyId, LocalDate today) {
        Map<String, Long> themeIds = new HashMap<>();
        for (String name : THEMES.keySet()) {
            themeIds.put(
                    name,
                    codebook.themes(surveyId).stream()
                            .filter(t -> t.name().equalsIgnoreCase(name))
                            .findFirst()
                            .orElseGet(() -> codebook.addTheme(surveyId, name, null))
                            .id());
        }
        for (Codebook.Comment c : codebook.comments(surveyId, "Q1_comment", false, 1, 500)) {
            Set<Long> themes = new LinkedHashSet<>(c.themes());
            String text = c.text().toLowerCase(Locale.UK);
            THEMES.forEach((name, words) -> {
                if (words.stream().anyMatch(text::contains)) {
                    themes.add(themeIds.get(name));
                }
            });
            if (!themes.equals(new LinkedHashSet<>(c.themes()))) {
                codebook.code(surveyId, c.responseId(), "Q1_comment", themes);
            }
        }
        Subject pulse = yswd.subject(Subject.SURVEYS, surveyId);
        action(
                pulse,
                themeIds.get("Asked too late"),
                "Send papers to the professional forums two weeks before the partnership board decides",
                "ICS chief nurse",
                today.plusDays(30),
                "under_way");
        action(
                pulse,
                themeIds.get("Voices missing from the room"),
                "Give social care, community pharmacy and paramedics a standing seat on the professional forum",
                "Director of partnerships",
                today.plusDays(60),
                "planned");
        action(
                pulse,
                themeIds.get("Time to take part"),
                "Fund backfill so that frontline staff can come to forum meetings",
                "Workforce lead",
                today.minusDays(10),
                "done");
        action(
                pulse,
                themeIds.get("Hearing back"),
                "Publish a short note after each board meeting saying what professional advice changed",
                "Communications team",
                today.plusDays(14),
                "planned");
        links.publish(pulse);
    }

    private void action(Subject s, @Nullable Long theme, String what, String owner, LocalDate due, String status) {
        yswd.add(s, new ActionForm(theme == null ? null : theme.toString(), what, owner, due.toString(), status));
    }
}
