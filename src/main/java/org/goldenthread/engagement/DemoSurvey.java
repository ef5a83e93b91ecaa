package org.goldenthread.engagement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.goldenthread.platform.DemoIcsCreated;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * A closed pulse survey in the demo ICS with 240 fictional responses, imported through the
 * response file like any other, so the results, the cross-tabs and the self-assessment's survey
 * evidence have something to show; and the next round of the same pulse, open for a few weeks, so
 * that people trying the demo can answer a survey through its open link.
 */
@Component
class DemoSurvey {

    static final int RESPONSES = 240;
    private static final String[] AGREE = {"Strongly agree", "Agree", "Disagree", "Strongly disagree"};
    private static final String[] IMPORTANCE = {"Very important", "Important", "Unimportant", "Not at all important"};
    private static final String[] GROUPS = {
        "Allied health professional",
        "Nursing or midwifery",
        "Medicine or general practice",
        "Pharmacy",
        "Social care",
        "Other clinical or care profession"
    };

    private final Surveys surveys;
    private final Responses responses;
    private final ObjectMapper json;

    DemoSurvey(Surveys surveys, Responses responses, ObjectMapper json) {
        this.surveys = surveys;
        this.responses = responses;
        this.json = json;
    }

    @EventListener
    @Order(3)
    void on(DemoIcsCreated event) {
        SurveyDefinition definition;
        try {
            definition = json.readValue(
                    new ClassPathResource("engagement/demo-place-pulse.json").getContentAsByteArray(),
                    SurveyDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate today = Surveys.today();
        long id = surveys.create(definition, today.minusMonths(3), today.minusMonths(2));
        responses.importCsv(id, new ByteArrayInputStream(rows().getBytes(StandardCharsets.UTF_8)));
        surveys.create(
                new SurveyDefinition(
                        definition.code() + "-next",
                        definition.title() + ": next round",
                        definition.anonymous(),
                        definition.introduction(),
                        definition.questions()),
                today,
                today.plusWeeks(4));
        event.partLoaded();
    }

    /** What a few respondents wrote beside the first question, each in their own words. */
    private static final String[] COMMENTS = {
        "Decisions are often made before we are asked",
        "The place partnership listens, but the ICB board rarely hears about it",
        "As a pharmacist I am invited when medicines are on the agenda and not otherwise",
        "Our GP lead speaks for everyone, which leaves out community nursing",
        "Much better since the clinical forum got a standing item at the partnership board",
        "Meetings are in working hours, so frontline staff cannot come without cover",
        "Social care voices are missing from most clinical discussions",
        "I only hear about decisions when the implementation plan arrives",
        "Consultations are short and the papers arrive the day before",
        "The professional forum is good but its advice is not always followed up",
        "Allied health professionals are now on the design groups, which is a real change",
        "Being heard depends on who chairs the meeting",
        "We were asked about the frailty pathway and could see our input in the final version",
        "Too many forums; it is hard to know which one matters",
        "Junior staff are never in the room",
        "Paramedics are rarely asked, even on urgent care",
        "Better at place than at system level",
        "I would like feedback on what happened to our suggestions",
        "Protected time would let me take part properly",
        "Midwifery input comes through the maternity system, not the place"
    };

    /** Mostly agreeing, less so on being heard and on time, with twenty different comments. */
    static String rows() {
        Random random = new Random(20260301L);
        StringBuilder csv = new StringBuilder("Q1,Q1_comment,Q2,Q3,Q4,Q5\n");
        for (int i = 0; i < RESPONSES; i++) {
            String heard = AGREE[pick(random, 20, 45, 25)];
            String comment = i % 12 == 0 ? "\"" + COMMENTS[i / 12] + "\"" : "";
            csv.append(String.join(
                            ",",
                            heard,
                            comment,
                            AGREE[pick(random, 15, 40, 30)],
                            random.nextInt(100) < 45 ? "Yes" : "No",
                            IMPORTANCE[pick(random, 55, 35, 7)],
                            GROUPS[random.nextInt(GROUPS.length)]))
                    .append('\n');
        }
        return csv.toString();
    }

    /** An option index from percentages for the first three options; the fourth takes the rest. */
    private static int pick(Random random, int first, int second, int third) {
        int roll = random.nextInt(100);
        return roll < first ? 0 : roll < first + second ? 1 : roll < first + second + third ? 2 : 3;
    }
}
