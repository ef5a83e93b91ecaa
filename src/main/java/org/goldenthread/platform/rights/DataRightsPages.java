package org.goldenthread.platform.rights;

import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.DataSubjects;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The pages an ICS administrator answers a subject access request or an erasure request with, from a
 * person's page in the register, and the ICS's retention period.
 */
@Controller
class DataRightsPages {

    private static final FormPage RETENTION = new FormPage("platform/retention");

    private final SubjectAccess access;
    private final Retention retention;
    private final ObjectProvider<DataSubjects> subjects;
    private final ObjectMapper json;

    DataRightsPages(
            SubjectAccess access, Retention retention, ObjectProvider<DataSubjects> subjects, ObjectMapper json) {
        this.access = access;
        this.retention = retention;
        this.subjects = subjects;
        this.json = json;
    }

    static ResponseEntity<byte[]> pdfResponse(long id, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-" + id + ".pdf\"")
                .body(pdf);
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping(value = "/ics/{ods}/people/{id}/personal-data.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> pdf(@PathVariable String ods, @PathVariable long id) {
        return pdfResponse(id, SubjectAccessReport.pdf(access.export(id)));
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping(value = "/ics/{ods}/people/{id}/personal-data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<byte[]> json(@PathVariable String ods, @PathVariable long id) {
        byte[] body =
                json.writerWithDefaultPrettyPrinter().writeValueAsBytes(DataRightsApi.ExportView.of(access.export(id)));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-" + id + ".json\"")
                .body(body);
    }

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/people/{id}/erase")
    String confirmErasure(@PathVariable String ods, @PathVariable long id, Model model) {
        model.addAttribute("subject", subject(id));
        return "platform/person-erase";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/people/{id}/erase")
    String erase(@PathVariable String ods, @PathVariable long id, RedirectAttributes redirect) {
        DataSubject subject = subject(id);
        access.erase(id, "person.erased");
        redirect.addFlashAttribute(
                "success",
                subject.fullName() + " has been erased. Figures they were counted in still count them, unnamed.");
        return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/people";
    }

    private DataSubject subject(long id) {
        DataSubjects register = subjects.getIfAvailable();
        if (register == null) {
            throw new NotFound("There is no register of people");
        }
        return register.find(id).orElseThrow(() -> new NotFound("There is no such person in this ICS"));
    }

    record PeriodForm(@Nullable String years) {}

    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/retention")
    String retention(@PathVariable String ods, Model model) {
        Integer years = retention.years();
        return RETENTION.show(model, new PeriodForm(years == null ? "" : years.toString()));
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/retention")
    String setRetention(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable String years,
            Model model,
            RedirectAttributes redirect) {
        PeriodForm form = new PeriodForm(years);
        try {
            Integer chosen = parse(years);
            retention.setYears(chosen);
            redirect.addFlashAttribute(
                    "success",
                    chosen == null
                            ? "People are now kept until an administrator erases them."
                            : "People whose last appointment ended more than "
                                    + org.goldenthread.platform.Plurals.of(chosen, "year")
                                    + " ago will be erased each day.");
            return "redirect:/ics/" + Scope.currentTenant().odsCode() + "/retention";
        } catch (InvalidInput e) {
            return RETENTION.showAgain(model, form, e);
        }
    }

    private static @Nullable Integer parse(@Nullable String years) {
        if (years == null || years.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(years.trim());
            if (n >= 1 && n <= 50) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a number out of range
        }
        throw new InvalidInput("years", "Retention period must be a whole number of years from 1 to 50, or empty");
    }
}
