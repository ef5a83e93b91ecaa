package org.goldenthread.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Evidence for an indicator: live figures the ICS admin cites, and links and documents anyone contributing adds. */
@Controller
class EvidencePages {

    private final Cycles cycles;
    private final Citations citations;
    private final Attachments attachments;
    private final IndicatorPage page;

    EvidencePages(Cycles cycles, Citations citations, Attachments attachments, IndicatorPage page) {
        this.cycles = cycles;
        this.citations = citations;
        this.attachments = attachments;
        this.page = page;
    }

    /**
     * Refuses anyone who may not read or contribute to this cycle: 403 without a contributing role, 404
     * for a place lead when the cycle is another place's.
     */
    private void requireReader(long id) {
        cycles.cycle(id, AssessmentAccess.readers());
    }

    private static String back(long id, String code) {
        return "redirect:" + AssessmentAccess.base() + "/" + id + "/indicators/" + code + "#evidence";
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/evidence")
    String cite(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            IndicatorForm form,
            Model model,
            RedirectAttributes redirect) {
        try {
            citations.cite(id, code, form.metric(), FormValues.id(form.survey()), form.question());
            redirect.addFlashAttribute("success", "The figure is cited as evidence.");
            return back(id, code);
        } catch (InvalidInput e) {
            return page.showAgain(model, id, code, form, e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/evidence/{evidence}/remove")
    String uncite(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @PathVariable long evidence,
            RedirectAttributes redirect) {
        citations.uncite(id, evidence);
        redirect.addFlashAttribute("success", "The figure is no longer cited.");
        return back(id, code);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/links")
    String link(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            IndicatorForm form,
            Model model,
            RedirectAttributes redirect) {
        requireReader(id);
        try {
            attachments.attachLink(id, code, form.title(), form.url());
            redirect.addFlashAttribute("success", "The link was added as evidence.");
            return back(id, code);
        } catch (InvalidInput e) {
            return page.showAgain(model, id, code, form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/files")
    String file(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @RequestParam(name = "file_title", required = false) String title,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        requireReader(id);
        try {
            attachments.attachFile(
                    id,
                    code,
                    title,
                    file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file.getBytes());
            redirect.addFlashAttribute("success", "The file was attached as evidence.");
            return back(id, code);
        } catch (InvalidInput e) {
            return page.showAgain(
                    model,
                    id,
                    code,
                    IndicatorForm.ofFile(title == null ? "" : title),
                    IndicatorPage.renamed(e, "title", "file_title"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @PostMapping("/ics/{ods}/assessments/{id}/indicators/{code}/items/{item}/remove")
    String removeItem(
            @PathVariable String ods,
            @PathVariable long id,
            @PathVariable String code,
            @PathVariable long item,
            RedirectAttributes redirect) {
        requireReader(id);
        attachments.removeItem(id, item, AssessmentAccess.leads());
        redirect.addFlashAttribute("success", "The evidence was removed.");
        return back(id, code);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER})
    @GetMapping("/ics/{ods}/assessments/{id}/files/{item}")
    ResponseEntity<byte[]> download(@PathVariable String ods, @PathVariable long id, @PathVariable long item) {
        requireReader(id);
        Attachments.File f = attachments.file(id, item);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(f.content());
    }
}
