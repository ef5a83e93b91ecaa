package org.goldenthread.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
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

    static boolean isLead() {
        return Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id());
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/frameworks")
    String list(@PathVariable String ods, Model model) {
        List<Frameworks.Stored> own = frameworks.frameworks();
        model.addAttribute("frameworks", own);
        model.addAttribute(
                "shipped",
                frameworks.shipped().stream()
                        .filter(s ->
                                own.stream().noneMatch(o -> o.framework().code().equals(s.code())))
                        .toList());
        model.addAttribute("canEdit", isLead());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    Map.of(
                            "level1",
                            "Not yet started",
                            "level2",
                            "Emerging",
                            "level3",
                            "Established",
                            "level4",
                            "Embedded"));
        }
        return "assessment/frameworks";
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
            model.addAttribute(
                    "problems",
                    e.problems().stream()
                            .map(p -> Problem.of(
                                    "file", p.field() == null || p.field().equals("file") ? p.reason() : p.describe()))
                            .toList());
            model.addAttribute("plainReasons", true);
            return list(ods, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/frameworks/new")
    String start(
            @PathVariable String ods,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<String> levels = new ArrayList<>();
            for (int level = 1; level <= 6; level++) {
                levels.add(FormValues.text(form.get("level" + level)));
            }
            while (levels.size() > 2 && levels.get(levels.size() - 1) == null) {
                levels.remove(levels.size() - 1);
            }
            long id = frameworks.start(
                    FormValues.text(form.get("new_code")),
                    FormValues.text(form.get("new_title")),
                    FormValues.text(form.get("new_description")),
                    levels);
            redirect.addFlashAttribute("success", "The framework was started. Add its principles below.");
            return "redirect:" + base() + "/" + id + "#principle-new";
        } catch (InvalidInput e) {
            model.addAttribute(
                    "problems",
                    e.problems().stream()
                            .map(p -> new Problem(
                                    p.row(),
                                    p.field() == null
                                            ? null
                                            : p.field().matches("scale\\[\\d+].*")
                                                    ? "level"
                                                            + (Integer.parseInt(p.field()
                                                                            .replaceAll("scale\\[(\\d+)].*", "$1"))
                                                                    + 1)
                                                    : p.field().equals("scale") ? "level1" : "new_" + p.field(),
                                    p.reason()))
                            .toList());
            model.addAttribute("form", form);
            return list(ods, model);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/frameworks/{id}")
    String framework(@PathVariable String ods, @PathVariable long id, Model model) {
        Frameworks.Stored stored = frameworks.framework(id);
        model.addAttribute("id", stored.id());
        model.addAttribute("framework", stored.framework());
        model.addAttribute("canEdit", isLead());
        model.addAttribute("metrics", Choice.of(Metric.class));
        model.addAttribute(
                "principles",
                stored.framework().principles().stream()
                        .map(p -> new Choice(p.code(), p.code() + " " + p.title()))
                        .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "assessment/framework";
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

    private static List<String> descriptors(Map<String, String> form, String prefix, int levels) {
        List<String> descriptors = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            descriptors.add(FormValues.text(form.get(prefix + "descriptor" + level)));
        }
        return descriptors;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/frameworks/{id}/principles")
    String addPrinciple(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Framework f = frameworks.framework(id).framework();
        try {
            Framework.Indicator first = new Framework.Indicator(
                    FormValues.text(form.get("first_indicator_code")),
                    FormValues.text(form.get("first_indicator_text")),
                    descriptors(form, "first_", f.scale().size()),
                    List.of());
            frameworks.addPrinciple(
                    id,
                    new Framework.Principle(
                            FormValues.text(form.get("code")),
                            FormValues.text(form.get("group")),
                            FormValues.text(form.get("title")),
                            FormValues.text(form.get("description")),
                            List.of(first)));
            redirect.addFlashAttribute("success", "The principle was added.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("problems", renamed(e, "first_"));
            model.addAttribute("form", form);
            return framework(ods, id, model);
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/frameworks/{id}/indicators")
    String putIndicator(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Framework f = frameworks.framework(id).framework();
        try {
            List<String> evidence = Choice.of(Metric.class).stream()
                    .map(Choice::code)
                    .filter(code -> form.containsKey("evidence_" + code))
                    .toList();
            String principle = FormValues.text(form.get("principle"));
            if (principle == null) {
                throw new InvalidInput("principle", "Choose the principle the indicator belongs to");
            }
            frameworks.putIndicator(
                    id,
                    principle,
                    new Framework.Indicator(
                            FormValues.text(form.get("indicator_code")),
                            FormValues.text(form.get("indicator_text")),
                            descriptors(form, "", f.scale().size()),
                            evidence));
            redirect.addFlashAttribute("success", "The indicator was saved.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("problems", renamed(e, ""));
            model.addAttribute("form", form);
            return framework(ods, id, model);
        }
    }

    /**
     * The rules name places in the file ({@code principles[7].indicators[0].descriptors[2]}); on a form
     * a problem must point at the field that holds it ({@code descriptor3}, or {@code first_descriptor3}
     * on the form that adds a principle with its first indicator).
     */
    private static List<Problem> renamed(InvalidInput e, String prefix) {
        return e.problems().stream()
                .map(p -> new Problem(p.row(), formField(p.field(), prefix), p.reason()))
                .toList();
    }

    private static final Pattern DESCRIPTOR =
            Pattern.compile("^principles\\[\\d+]\\.indicators\\[\\d+]\\.descriptors\\[(\\d+)]$");

    static String formField(String field, String prefix) {
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
