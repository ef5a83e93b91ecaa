package org.goldenthread.engagement.collecting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.goldenthread.engagement.SurveyDefinition;
import org.goldenthread.platform.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/** How a survey definition becomes pages, which questions each page asks, and what a page needs. */
class QuestionnaireTest {

    private static Questionnaire example() throws Exception {
        String json =
                new ClassPathResource("engagement/ccpl-principles.json").getContentAsString(StandardCharsets.UTF_8);
        return Questionnaire.of(JsonMapper.builder().build().readValue(json, SurveyDefinition.class));
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static List<String> codes(Questionnaire.Page page) {
        return page.questions().stream().map(q -> q.code()).toList();
    }

    @Test
    void aPageHoldsARunOfOneSectionAndAQuestionDependingOnThatPageStartsAnother() throws Exception {
        Questionnaire q = example();
        assertThat(q.pages())
                .extracting(Questionnaire.Page::section)
                .containsExactly(
                        "Principle 1",
                        "Principle 2",
                        "Principle 3",
                        "Principle 4",
                        "Principle 5",
                        "Principle 6",
                        "Principle 7",
                        "The principles as a whole",
                        "The principles as a whole",
                        "Your system today",
                        "About you");
        assertThat(codes(q.pages().get(7))).containsExactly("Q8");
        assertThat(codes(q.pages().get(8))).containsExactly("Q8a", "Q9", "Q10");
        assertThat(codes(q.pages().get(10))).containsExactly("Q14", "Q15", "Q16");
    }

    @Test
    void aConditionalQuestionIsAskedOnlyAfterTheAnswerItDependsOn() throws Exception {
        Questionnaire q = example();
        Questionnaire.Page later = q.pages().get(8);
        assertThat(codes(new Questionnaire.Page(9, null, q.asked(later, Map.of("Q8", "No")))))
                .containsExactly("Q9", "Q10");
        assertThat(codes(new Questionnaire.Page(9, null, q.asked(later, Map.of("Q8", "yes")))))
                .contains("Q8a");
        assertThat(codes(new Questionnaire.Page(9, null, q.asked(later, Map.of()))))
                .containsExactly("Q9", "Q10");
    }

    @Test
    void changingAnEarlierAnswerDropsAnswersToQuestionsNoLongerAsked() throws Exception {
        Questionnaire q = example();
        Map<String, String> before = Map.of("Q8", "Yes", "Q8a", "A principle about data", "Q9", "Agree");
        Map<String, String> after =
                q.merge(before, q.pages().get(7), q.read(q.pages().get(7), form("Q8", "No")));
        assertThat(after).containsEntry("Q8", "No").containsEntry("Q9", "Agree").doesNotContainKey("Q8a");
    }

    @Test
    void aPageNamesEachMissingOrWrongAnswerByItsBoxWithTheQuestionNumber() throws Exception {
        Questionnaire q = example();
        Questionnaire.Page aboutYou = q.pages().get(10);
        Map<String, String> answers =
                q.read(aboutYou, form("Q15", "other (please specify)", "Q16", "Somewhere that is not an ICS"));
        assertThat(answers).containsEntry("Q15", "Other (please specify)");
        List<Problem> problems = q.check(aboutYou, answers);
        assertThat(problems).extracting(Problem::field).containsExactly("Q14", "Q15_other", "Q16");
        assertThat(problems.get(0).reason()).isEqualTo("Select an answer to question 15");
        assertThat(problems.get(1).reason()).isEqualTo("Say what your other answer to question 16 is");
        assertThat(problems.get(2).reason()).isEqualTo("Select an answer from the list for question 17");
    }

    @Test
    void otherTextIsKeptOnlyWhenOtherIsChosen() throws Exception {
        Questionnaire q = example();
        Questionnaire.Page aboutYou = q.pages().get(10);
        assertThat(q.read(aboutYou, form("Q15", "Pharmacist", "Q15_other", "typed before choosing Pharmacist")))
                .containsEntry("Q15", "Pharmacist")
                .doesNotContainKey("Q15_other");
    }

    @Test
    void theFirstIncompletePageIsWhereARequiredAnswerIsMissing() throws Exception {
        Questionnaire q = example();
        assertThat(q.firstIncomplete(Map.of("Q1", "Agree", "Q2", "Agree")).map(Questionnaire.Page::number))
                .contains(3);
    }
}
