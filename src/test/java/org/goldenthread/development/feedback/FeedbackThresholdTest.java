package org.goldenthread.development.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which groups' figures and comments a report may show, at the lowest threshold of 3. */
class FeedbackThresholdTest {

    private static final BehaviourFramework FRAMEWORK = new BehaviourFramework(
            "test",
            "Test",
            null,
            List.of(
                    new BehaviourFramework.ScaleLevel(1, "Rarely"),
                    new BehaviourFramework.ScaleLevel(2, "Sometimes"),
                    new BehaviourFramework.ScaleLevel(3, "Often")),
            List.of(new BehaviourFramework.Dimension(
                    "d", "Working together", null, List.of(new BehaviourFramework.Behaviour("b1", "Listens")))));

    private static Round round(boolean managerShown) {
        LocalDate day = LocalDate.of(2026, 11, 1);
        return new Round(
                1,
                1,
                "Ada Leader",
                "ada@example.nhs.uk",
                FRAMEWORK,
                day,
                day.plusDays(14),
                day.plusDays(14),
                managerShown,
                false,
                true);
    }

    private static List<FeedbackReport.Answer> raters(RaterGroup group, int rating, int how) {
        List<FeedbackReport.Answer> answers = new ArrayList<>();
        for (int i = 0; i < how; i++) {
            answers.add(new FeedbackReport.Answer(group, Map.of("b1", rating)));
        }
        return answers;
    }

    private static FeedbackReport.Column column(FeedbackReport report, String key) {
        return report.columns().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElse(null);
    }

    private static FeedbackReport report(
            boolean managerShown, List<FeedbackReport.Answer> answers, List<FeedbackReport.Comment> comments) {
        return FeedbackReport.build(round(managerShown), 3, Map.of("b1", 3), answers, comments);
    }

    @Test
    void twoPeersAreHiddenAndTheirCommentsWithThem() {
        List<FeedbackReport.Answer> answers = new ArrayList<>(raters(RaterGroup.PEER, 1, 2));
        FeedbackReport report =
                report(false, answers, List.of(new FeedbackReport.Comment(RaterGroup.PEER, "keep", "Peer said this")));

        assertThat(column(report, "peer")).isNull();
        FeedbackReport.Column others = column(report, "others");
        assertThat(others.shown()).isFalse();
        assertThat(report.allOthers().shown()).isFalse();
        FeedbackReport.BehaviourRow row =
                report.dimensions().get(0).behaviours().get(0);
        assertThat(row.cells())
                .allMatch(
                        c -> c.hidden() && c.mean() == null && c.distribution().isEmpty());
        assertThat(row.allOthers().hidden()).isTrue();
        assertThat(report.comments()).allMatch(g -> g.comments().isEmpty());
        assertThat(report.blindSpots()).isEmpty();
    }

    @Test
    void threePeersShowWithMeanSpreadAndDistribution() {
        List<FeedbackReport.Answer> answers = new ArrayList<>(raters(RaterGroup.PEER, 1, 2));
        answers.addAll(raters(RaterGroup.PEER, 3, 1));
        FeedbackReport report =
                report(false, answers, List.of(new FeedbackReport.Comment(RaterGroup.PEER, "keep", "Peer said this")));

        FeedbackReport.Column peers = column(report, "peer");
        assertThat(peers.shown()).isTrue();
        assertThat(peers.raters()).isEqualTo(3);
        FeedbackReport.Cell cell =
                report.dimensions().get(0).behaviours().get(0).cells().get(0);
        assertThat(cell.hidden()).isFalse();
        assertThat(cell.mean()).isEqualTo(1.7);
        assertThat(cell.spread()).isEqualTo(0.9);
        assertThat(cell.distribution()).containsExactly(2, 0, 1);
        assertThat(report.comments().get(0).comments()).containsExactly("Peer said this");
        // self 3 against others 1.7: a blind spot
        assertThat(report.blindSpots()).extracting(FeedbackReport.Gap::gap).containsExactly(1.3);
    }

    @Test
    void smallGroupsPoolAsOthersWhichShowOnlyOnceThePoolReachesTheThreshold() {
        List<FeedbackReport.Answer> answers = new ArrayList<>(raters(RaterGroup.PEER, 2, 3));
        answers.addAll(raters(RaterGroup.PARTNER, 3, 2));
        answers.addAll(raters(RaterGroup.PATIENT, 1, 1));
        FeedbackReport pooled = report(
                false, answers, List.of(new FeedbackReport.Comment(RaterGroup.PATIENT, "change", "Pooled patient")));
        assertThat(column(pooled, "partner")).isNull();
        assertThat(column(pooled, "patient")).isNull();
        FeedbackReport.Column others = column(pooled, "others");
        assertThat(others.shown()).isTrue();
        assertThat(others.raters()).isEqualTo(3);
        assertThat(pooled.dimensions().get(0).behaviours().get(0).cells().get(1).mean())
                .isEqualTo(2.3);
        assertThat(pooled.comments().get(1).comments()).containsExactly("Pooled patient");
        assertThat(pooled.allOthers().shown()).isTrue();

        // with only two in the pool, the peers join it rather than let "all raters" give the pool away
        List<FeedbackReport.Answer> fewer = new ArrayList<>(raters(RaterGroup.PEER, 2, 3));
        fewer.addAll(raters(RaterGroup.PARTNER, 3, 2));
        FeedbackReport folded = report(false, fewer, List.of());
        assertThat(column(folded, "peer")).isNull();
        assertThat(column(folded, "others").raters()).isEqualTo(5);
        assertThat(column(folded, "others").shown()).isTrue();
    }

    @Test
    void theLineManagerShowsAloneOnlyWhenTheRoundSaidSoInAdvance() {
        List<FeedbackReport.Answer> answers = new ArrayList<>(raters(RaterGroup.PEER, 2, 3));
        answers.addAll(raters(RaterGroup.LINE_MANAGER, 1, 1));
        List<FeedbackReport.Comment> said =
                List.of(new FeedbackReport.Comment(RaterGroup.LINE_MANAGER, "keep", "From the manager"));

        FeedbackReport declared = report(true, answers, said);
        FeedbackReport.Column manager = column(declared, "line_manager");
        assertThat(manager.shown()).isTrue();
        assertThat(manager.byException()).isTrue();
        assertThat(declared.dimensions()
                        .get(0)
                        .behaviours()
                        .get(0)
                        .cells()
                        .get(0)
                        .mean())
                .isEqualTo(1.0);
        assertThat(declared.comments().get(0).comments()).containsExactly("From the manager");

        FeedbackReport undeclared = report(false, answers, said);
        assertThat(column(undeclared, "line_manager")).isNull();
        // the manager alone would be a pool of one: the peers join them, and the four show together
        assertThat(column(undeclared, "others").raters()).isEqualTo(4);
        assertThat(column(undeclared, "others").shown()).isTrue();
        assertThat(undeclared.columns()).noneMatch(c -> c.byException());
    }

    @Test
    void aBehaviourTooFewRatedInAGroupIsHiddenThereAndInAllRaters() {
        List<FeedbackReport.Answer> answers = new ArrayList<>(raters(RaterGroup.PEER, 2, 2));
        answers.add(new FeedbackReport.Answer(RaterGroup.PEER, Map.of()));
        answers.addAll(raters(RaterGroup.DIRECT_REPORT, 3, 3));
        FeedbackReport report = report(false, answers, List.of());
        FeedbackReport.BehaviourRow row =
                report.dimensions().get(0).behaviours().get(0);
        assertThat(row.cells().get(0).hidden()).isTrue();
        assertThat(row.cells().get(1).hidden()).isFalse();
        assertThat(row.allOthers().hidden()).isTrue();
    }

    @Test
    void commentsComeInAnOrderSetByTheirWordsAloneNotByWhoWroteThemFirst() {
        List<FeedbackReport.Answer> answers = raters(RaterGroup.PEER, 2, 3);
        List<FeedbackReport.Comment> written = List.of(
                new FeedbackReport.Comment(RaterGroup.PEER, "keep", "alpha"),
                new FeedbackReport.Comment(RaterGroup.PEER, "keep", "bravo"),
                new FeedbackReport.Comment(RaterGroup.PEER, "keep", "charlie"));
        List<String> one = report(false, answers, written).comments().get(0).comments();
        List<String> other = report(false, answers, List.of(written.get(2), written.get(0), written.get(1)))
                .comments()
                .get(0)
                .comments();
        assertThat(one).containsExactlyInAnyOrder("alpha", "bravo", "charlie").isEqualTo(other);
    }
}
