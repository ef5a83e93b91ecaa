package org.goldenthread.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.PdfReport;
import org.goldenthread.platform.Scope;
import org.springframework.stereotype.Service;

/**
 * The self-assessment as a board paper: where the ICS stands on each principle and how that has
 * moved, the evidence behind each rating, the gaps and what is being done about them. Written for
 * a lay board member; the HTML page carries the same content accessibly.
 */
@Service
class BoardReport {

    static final DateTimeFormatter DAY = Dates.DAY;

    private final Progress progress;
    private final Clock clock;

    BoardReport(Progress progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    Progress.Review review(long cycleId) {
        return progress.review(cycleId, LocalDate.now(clock));
    }

    static String summary(Progress.Review r) {
        Cycle c = r.cycle();
        LocalDate frozen = r.principles().stream()
                .flatMap(p -> p.indicators().stream())
                .flatMap(i -> i.evidence().stream())
                .map(Cycle.Evidence::asOf)
                .filter(java.util.Objects::nonNull)
                .map(t -> t.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate())
                .max(LocalDate::compareTo)
                .orElse(c.closedOn());
        return (c.isOpen()
                        ? "In progress: opened " + DAY.format(c.openedOn()) + "; figures are as of today."
                        : "Closed " + DAY.format(c.closedOn())
                                + (frozen == null || frozen.equals(c.closedOn())
                                        ? "; figures are as they stood that day."
                                        : "; figures are as they stood when it was recorded as closed, on "
                                                + DAY.format(frozen) + "."))
                + (c.place() == null ? "" : " Covers " + c.place() + ".")
                + " Rated against " + c.framework().title() + ".";
    }

    byte[] pdf(long cycleId) {
        Progress.Review r = review(cycleId);
        Cycle c = r.cycle();
        Framework f = c.framework();
        PdfReport pdf = new PdfReport(Scope.currentTenant().name() + ": " + c.title(), summary(r));

        pdf.heading("How to read this report");
        List<List<String>> scale = f.scale().stream()
                .map(s -> List.of(String.valueOf(s.level()), s.name(), s.meaning() == null ? "" : s.meaning()))
                .toList();
        pdf.paragraph("Each indicator is rated on a scale of 1 to " + f.scale().size() + ". The ratings were given "
                + "independently by several contributors and then agreed, with a reason. A principle's level is the "
                + "average of its indicators' agreed ratings."
                + (r.previous() == null
                        ? ""
                        : " Movement is against " + r.previous().title() + "."));
        pdf.table(List.of("Level", "Name", "What it means"), scale, new boolean[] {true, false, false});

        pdf.heading("Summary by principle");
        List<String> labels = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Progress.PrincipleView p : r.principles()) {
            labels.add(p.principle().code());
            shares.add(
                    p.level() == null
                            ? null
                            : 100 * p.level().doubleValue() / f.scale().size());
            rows.add(List.of(
                    p.principle().code() + " " + p.principle().title(),
                    p.level() == null
                            ? "not agreed"
                            : p.level().toPlainString() + " of " + f.scale().size(),
                    p.movement()));
        }
        pdf.bars(labels, shares);
        pdf.table(List.of("Principle", "Level", "Since last cycle"), rows, new boolean[] {false, true, false});

        pdf.heading("Gaps and actions");
        if (r.gaps().isEmpty()) {
            pdf.paragraph("No indicator is rated in the lower half of the scale.");
        }
        for (Progress.IndicatorView gap : r.gaps()) {
            pdf.paragraph(gap.indicator().code() + " " + gap.indicator().text() + ": rated " + gap.level() + " ("
                    + gap.levelName() + ").");
            if (gap.actions().isEmpty()) {
                pdf.paragraph("No action has been planned for this gap yet.");
            } else {
                pdf.table(
                        List.of("Action", "Owner", "Due", "Status"),
                        gap.actions().stream().map(a -> actionRow(a, r.today())).toList(),
                        new boolean[] {false, false, false, false});
            }
        }

        pdf.heading("Ratings and evidence");
        for (Progress.PrincipleView p : r.principles()) {
            pdf.heading(p.principle().code() + " " + p.principle().title());
            for (Progress.IndicatorView i : p.indicators()) {
                pdf.paragraph(i.indicator().code() + " " + i.indicator().text() + ": "
                        + (i.level() == null
                                ? "not yet agreed."
                                : i.level() + " " + i.levelName() + " (" + i.movement() + ")."));
                if (i.rationale() != null) {
                    pdf.paragraph("Why: " + i.rationale());
                }
                if (!i.evidence().isEmpty()) {
                    pdf.table(
                            List.of("Evidence", "Value"),
                            i.evidence().stream()
                                    .map(e -> List.of(e.label(), e.shown()))
                                    .toList(),
                            new boolean[] {false, true});
                }
                for (Cycle.Item item : i.items()) {
                    pdf.paragraph("Attached: " + item.title() + (item.url() != null ? " (" + item.url() + ")" : ""));
                }
            }
        }

        if (r.previous() != null) {
            pdf.heading("What changed since " + r.previous().title());
            if (r.changes().isEmpty()) {
                pdf.paragraph("No rating or cited figure changed.");
            } else {
                pdf.table(
                        List.of("Indicator", "What", "Was", "Now"),
                        r.changes().stream()
                                .map(x -> List.of(x.indicator(), x.what(), x.from(), x.to()))
                                .toList(),
                        new boolean[] {false, false, true, true});
            }
        }
        List<Cycle.Action> others = r.actions().stream()
                .filter(a ->
                        r.gaps().stream().noneMatch(g -> g.indicator().code().equals(a.indicator())))
                .toList();
        if (!others.isEmpty()) {
            pdf.heading("Other actions");
            pdf.table(
                    List.of("Action", "Owner", "Due", "Status"),
                    others.stream().map(a -> actionRow(a, r.today())).toList(),
                    new boolean[] {false, false, false, false});
        }
        return pdf.finish();
    }

    private static List<String> actionRow(Cycle.Action a, LocalDate today) {
        return List.of(
                a.indicator() + ": " + a.title(),
                a.owner(),
                DAY.format(a.dueOn()),
                a.statusLabel() + (a.isOverdueOn(today) ? " (overdue)" : ""));
    }
}
