package org.goldenthread.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.goldenthread.development.DevelopmentActivity;
import org.goldenthread.people.Appointment;
import org.goldenthread.platform.SmallNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Development reach, new-leader support and mentees matched, for everything in view, each level and
 * each place, over the leaders of the snapshot and the development module's facts for the same day.
 *
 * <p>A leader is someone with a current appointment in the group. A new leader is a leader one of whose
 * current appointments in the group started in the last {@value LeadershipFigures#NEW_LEADER_DAYS} days (today included).
 * For the whole ICS every mentee counts, whether or not they lead; for a level, a place, or the whole of
 * one place in view, the mentees who lead there.
 */
final class DevelopmentReach {

    private final Snapshot snapshot;
    private final DevelopmentActivity.Facts facts;

    DevelopmentReach(Snapshot snapshot, DevelopmentActivity.Facts facts) {
        this.snapshot = snapshot;
        this.facts = facts;
    }

    List<DevelopmentFigures> figures(Audience audience, SmallNumbers small) {
        return snapshot.inGroups(
                (group, name, inGroup, wholeIcs) -> group(group, name, inGroup, wholeIcs, audience, small));
    }

    private DevelopmentFigures group(
            String group,
            @Nullable String name,
            Predicate<Appointment> inGroup,
            boolean everyMentee,
            Audience audience,
            SmallNumbers small) {
        // a current appointment in view is to a seat on a forum in view
        List<Appointment> here = snapshot.current.stream().filter(inGroup).toList();
        Set<Long> leaders = here.stream().map(Appointment::personId).collect(Collectors.toSet());
        int developing = (int) leaders.stream().filter(facts.active()::contains).count();
        var since = snapshot.today.minusDays(LeadershipFigures.NEW_LEADER_DAYS - 1L);
        Set<Long> newLeaders = here.stream()
                .filter(a -> !a.startDate().isBefore(since))
                .map(Appointment::personId)
                .collect(Collectors.toSet());
        int supported =
                (int) newLeaders.stream().filter(facts.supported()::contains).count();
        List<DevelopmentActivity.Mentee> mentees = facts.mentees().stream()
                .filter(m -> everyMentee || leaders.contains(m.personId()))
                .toList();
        int matched = (int)
                mentees.stream().filter(DevelopmentActivity.Mentee::matched).count();

        Integer developingShown = developing;
        Double reach = leaders.isEmpty() ? null : Landscape.share(developing, leaders.size());
        Integer supportedShown = supported;
        Double support = newLeaders.isEmpty() ? null : Landscape.share(supported, newLeaders.size());
        Integer matchedShown = matched;
        Double matchedShare = mentees.isEmpty() ? null : Landscape.share(matched, mentees.size());
        List<String> suppressed = new ArrayList<>();
        if (!audience.seesPeople()) {
            if (small.hidesShare(developing, leaders.size())) {
                developingShown = null;
                reach = null;
                suppressed.add("development_reach");
            }
            if (small.hidesShare(supported, newLeaders.size())) {
                supportedShown = null;
                support = null;
                suppressed.add("new_leader_support");
            }
            if (small.hidesShare(matched, mentees.size())) {
                matchedShown = null;
                matchedShare = null;
                suppressed.add("mentees_matched_share");
            }
        }
        return new DevelopmentFigures(
                group,
                name,
                leaders.size(),
                developingShown,
                reach,
                newLeaders.size(),
                supportedShown,
                support,
                mentees.size(),
                matchedShown,
                matchedShare,
                List.copyOf(suppressed));
    }
}
