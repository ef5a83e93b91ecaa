package org.goldenthread.development.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Pages for the behaviour frameworks raters rate leaders on: everyone who can run a round reads
 * them; an administrator adapts one behaviour or dimension at a time, or imports a whole file. The
 * shipped framework becomes the ICS's own the first time it is adapted.
 */
@Controller
class BehaviourFrameworkPages {

    private static final FormPage LIST = new FormPage("development/feedback/frameworks");
    private static final FormPage ONE = new FormPage("development/feedback/framework");

    /**
     * The framework page's two forms: one adds a behaviour to a dimension or rewords the one with that
     * code, the other adds a dimension with its first behaviour ({@code new_} fields).
     */
    record BehaviourForm(
            @Nullable String dimension,
            @BindParam("behaviour_code") @Nullable String behaviourCode,
            @Nullable String text,
            @BindParam("new_dimension") @Nullable String newDimension,
            @BindParam("new_dimension_title") @Nullable String newDimensionTitle,
            @BindParam("new_behaviour_code") @Nullable String newBehaviourCode,
            @BindParam("new_text") @Nullable String newText) {

        static BehaviourForm empty() {
            return new BehaviourForm(null, null, null, null, null, null, null);
        }
    }

    private final BehaviourFrameworks frameworks;
    private final FeedbackRounds rounds;
    private final ObjectMapper json;

    BehaviourFrameworkPages(BehaviourFrameworks frameworks, FeedbackRounds rounds, ObjectMapper json) {
        this.frameworks = frameworks;
        this.rounds = rounds;
        this.json = json;
    }

    private static String base() {
        return FeedbackPages.home() + "/frameworks";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/feedback/frameworks")
    String list(@PathVariable String ods, Model model) {
        return LIST.show(listed(model), BehaviourForm.empty());
    }

    private Model listed(Model model) {
        model.addAttribute("frameworks", frameworks.frameworks());
        model.addAttribute("shippedCode", BehaviourFrameworks.SHIPPED);
        model.addAttribute("admin", rounds.isAdmin());
        model.addAttribute("home", FeedbackPages.home());
        return model;
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/feedback/frameworks/upload")
    String upload(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInput("file", "Choose a behaviour framework file (JSON) to import");
            }
            BehaviourFramework saved = frameworks.save(frameworks.parse(file.getBytes()));
            redirect.addFlashAttribute("success", "The framework file was imported.");
            return "redirect:" + base() + "/" + saved.code();
        } catch (InvalidInput e) {
            // every problem is in the file, so each points at the file input and says where in the file it is
            InvalidInput inFile = new InvalidInput(e.problems().stream()
                    .map(p -> Problem.of(
                            "file", p.field() == null || p.field().equals("file") ? p.reason() : p.describe()))
                    .toList());
            return LIST.showAgain(listed(model), BehaviourForm.empty(), inFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/feedback/frameworks/{code}")
    String framework(@PathVariable String ods, @PathVariable String code, Model model) {
        return ONE.show(shown(model, code), BehaviourForm.empty());
    }

    private Model shown(Model model, String code) {
        BehaviourFramework framework = frameworks.framework(code);
        model.addAttribute("framework", framework);
        model.addAttribute("adapted", frameworks.isOwn(code));
        model.addAttribute("shipped", BehaviourFrameworks.SHIPPED.equals(code));
        model.addAttribute(
                "dimensions",
                framework.dimensionList().stream()
                        .map(d -> new Choice(d.code(), d.title()))
                        .toList());
        model.addAttribute("admin", rounds.isAdmin());
        model.addAttribute("base", base());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.MEMBER, Role.ANALYST})
    @GetMapping("/ics/{ods}/development/feedback/frameworks/{code}/file")
    ResponseEntity<byte[]> file(@PathVariable String ods, @PathVariable String code) {
        BehaviourFramework framework = frameworks.framework(code);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + framework.code() + ".json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(framework));
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/feedback/frameworks/{code}/behaviours")
    String putBehaviour(
            @PathVariable String ods,
            @PathVariable String code,
            BehaviourForm form,
            Model model,
            RedirectAttributes redirect) {
        BehaviourFramework framework = frameworks.framework(code);
        try {
            String dimension = FormValues.text(form.dimension());
            String behaviour = FormValues.text(form.behaviourCode());
            if (dimension == null) {
                throw new InvalidInput("dimension", "Choose the dimension the behaviour belongs to");
            }
            if (behaviour == null) {
                throw new InvalidInput("behaviour_code", "Give the behaviour a code, or the code of one to reword");
            }
            frameworks.save(withBehaviour(framework, dimension, behaviour, FormValues.text(form.text())));
            redirect.addFlashAttribute(
                    "success", has(framework, behaviour) ? "The behaviour was reworded." : "The behaviour was added.");
            return "redirect:" + base() + "/" + code + "#" + dimension;
        } catch (InvalidInput e) {
            return ONE.showAgain(shown(model, code), form, onForm(e));
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/feedback/frameworks/{code}/dimensions")
    String addDimension(
            @PathVariable String ods,
            @PathVariable String code,
            BehaviourForm form,
            Model model,
            RedirectAttributes redirect) {
        BehaviourFramework framework = frameworks.framework(code);
        try {
            String dimension = FormValues.text(form.newDimension());
            if (dimension == null) {
                throw new InvalidInput("new_dimension", "Give the dimension a code");
            }
            if (framework.dimensionList().stream().anyMatch(d -> dimension.equals(d.code()))) {
                throw new InvalidInput("new_dimension", "The framework already has a dimension with this code");
            }
            List<BehaviourFramework.Dimension> dimensions = new ArrayList<>(framework.dimensionList());
            dimensions.add(new BehaviourFramework.Dimension(
                    dimension,
                    FormValues.text(form.newDimensionTitle()),
                    null,
                    List.of(new BehaviourFramework.Behaviour(
                            FormValues.text(form.newBehaviourCode()), FormValues.text(form.newText())))));
            frameworks.save(new BehaviourFramework(
                    framework.code(), framework.title(), framework.description(), framework.scale(), dimensions));
            redirect.addFlashAttribute("success", "The dimension was added with its first behaviour.");
            return "redirect:" + base() + "/" + code + "#" + dimension;
        } catch (InvalidInput e) {
            return ONE.showAgain(shown(model, code), form, onNewDimension(e));
        }
    }

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/ics/{ods}/development/feedback/frameworks/{code}/behaviours/remove")
    String removeBehaviour(
            @PathVariable String ods,
            @PathVariable String code,
            @RequestParam String behaviour,
            Model model,
            RedirectAttributes redirect) {
        BehaviourFramework framework = frameworks.framework(code);
        List<BehaviourFramework.Dimension> dimensions = framework.dimensionList().stream()
                .map(d -> new BehaviourFramework.Dimension(
                        d.code(),
                        d.title(),
                        d.description(),
                        d.behaviourList().stream()
                                .filter(b -> !behaviour.equals(b.code()))
                                .toList()))
                .toList();
        try {
            frameworks.save(new BehaviourFramework(
                    framework.code(), framework.title(), framework.description(), framework.scale(), dimensions));
        } catch (InvalidInput e) {
            return ONE.showAgain(
                    shown(model, code),
                    BehaviourForm.empty(),
                    new InvalidInput(List.of(Problem.of(
                            null,
                            "A dimension needs at least one behaviour: add another to it before removing this one"))));
        }
        redirect.addFlashAttribute("success", "The behaviour was removed.");
        return "redirect:" + base() + "/" + code;
    }

    /** The framework with the behaviour reworded where its code is already used, or added to the dimension. */
    static BehaviourFramework withBehaviour(
            BehaviourFramework framework, String dimension, String code, @Nullable String text) {
        if (framework.dimensionList().stream().noneMatch(d -> dimension.equals(d.code()))) {
            throw new InvalidInput("dimension", "The framework has no dimension " + dimension);
        }
        boolean existing = has(framework, code);
        List<BehaviourFramework.Dimension> dimensions = framework.dimensionList().stream()
                .map(d -> {
                    List<BehaviourFramework.Behaviour> behaviours = new ArrayList<>(d.behaviourList().stream()
                            .map(b -> code.equals(b.code()) ? new BehaviourFramework.Behaviour(code, text) : b)
                            .toList());
                    if (!existing && dimension.equals(d.code())) {
                        behaviours.add(new BehaviourFramework.Behaviour(code, text));
                    }
                    return new BehaviourFramework.Dimension(d.code(), d.title(), d.description(), behaviours);
                })
                .toList();
        return new BehaviourFramework(
                framework.code(), framework.title(), framework.description(), framework.scale(), dimensions);
    }

    private static boolean has(BehaviourFramework framework, String behaviour) {
        return framework.behaviours().stream().anyMatch(b -> behaviour.equals(b.code()));
    }

    /** The framework's rules name places in the document; the form names its fields. */
    private static InvalidInput onForm(InvalidInput e) {
        return new InvalidInput(e.problems().stream()
                .map(p -> new Problem(p.row(), formField(p.field(), "behaviour_code", "text"), p.reason()))
                .toList());
    }

    private static InvalidInput onNewDimension(InvalidInput e) {
        return new InvalidInput(e.problems().stream()
                .map(p -> new Problem(
                        p.row(),
                        p.field() != null && p.field().matches("dimensions\\[\\d+]\\.title")
                                ? "new_dimension_title"
                                : formField(p.field(), "new_behaviour_code", "new_text"),
                        p.reason()))
                .toList());
    }

    private static @Nullable String formField(@Nullable String field, String codeField, String textField) {
        if (field == null) {
            return null;
        }
        if (field.matches("dimensions\\[\\d+]\\.behaviours\\[\\d+]\\.code")) {
            return codeField;
        }
        if (field.matches("dimensions\\[\\d+]\\.behaviours\\[\\d+]\\.text")) {
            return textField;
        }
        return field.contains("[") ? null : field;
    }
}
