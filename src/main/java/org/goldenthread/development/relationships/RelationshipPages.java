package org.goldenthread.development.relationships;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.CsvText;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.ListPage;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An ICS administrator's page of a programme's relationships: the facts of each pair (never what
 * they wrote), quiet pairs flagged, ending a relationship, and getting people their links. The
 * programme's own page is another; this one sits beside it.
 */
@Controller
class RelationshipPages {

    private final RelationshipFacts facts;
    private final LinkHandover handover;
    private final LinkMail mail;

    RelationshipPages(RelationshipFacts facts, LinkHandover handover, LinkMail mail) {
        this.facts = facts;
        this.handover = handover;
        this.mail = mail;
    }

    static final int RELATIONSHIPS_PER_PAGE = 25;

    /** The programme's relationships, a page at a time; each pair's links and ending are on its own page. */
    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/relationships")
    String page(
            @PathVariable String ods, @PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
        RelationshipFacts.Overview overview = facts.overview(id);
        model.addAttribute("overview", overview);
        model.addAttribute(
                "relationships",
                ListPage.of(overview.relationships(), page, RELATIONSHIPS_PER_PAGE, path(id), Map.of()));
        model.addAttribute("running", overview.relationships().stream().anyMatch(r -> !r.ended()));
        model.addAttribute("reasonLabels", Coded.labels(EndReason.class));
        model.addAttribute("emailSetUp", mail.isSetUp());
        model.addAttribute("path", path(id));
        return "development/relationships";
    }

    /** One relationship as the administrator sees it: what the list shows, its people's links, and ending it. */
    @Allowed(Role.ICS_ADMIN)
    @GetMapping("/ics/{ods}/programmes/{id}/relationships/{relationship}")
    String relationship(@PathVariable String ods, @PathVariable long id, @PathVariable long relationship, Model model) {
        return show(id, relationship, model);
    }

    private String show(long id, long relationship, Model model) {
        RelationshipFacts.Overview overview = facts.overview(id);
        model.addAttribute("overview", overview);
        model.addAttribute(
                "r",
                overview.relationships().stream()
                        .filter(r -> r.id() == relationship)
                        .findFirst()
                        .orElseThrow(() -> new NotFound("This programme has no relationship " + relationship)));
        model.addAttribute("reasons", Choice.of(EndReason.class));
        model.addAttribute("reasonLabels", Coded.labels(EndReason.class));
        model.addAttribute("emailSetUp", mail.isSetUp());
        model.addAttribute("path", path(id));
        return "development/relationship";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/relationships/{relationship}/end")
    String end(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long relationship,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            facts.end(id, relationship, form.get("reason-" + relationship));
            redirect.addFlashAttribute("success", "The relationship was ended.");
            return "redirect:" + path(id) + "/" + relationship;
        } catch (InvalidInput e) {
            model.addAttribute(
                    "problems",
                    e.problems().stream()
                            .map(p -> org.goldenthread.platform.Problem.of("reason-" + relationship, p.reason()))
                            .toList());
            return show(id, relationship, model);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/programmes/{id}/relationships/{relationship}/links/{person}")
    String resend(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable long relationship,
            @PathVariable long person,
            Model model,
            RedirectAttributes redirect) {
        try {
            PersonalLinks.Issued issued = handover.reissue(id, relationship, person, mail.isSetUp());
            redirect.addFlashAttribute(
                    "success",
                    mail.sendNow(issued)
                            ? "A new link was emailed. The old one no longer works."
                            : "A new link was made but the mail server did not take the email;"
                                    + " download the links not yet emailed to send it another way.");
            return "redirect:" + path(id) + "/" + relationship;
        } catch (InvalidInput e) {
            model.addAttribute(
                    "problems",
                    e.problems().stream()
                            .map(p -> org.goldenthread.platform.Problem.of(
                                    "resend-" + relationship + "-" + person, p.reason()))
                            .toList());
            return show(id, relationship, model);
        }
    }

    /**
     * New links, as CSV, for everyone whose link was never emailed, to send another way. Each row is
     * a way in to what a pair wrote, so the download is audited and only links nobody was emailed
     * are handed over.
     */
    @Allowed(Role.ICS_ADMIN)
    @io.swagger.v3.oas.annotations.Operation(summary = "New links for the people whose link was never emailed, as CSV")
    @PostMapping({
        "/ics/{ods}/programmes/{id}/relationships/links.csv",
        "/api/v1/ics/{ods}/programmes/{id}/relationships/links.csv"
    })
    void notEmailed(@PathVariable String ods, @PathVariable long id, HttpServletResponse response) throws IOException {
        List<LinkHandover.HandedOver> links =
                handover.notEmailed(id, mail.base().orElse(""));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"programme-" + id + "-relationship-links.csv\"");
        // the links are secrets: no cache along the way should keep them
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter printer =
                CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(writer);
        printer.printRecord("relationship_id", "person_ref", "name", "email", "link");
        for (LinkHandover.HandedOver link : links) {
            printer.printRecord(
                    link.relationshipId(),
                    CsvText.cell(link.personRef()),
                    CsvText.cell(link.name()),
                    CsvText.cell(link.email()),
                    link.link());
        }
        printer.flush();
    }

    private static String path(long id) {
        return "/ics/" + Scope.currentTenant().odsCode() + "/programmes/" + id + "/relationships";
    }
}
