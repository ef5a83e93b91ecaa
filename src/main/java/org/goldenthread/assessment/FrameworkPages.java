package org.goldenthread.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.jspecify.annotations.Nullable;
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
import tools.jackson.databind.ObjectMapper;

/** Pages for an ICS's frameworks: adopting a shipped one, importing and exporting files, and editing. */
@Controller
class FrameworkPages {

    private final Frameworks frameworks;
    private final ObjectMapper json;

    FrameworkPages(Frameworks frameworks, ObjectMapper json) {
        this.frameworks = frameworks;
        this.json = json;
    }

    private static String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/frameworks";
    }

    private static final FormPage FRAMEWORKS = new FormPage("assessment/frameworks");
    private static final FormPage FRAMEWORK = new FormPage("assessment/framework");

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/frameworks")
    String list(@PathVariable String ods, Model model) {
        return FRAMEWORKS.show(listed(model), NewFrameworkForm.usualScale());
    }

    private Model listed(Model model) {
        List<Frameworks.Stored> own = frameworks.frameworks();
        model.addAttribute("frameworks", own);
        model.addAttribute(
                "shipped",
                frameworks.shipped().stream()
                        .filter(s -> own.stream()
                                .noneMatch(o -> Objects.equals(o.framework().code(), s.code())))
                        .toList());
        model.addAttribute("canEdit", AssessmentAccess.leads());
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/frameworks/adopt")
    String adopt(@PathVariable String ods, @RequestParam(required = false) String code, RedirectAttributes redirect) {
        long id = frameworks.adopt(code);
        redirect.addFlashAttribute("success", "The framework is now this ICS's to use and adapt.");
        return "redirect:" + base() + "/" + id;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/frameworks/upload")
    String upload(
            @PathVariable String ods,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput("file", "Choose a framework file (JSON) to import");
            }
            long id = frameworks.save(frameworks.parse(file.getBytes()));
            redirect.addFlashAttribute("success", "The framework file was imported.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            // every problem is in the file, so each links to the file input and names its place in the file
            InvalidInput inFile = new InvalidInput(e.problems().stream()
                    .map(p -> Problem.of(
                            "file", p.field() == null || p.field().equals("file") ? p.reason() : p.describe()))
                    .toList());
            model.addAttribute("plainReasons", true);
            return FRAMEWORKS.showAgain(listed(model), NewFrameworkForm.usualScale(), inFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/frameworks/new")
    String start(@PathVariable String ods, NewFrameworkForm form, Model model, RedirectAttributes redirect) {
        try {
            long id = frameworks.start(
                    FormValues.text(form.code()),
                    FormValues.text(form.title()),
                    FormValues.text(form.description()),
                    form.levels());
            redirect.addFlashAttribute("success", "The framework was started. Add its principles below.");
            return "redirect:" + base() + "/" + id + "#principle-new";
        } catch (InvalidInput e) {
            return FRAMEWORKS.showAgain(listed(model), form, startRenamed(e));
        }
    }

    /** The rules name the scale's levels by their place in the file; the form by their field. */
    private static InvalidInput startRenamed(InvalidInput e) {
        return new InvalidInput(e.problems().stream()
                .map(p -> new Problem(
                        p.row(),
                        p.field() == null
                                ? null
                                : p.field().matches("scale\\[\\d+].*")
                                        ? "level"
                                                + (Integer.parseInt(p.field().replaceAll("scale\\[(\\d+)].*", "$1"))
                                                        + 1)
                                        : p.field().equals("scale") ? "level1" : "new_" + p.field(),
                        p.reason()))
                .toList());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/frameworks/{id}")
    String framework(@PathVariable String ods, @PathVariable long id, Model model) {
        return FRAMEWORK.show(shown(model, id), FrameworkForm.empty());
    }

    private Model shown(Model model, long id) {
        Frameworks.Stored stored = frameworks.framework(id);
        model.addAttribute("id", stored.id());
        model.addAttribute("framework", stored.framework());
        model.addAttribute("canEdit", AssessmentAccess.leads());
        model.addAttribute("metrics", Choice.of(Metric.class));
        model.addAttribute(
                "principles",
                stored.framework().principles().stream()
                        .map(p -> new Choice(p.code(), p.code() + " " + p.title()))
                        .toList());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/frameworks/{id}/file")
    ResponseEntity<byte[]> export(@PathVariable String ods, @PathVariable long id) {
        Framework f = frameworks.framework(id).framework();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.code() + ".json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(f));
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/frameworks/{id}/principles")
    String addPrinciple(
            @PathVariable String ods,
            @PathVariable long id,
            FrameworkForm form,
            Model model,
            RedirectAttributes redirect) {
        Framework f = frameworks.framework(id).framework();
        try {
            Framework.Indicator first = new Framework.Indicator(
                    required(form.firstIndicatorCode()),
                    required(form.firstIndicatorText()),
                    form.firstDescriptors(f.scale().size()),
                    List.of());
            frameworks.addPrinciple(
                    id,
                    new Framework.Principle(
                            required(form.code()),
                            FormValues.text(form.group()),
                            required(form.title()),
                            FormValues.text(form.description()),
                            List.of(first)));
            redirect.addFlashAttribute("success", "The principle was added.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            return FRAMEWORK.showAgain(shown(model, id), form, renamed(e, "first_"));
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/frameworks/{id}/indicators")
    String putIndicator(
            @PathVariable String ods,
            @PathVariable long id,
            FrameworkForm form,
            Model model,
            RedirectAttributes redirect) {
        Framework f = frameworks.framework(id).framework();
        try {
            List<String> evidence = Choice.of(Metric.class).stream()
                    .map(Choice::code)
                    .filter(form::proposes)
                    .toList();
            String principle = FormValues.text(form.principle());
            if (principle == null) {
                throw new InvalidInput("principle", "Choose the principle the indicator belongs to");
            }
            frameworks.putIndicator(
                    id,
                    principle,
                    new Framework.Indicator(
                            required(form.indicatorCode()),
                            required(form.indicatorText()),
                            form.descriptors(f.scale().size()),
                            evidence));
            redirect.addFlashAttribute("success", "The indicator was saved.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            return FRAMEWORK.showAgain(shown(model, id), form, renamed(e, ""));
        }
    }

    /**
     * The rules name places in the file ({@code principles[7].indicators[0].descriptors[2]}); on a form
     * a problem must point at the field that holds it ({@code descriptor3}, or {@code first_descriptor3}
     * on the form that adds a principle with its first indicator).
     */
    private static InvalidInput renamed(InvalidInput e, String prefix) {
        return new InvalidInput(e.problems().stream()
                .map(p -> new Problem(p.row(), formField(p.field(), prefix), p.reason()))
                .toList());
    }

    private static final Pattern DESCRIPTOR =
            Pattern.compile("^principles\\[\\d+]\\.indicators\\[\\d+]\\.descriptors\\[(\\d+)]$");

    /** A field the rules require, as typed: empty when left blank, which the framework's rules refuse by name. */
    private static String required(@Nullable String typed) {
        String text = FormValues.text(typed);
        return text == null ? "" : text;
    }

    static @Nullable String formField(@Nullable String field, String prefix) {
        if (field == null) {
            return null;
        }
        var descriptor = DESCRIPTOR.matcher(field);
        if (descriptor.matches()) {
            return prefix + "descriptor" + (Integer.parseInt(descriptor.group(1)) + 1);
        }
        String mapped = field.replaceAll(
                        "^principles\\[\\d+]\\.indicators\\[\\d+]\\.descriptors$", prefix + "descriptor1")
                .replaceAll("^principles\\[\\d+]\\.indicators\\[\\d+]\\.(code|text)$", prefix + "indicator_$1")
                .replaceAll("^principles\\[\\d+]\\.indicators\\[\\d+]\\.evidence.*$", "principle")
                .replaceAll("^principles\\[\\d+]\\.(code|group|title|description)$", "$1");
        // a problem with no field on this form (too many principles, say) links to the page itself
        return mapped.contains("[") || mapped.equals("principles") || mapped.equals("scale") ? null : mapped;
    }
}
