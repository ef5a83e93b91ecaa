package org.goldenthread.development.feedback;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.PdfReport;
import org.goldenthread.platform.Plurals;
import org.jspecify.annotations.Nullable;

/** The 360° report as a tagged PDF, with the same figures and words as its page. */
final class ReportPdf {

    private ReportPdf() {}

    static byte[] of(FeedbackReport report) {
        Round round = report.round();
        PdfReport pdf = new PdfReport(
                "360° feedback for " + round.leader(),
                "Round closed on " + Dates.day(round.closing()) + ". Figures are means on a scale of "
                        + String.join(", ", report.scale()) + "; spread is the standard deviation.");
        pdf.heading("Who answered");
        List<List<String>> who = new ArrayList<>();
        for (FeedbackReport.Column c : report.columns()) {
            who.add(List.of(c.label(), Plurals.of(c.raters(), "rater"), shownWord(c)));
        }
        who.add(List.of(
                report.allOthers().label(),
                Plurals.of(report.allOthers().raters(), "rater"),
                shownWord(report.allOthers())));
        pdf.table(List.of("Group", "Answered", "Shown"), who, new boolean[] {false, true, false});
        pdf.paragraph("A group shows only when at least " + report.minRaters()
                + " of its raters answered. Comments are shown without names, in no particular order.");

        List<String> headers = new ArrayList<>();
        headers.add("Behaviour");
        headers.add("Self");
        report.columns().forEach(c -> headers.add(c.label()));
        headers.add(report.allOthers().label());
        boolean[] numeric = new boolean[headers.size()];
        for (int i = 1; i < numeric.length; i++) {
            numeric[i] = true;
        }
        for (FeedbackReport.DimensionBlock d : report.dimensions()) {
            pdf.heading(d.title());
            List<List<String>> rows = new ArrayList<>();
            rows.add(row(
                    "Dimension as a whole",
                    d.self() == null ? "" : String.valueOf(d.self()),
                    d.cells(),
                    d.allOthers()));
            for (FeedbackReport.BehaviourRow b : d.behaviours()) {
                rows.add(row(b.text(), b.self() == null ? "" : String.valueOf(b.self()), b.cells(), b.allOthers()));
            }
            pdf.table(headers, rows, numeric);
        }
        gaps(pdf, "Blind spots: you rate yourself higher than others do", report.blindSpots());
        gaps(pdf, "Hidden strengths: others rate you higher than you do", report.hiddenStrengths());
        if (report.leaderType() != null) {
            pdf.heading("Leading change");
            List<List<String>> axes = new ArrayList<>();
            for (FeedbackReport.Axis a : report.leaderType().axes()) {
                axes.add(List.of(a.label(), figure(a.self()), figure(a.others())));
            }
            pdf.table(List.of("Axis", "Self", "All raters"), axes, new boolean[] {false, true, true});
            if (report.leaderType().selfType() != null) {
                pdf.paragraph("Your own answers place you as: "
                        + report.leaderType().selfType().label() + ".");
            }
            if (report.leaderType().othersType() != null) {
                pdf.paragraph("Your raters' answers place you as: "
                        + report.leaderType().othersType().label() + ".");
            }
        }
        for (FeedbackReport.CommentGroup group : report.comments()) {
            pdf.heading(group.question());
            if (group.comments().isEmpty()) {
                pdf.paragraph("No comments that can be shown.");
            }
            group.comments().forEach(pdf::paragraph);
        }
        return pdf.finish();
    }

    private static void gaps(PdfReport pdf, String heading, List<FeedbackReport.Gap> gaps) {
        pdf.heading(heading);
        if (gaps.isEmpty()) {
            pdf.paragraph("None of half a point or more.");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        gaps.forEach(g -> rows.add(
                List.of(g.behaviour(), String.valueOf(g.self()), String.valueOf(g.others()), String.valueOf(g.gap()))));
        pdf.table(List.of("Behaviour", "Self", "All raters", "Gap"), rows, new boolean[] {false, true, true, true});
    }

    private static List<String> row(
            String label, String self, List<FeedbackReport.Cell> cells, FeedbackReport.Cell all) {
        List<String> row = new ArrayList<>();
        row.add(label);
        row.add(self);
        cells.forEach(c -> row.add(cell(c)));
        row.add(cell(all));
        return row;
    }

    static String cell(FeedbackReport.Cell cell) {
        return cell.display();
    }

    private static String figure(@Nullable Double value) {
        return value == null ? "Not shown" : String.valueOf(value);
    }

    private static String shownWord(FeedbackReport.Column c) {
        return !c.shown() ? "No, too few" : c.byException() ? "Yes, as agreed in advance" : "Yes";
    }
}
