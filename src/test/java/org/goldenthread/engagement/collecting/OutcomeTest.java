package org.goldenthread.engagement.collecting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.goldenthread.engagement.SurveyDefinition;
import org.goldenthread.engagement.Surveys;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** Where each outcome of a respondent's step leads, and what the start page says on the day of the visit. */
class OutcomeTest {

    private static final LocalDate OPENS = LocalDate.of(2026, 3, 2);
    private static final LocalDate CLOSES = LocalDate.of(2026, 3, 31);

    private static Visit byLink(LocalDate today, Surveys.Status status) throws Exception {
        String json =
                new ClassPathResource("engagement/ccpl-principles.json").getContentAsString(StandardCharsets.UTF_8);
        SurveyDefinition definition = JsonMapper.builder().build().readValue(json, SurveyDefinition.class);
        Surveys.Survey survey = new Surveys.Survey(7, definition, OPENS, CLOSES, status);
        return new Visit(survey, Questionnaire.of(definition), "/respond/link", null, null, null, today);
    }

    private static Draft draft(String code) {
        return new Draft(1, 7, code, null, Map.of(), null, "key");
    }

    @Test
    void anOpenLinkRespondentsPagesLiveUnderTheirResumeCode() throws Exception {
        Visit visit = byLink(OPENS, Surveys.Status.LIVE).withDraft(draft("ABCDEFGHJKLM"));

        assertThat(new Outcome.ToPage(visit, 3, false).path()).isEqualTo("/respond/link/ABCDEFGHJKLM/3");
        assertThat(new Outcome.ToPage(visit, 3, true).path()).isEqualTo("/respond/link/ABCDEFGHJKLM/3?missing");
        assertThat(new Outcome.ToCheck(visit).path()).isEqualTo("/respond/link/ABCDEFGHJKLM/check");
        assertThat(new Outcome.Saved(visit).path()).isEqualTo("/respond/link/ABCDEFGHJKLM/saved");
        assertThat(new Outcome.Resumed(visit).path()).isEqualTo("/respond/link/ABCDEFGHJKLM");
        assertThat(new Outcome.Submitted(visit).path()).isEqualTo("/respond/link/done");
        assertThat(new Outcome.ToStart(visit).path()).isEqualTo("/respond/link");
    }

    @Test
    void anInvitedRespondentKeepsTheirOwnLinkThroughout() throws Exception {
        Visit open = byLink(OPENS, Surveys.Status.LIVE);
        Visit invited = new Visit(
                        open.survey(),
                        open.questionnaire(),
                        "/invited/token",
                        "/invited/token",
                        new Invitation(5, 7, "a@test.example", false),
                        null,
                        OPENS)
                .withDraft(draft(null));

        assertThat(new Outcome.ToPage(invited, 2, false).path()).isEqualTo("/invited/token/2");
        assertThat(new Outcome.Submitted(invited).path()).isEqualTo("/invited/token");
    }

    @Test
    void theStartPageSaysWhetherTheSurveyIsOpenOnTheDayOfTheVisit() throws Exception {
        Outcome.ShowStart before = Outcome.ShowStart.of(byLink(OPENS.minusDays(1), Surveys.Status.LIVE));
        Outcome.ShowStart during = Outcome.ShowStart.of(byLink(CLOSES, Surveys.Status.LIVE));
        Outcome.ShowStart after = Outcome.ShowStart.of(byLink(CLOSES.plusDays(1), Surveys.Status.LIVE));

        assertThat(before.visit().isOpen()).isFalse();
        assertThat(before.notYetOpen()).isEqualTo(Invitations.DAY.format(OPENS));
        assertThat(during.visit().isOpen()).isTrue();
        assertThat(during.notYetOpen()).isNull();
        assertThat(during.closed()).isNull();
        assertThat(after.visit().isOpen()).isFalse();
        assertThat(after.closed()).isEqualTo(Invitations.DAY.format(CLOSES));
    }
}
