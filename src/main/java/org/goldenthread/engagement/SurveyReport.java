package org.goldenthread.engagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.PdfReport;
import org.goldenthread.platform.Plurals;
import org.springframework.stereotype.Service;

/** A survey's results as a PDF to circulate: for each question a chart and the table behind it. */
@Service
public class SurveyReport {

    /** Questions with more options than this get their table without a chart. */
    static final int LONGEST_CHART = 30;

    private final Surveys surveys;
    private final SurveyResults results;

    SurveyReport(Surveys surveys, SurveyResults results) {
        this.surveys = surveys;
        this.results = results;
    }

    public byte[] pdf(long surveyId, List<String> filter) {
        Surveys.Survey survey = surveys.survey(surveyId);
        SurveyResults.Results r = results.results(surveyId, filter);
        String counted = r.responses() == null
                ? "Too few responses to show"
                : Plurals.of(r.responses(), "response")
                        + (r.filter().isEmpty() ? "" : " matching " + String.join(" and ", r.filter()));
        PdfReport report = new PdfReport(
                survey.definition().title(),
                String.format(
                        "%s. Produced by Golden Thread on %s.", counted, Dates.day(LocalDate.now(Dates.ENGLAND))));
        report.paragraph("Percentages are of those who answered each question, to two decimal places, with a 95% "
                + "Wilson score interval. Net agreement is strongly agree and agree together.");
        String note = r.note();
        if (r.suppressed()) {
            return report.paragraph(note == null ? "" : note).finish();
        }
        if (note != null) {
            report.paragraph(note + ".");
        }
        String heldBack = results.heldBackNote(r.heldBack());
        if (heldBack != null) {
            report.paragraph(heldBack);
        }
        for (SurveyResults.QuestionResult q : r.questions()) {
            report.heading(q.code() + " " + q.text());
            report.paragraph(String.format("Answered %,d; skipped %,d.", q.answered(), q.skipped()));
            if (q.options() != null) {
                List<String> labels = new ArrayList<>();
                List<Double> percents = new ArrayList<>();
                List<List<String>> rows = new ArrayList<>();
                for (SurveyResults.Share o : q.options()) {
                    labels.add(o.label());
                    percents.add(o.percent() == null ? null : o.percent().doubleValue());
                    rows.add(row(o));
                }
                if (q.netAgreement() != null) {
                    rows.add(row(q.netAgreement()));
                }
                // a chart of a long list (every ICS, every profession) is pages of slivers: the table alone
                if (labels.size() <= LONGEST_CHART) {
                    report.bars(labels, percents);
                }
                report.table(
                        List.of("Answer", "Count", "%", "95% interval"), rows, new boolean[] {false, true, true, true});
            }
            if (q.mean() != null) {
                report.paragraph("Mean " + q.mean() + "; median " + q.median() + ".");
            }
        }
        return report.finish();
    }

    private static List<String> row(SurveyResults.Share s) {
        return List.of(
                s.label(),
                s.count() == null ? "hidden" : String.format("%,d", s.count()),
                s.percent() == null ? "" : s.percent().toPlainString(),
                s.ciLow() == null ? "" : s.ciLow() + " to " + s.ciHigh());
    }
}
