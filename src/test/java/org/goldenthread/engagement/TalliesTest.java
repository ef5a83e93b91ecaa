package org.goldenthread.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The filters under results, kept as bits per answer, against the plainest reading of the same
 * responses: a response is kept when {@link AnswerLayout#chose} says it chose every option
 * filtered on. Random responses to single choices (one with so many options that its column holds
 * ints), multiple choices (one long enough to take two slots) and a yes/no question.
 */
class TalliesTest {

    private static final SurveyDefinition SURVEY = new SurveyDefinition(
            "T",
            "Tallies",
            true,
            null,
            List.of(
                    single("LONG", 300),
                    multi("MANY", 40),
                    single("FIVE", 5),
                    multi("FEW", 5),
                    new Question("YN", "Yes or no?", "yes_no", false, null, null, null, null, null, null, null)));

    private final AnswerLayout layout = new AnswerLayout(SURVEY);
    private final Random random = new Random(17);

    @Test
    void bitsKeepTheResponsesThatChoseEveryOptionFilteredOn() {
        AnswerMatrix matrix =
                new AnswerMatrix(1, layout.slots(), SURVEY.questions().size());
        List<int[]> given = new ArrayList<>();
        // not a whole number of 64-response words, and more arriving between calls
        for (int round : new int[] {1_000, 1, 63, 2_345}) {
            addResponses(matrix, given, round);
            AnswerMatrix.Snapshot a = matrix.snapshot();
            for (int trial = 0; trial < 60; trial++) {
                List<SurveyResults.Condition> conditions = randomConditions(trial % 4);
                Tallies.Rows rows = Tallies.where(layout, a, conditions);
                assertThat(kept(rows, a.size()))
                        .as("rows kept for %s", conditions)
                        .containsExactly(expected(given, conditions));
                assertThat(rows.count()).isEqualTo(expected(given, conditions).length);
            }
        }
    }

    @Test
    void noConditionKeepsEveryResponseAndAConditionNoOneMeetsKeepsNone() {
        AnswerMatrix matrix =
                new AnswerMatrix(1, layout.slots(), SURVEY.questions().size());
        addResponses(matrix, new ArrayList<>(), 500);
        AnswerMatrix.Snapshot a = matrix.snapshot();

        Tallies.Rows everyone = Tallies.where(layout, a, List.of());
        assertThat(everyone.bits()).isNull();
        assertThat(everyone.count()).isEqualTo(500);
        assertThat(kept(everyone, 500)).containsExactly(IntStream.range(0, 500).toArray());

        // option 300 of LONG is never drawn below
        Tallies.Rows none = Tallies.where(layout, a, List.of(new SurveyResults.Condition(0, 300)));
        assertThat(none.count()).isZero();
        assertThat(none.next(0)).isEqualTo(-1);
    }

    @Test
    void valueCountsOverTheKeptRowsAreThoseOfTheResponsesKept() {
        AnswerMatrix matrix =
                new AnswerMatrix(1, layout.slots(), SURVEY.questions().size());
        List<int[]> given = new ArrayList<>();
        addResponses(matrix, given, 5_000);
        AnswerMatrix.Snapshot a = matrix.snapshot();
        for (int trial = 0; trial < 20; trial++) {
            List<SurveyResults.Condition> conditions = randomConditions(1 + trial % 3);
            Tallies.Rows rows = Tallies.where(layout, a, conditions);
            int[] expectedRows = expected(given, conditions);
            for (int slot = 0; slot < layout.slots(); slot++) {
                int[] histogram = Tallies.histogram(a.closed()[slot], rows, 301);
                int[] plain = new int[histogram.length];
                for (int r : expectedRows) {
                    int v = given.get(r)[slot];
                    plain[histogram.length == Tallies.BYTE_VALUES ? v : v >= 0 && v < 301 ? v : 301]++;
                }
                assertThat(histogram).as("slot %d for %s", slot, conditions).containsExactly(plain);
            }
        }
    }

    @Test
    void figuresOfSmallWholeNumbersCountedByValueAreThoseOfTheNumbersThemselves() {
        for (int size : new int[] {1, 2, 3, 64, 999, 4_000}) {
            AnswerMatrix matrix = new AnswerMatrix(1, 1, 2);
            for (int r = 0; r < size; r++) {
                Double small = random.nextInt(5) == 0 ? null : (double) random.nextInt(random.nextBoolean() ? 3 : 255);
                matrix.add(new int[] {1 + random.nextInt(2)}, new Double[] {small, r == size / 2 ? 2.5 : 1.0});
            }
            AnswerMatrix.Snapshot a = matrix.snapshot();
            for (List<SurveyResults.Condition> conditions :
                    List.of(List.<SurveyResults.Condition>of(), List.of(new SurveyResults.Condition(0, 2)))) {
                // the filter's question is the one slot; the numbers are held apart, by position
                AnswerLayout one =
                        new AnswerLayout(new SurveyDefinition("N", "N", true, null, List.of(single("PICK", 2))));
                Tallies.Rows rows = Tallies.where(one, a, conditions);
                Tallies.Figures counted = Tallies.smallNumbers(a, 0, rows);
                Tallies.Figures plain = SurveyResults.numberFigures(Tallies.numbers(a, 0, rows));
                assertThat(counted).as("%d numbers, %s", size, conditions).isNotNull();
                assertThat(counted.answered()).isEqualTo(plain.answered());
                assertThat(counted.sum()).isEqualTo(plain.sum());
                assertThat(Double.doubleToLongBits(counted.median()))
                        .isEqualTo(Double.doubleToLongBits(plain.median()));
                // a fraction among them: left to the figures of the numbers themselves
                if (size > 1 && conditions.isEmpty()) {
                    assertThat(Tallies.smallNumbers(a, 1, rows)).isNull();
                }
            }
        }
    }

    private void addResponses(AnswerMatrix matrix, List<int[]> given, int count) {
        for (int i = 0; i < count; i++) {
            int[] closed = new int[layout.slots()];
            for (int q = 0; q < SURVEY.questions().size(); q++) {
                int options = SURVEY.questions().get(q).choices().size();
                if (random.nextInt(8) == 0) {
                    continue; // not answered
                }
                if (layout.multi(q)) {
                    for (int o = 1; o <= options; o++) {
                        if (random.nextInt(3) == 0) {
                            layout.choose(closed, q, o);
                        }
                    }
                } else {
                    // never the last of LONG's options, so that a filter on it keeps no one
                    layout.choose(closed, q, 1 + random.nextInt(q == 0 ? options - 1 : options));
                }
            }
            given.add(closed);
            matrix.add(closed, null);
        }
    }

    private List<SurveyResults.Condition> randomConditions(int count) {
        List<SurveyResults.Condition> conditions = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            int q = random.nextInt(SURVEY.questions().size());
            // a long list's options are drawn from its first few, so that filters on it keep someone
            int options = Math.min(SURVEY.questions().get(q).choices().size(), q == 0 ? 3 : 40);
            conditions.add(new SurveyResults.Condition(q, 1 + random.nextInt(options)));
        }
        return conditions;
    }

    private int[] expected(List<int[]> given, List<SurveyResults.Condition> conditions) {
        return IntStream.range(0, given.size())
                .filter(r -> conditions.stream().allMatch(c -> layout.chose(given.get(r), c.question(), c.option())))
                .toArray();
    }

    private static int[] kept(Tallies.Rows rows, int size) {
        List<Integer> kept = new ArrayList<>();
        for (int r = rows.next(0); r >= 0; r = rows.next(r + 1)) {
            assertThat(r).isLessThan(size);
            kept.add(r);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Question single(String code, int options) {
        return new Question(code, code, "single", false, null, optionList(options), null, null, null, null, null);
    }

    private static Question multi(String code, int options) {
        return new Question(code, code, "multi", false, null, optionList(options), null, null, null, null, null);
    }

    private static List<String> optionList(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "Option " + i).toList();
    }
}
