package org.goldenthread.engagement.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.CsvText;
import org.jspecify.annotations.Nullable;

/**
 * The engagement plan as a file, CSV or an Excel workbook: a row per activity with whom it reaches,
 * then a row for each stakeholder group no activity reaches yet, so that gaps in the plan show.
 * Codes are written as their labels, dates as year-month-day so spreadsheets sort them.
 */
final class PlanExport {

    static final List<String> COLUMNS = List.of(
            "Activity",
            "Kind",
            "Starts",
            "Ends",
            "Status",
            "Overdue",
            "Owner",
            "Stakeholder group",
            "Group kind",
            "Estimated size",
            "Segment",
            "Survey",
            "Event");

    private final List<StakeholderGroup> groups;
    private final List<Activity> activities;

    PlanExport(List<StakeholderGroup> groups, List<Activity> activities) {
        this.groups = groups;
        this.activities = activities;
    }

    List<List<String>> rows() {
        Map<Long, StakeholderGroup> byId = groups.stream().collect(Collectors.toMap(StakeholderGroup::id, g -> g));
        Map<String, String> kinds = Coded.labels(ActivityKind.class);
        Map<String, String> statuses = Coded.labels(ActivityStatus.class);
        Map<String, String> groupKinds = Coded.labels(GroupKind.class);
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (Activity a : activities) {
            StakeholderGroup g = a.groupId() == null ? null : byId.get(a.groupId());
            rows.add(List.of(
                    cell(a.title()),
                    kinds.getOrDefault(a.kind(), a.kind()),
                    a.startsOn().toString(),
                    a.endsOn().toString(),
                    statuses.getOrDefault(a.status(), a.status()),
                    a.overdue() ? "Yes" : "No",
                    cell(a.owner()),
                    cell(g == null ? null : g.name()),
                    g == null ? "" : groupKinds.getOrDefault(g.kind(), g.kind()),
                    g == null || g.estimatedSize() == null ? "" : String.valueOf(g.estimatedSize()),
                    cell(a.segmentName()),
                    cell(a.surveyTitle()),
                    cell(a.eventTitle())));
        }
        Set<Long> reached = activities.stream()
                .map(Activity::groupId)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        for (StakeholderGroup g : groups) {
            if (!reached.contains(g.id())) {
                rows.add(List.of(
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        cell(g.owner()),
                        cell(g.name()),
                        groupKinds.getOrDefault(g.kind(), g.kind()),
                        g.estimatedSize() == null ? "" : String.valueOf(g.estimatedSize()),
                        "",
                        "",
                        ""));
            }
        }
        return rows;
    }

    /** Text as typed, with an apostrophe before anything a spreadsheet would take for a formula. */
    private static String cell(@Nullable String value) {
        return CsvText.cell(value);
    }

    String csv() {
        StringBuilder out = new StringBuilder();
        try (var printer =
                CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(out)) {
            for (List<String> row : rows()) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Golden Thread", "1.0");
            Worksheet sheet = workbook.newWorksheet("Engagement plan");
            List<List<String>> rows = rows();
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (!value.isEmpty()) {
                        sheet.value(r, c, value);
                    }
                }
            }
            sheet.range(0, 0, 0, COLUMNS.size() - 1).style().bold().set();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
