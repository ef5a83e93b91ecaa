package org.goldenthread.platform.audit;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, an ICS's or the platform's, filtered as the reader asks. */
@Controller
class AuditPages {

    private final AuditLog log;

    AuditPages(AuditLog log) {
        this.log = log;
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/audit")
    String icsAudit(@PathVariable String ods, AuditQuery query, Model model) {
        return show(query, false, "/ics/" + Scope.currentTenant().odsCode() + "/audit", model);
    }

    @Allowed(Role.PLATFORM_ADMIN)
    @GetMapping("/admin/audit")
    String platformAudit(AuditQuery query, Model model) {
        return show(query, true, "/admin/audit", model);
    }

    /** Query parameters as typed by a person; dates that do not parse are reported, not ignored. */
    record AuditQuery(String actor, String action, String entity, String from, String to, String page) {

        AuditFilter filter() {
            List<Problem> problems = new java.util.ArrayList<>();
            LocalDate fromDate = org.goldenthread.platform.FormValues.date("from", "From date", from, problems);
            LocalDate toDate = org.goldenthread.platform.FormValues.date("to", "To date", to, problems);
            Integer pageNumber = pageNumber(page, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new AuditFilter(actor, action, entity, fromDate, toDate, pageNumber);
        }

        /** Refused outside 1 to the last page, rather than left to overflow the row offset. */
        private static @Nullable Integer pageNumber(@Nullable String value, List<Problem> problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                int number = Integer.parseInt(value.trim());
                if (number >= 1 && number <= AuditFilter.LAST_PAGE) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, like a number out of range
            }
            problems.add(Problem.of("page", "Enter a page number from 1 to " + AuditFilter.LAST_PAGE));
            return null;
        }
    }

    private String show(AuditQuery query, boolean platformOnly, String path, Model model) {
        model.addAttribute("query", query);
        model.addAttribute(
                "actions",
                log.actions(platformOnly).stream()
                        .map(a -> new Choice(a, Described.what(a, null)))
                        .sorted(Comparator.comparing(Choice::label))
                        .toList());
        model.addAttribute("path", path);
        AuditFilter filter;
        try {
            filter = query.filter();
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("entries", List.of());
            return "platform/audit";
        }
        List<AuditEntry> entries = log.find(filter, platformOnly, AuditFilter.ENTRIES_PER_PAGE);
        boolean more = entries.size() > AuditFilter.ENTRIES_PER_PAGE && filter.pageNumber() < AuditFilter.LAST_PAGE;
        model.addAttribute(
                "entries",
                (more ? entries.subList(0, AuditFilter.ENTRIES_PER_PAGE) : entries)
                        .stream().map(Described::of).toList());
        model.addAttribute("page", filter.pageNumber());
        model.addAttribute("more", more);
        return "platform/audit";
    }

    @RestController
    static class Api {

        private final AuditLog log;

        Api(AuditLog log) {
            this.log = log;
        }

        @Allowed(Role.ICS_ADMIN)
        @io.swagger.v3.oas.annotations.Operation(summary = "This ICS's audit log")
        @GetMapping("/api/v1/ics/{ods}/audit")
        List<AuditEntry> icsAudit(@PathVariable String ods, AuditQuery query) {
            return page(log.find(query.filter(), false, AuditFilter.PAGE_SIZE));
        }

        @Allowed(Role.PLATFORM_ADMIN)
        @io.swagger.v3.oas.annotations.Operation(summary = "Platform-level audit events")
        @GetMapping("/api/v1/admin/audit")
        List<AuditEntry> platformAudit(AuditQuery query) {
            return page(log.find(query.filter(), true, AuditFilter.PAGE_SIZE));
        }

        private static List<AuditEntry> page(List<AuditEntry> entries) {
            return entries.size() > AuditFilter.PAGE_SIZE ? entries.subList(0, AuditFilter.PAGE_SIZE) : entries;
        }
    }
}
