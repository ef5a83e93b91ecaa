package org.goldenthread.engagement;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.goldenthread.platform.Text;
import org.springframework.core.io.ClassPathResource;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Pages to build surveys, see their results and cross-tabs, and download what they collected. */
@Controller
class SurveyPages implements Navigation {

    private final Surveys surveys;
    private final Responses responses;
    private final SurveyResults results;
    private final ObjectMapper json;
    private final Codebook codebook;
    private final SurveyReport report;

    SurveyPages(
            Surveys surveys,
            Responses responses,
            SurveyResults results,
            ObjectMapper json,
            Codebook codebook,
            SurveyReport report) {
        this.report = report;
        this.surveys = surveys;
        this.responses = responses;
        this.results = results;
        this.json = json;
        this.codebook = codebook;
    }

    private static boolean mayUse(Caller caller, Tenant tenant) {
        return caller.has(Role.ICS_ADMIN, tenant.id())
                || caller.has(Role.PLACE_LEAD, tenant.id())
                || caller.has(Role.ANALYST, tenant.id());
    }

    private static boolean canEdit() {
        return Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id())
                || Scope.currentCaller()
                        .has(Role.PLACE_LEAD, Scope.currentTenant().id());
    }

    @Override
    public List<NavigationItem> itemsFor(Caller caller, Tenant tenant) {
        return tenant == null || !mayUse(caller, tenant)
                ? List.of()
                : List.of(new NavigationItem(50, "Surveys", "/ics/" + tenant.odsCode() + "/surveys"));
    }

    private String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/surveys";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/surveys")
    String list(@PathVariable String ods, Model model) {
        model.addAttribute("surveys", surveys.surveys());
        model.addAttribute("canEdit", canEdit());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("anonymous", "true"));
        }
        return "engagement/surveys";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/new")
    String create(
            @PathVariable String ods,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<Problem> problems = new ArrayList<>();
            LocalDate opens = FormValues.date(form, "opens_on", problems);
            LocalDate closes = FormValues.date(form, "closes_on", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            long id = surveys.createDraft(
                    new SurveyDefinition(
                            FormValues.text(form.get("code")),
                            FormValues.text(form.get("title")),
                            !"false".equals(form.get("anonymous")),
                            FormValues.text(form.get("introduction")),
                            List.of()),
                    opens,
                    closes);
            redirect.addFlashAttribute("success", "The survey was created. Add its questions below.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form);
            return list(ods, model);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/upload")
    String upload(
            @PathVariable String ods,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String example,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            byte[] body = example != null
                    ? new ClassPathResource("engagement/ccpl-principles.json").getContentAsByteArray()
                    : file == null || file.isEmpty() ? null : file.getBytes();
            if (body == null) {
                throw new InvalidInput("file", "Choose a survey file (.json) to import");
            }
            Text.unstorableInJson(body).ifPresent(problem -> {
                throw new InvalidInput(List.of(problem));
            });
            SurveyDefinition definition;
            try {
                definition = json.readValue(body, SurveyDefinition.class);
            } catch (JacksonException e) {
                throw new InvalidInput("file", "The file is not a survey definition: " + e.getOriginalMessage());
            }
            long id = surveys.createUnopened(definition, null, null);
            redirect.addFlashAttribute(
                    "success",
                    definition.title() + " was imported as a draft." + " Check it, then open it to respondents below.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("uploadProblems", e.problems());
            return list(ods, model);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/surveys/{id}")
    String survey(@PathVariable String ods, @PathVariable long id, Model model) {
        Surveys.Survey survey = surveys.survey(id);
        model.addAttribute("survey", survey);
        // a count, not the results: the results would load every answer into memory just to count them
        model.addAttribute("responses", surveys.responseCount(id));
        model.addAttribute("canEdit", canEdit());
        model.addAttribute("mayReadRaw", surveys.mayReadRawResponses(id));
        model.addAttribute("openToday", survey.isOpenOn(Surveys.today()));
        if (!model.containsAttribute("dates")) {
            model.addAttribute("dates", datesForm(survey));
        }
        model.addAttribute("types", Choice.of(QuestionType.class));
        model.addAttribute(
                "earlier",
                survey.definition().questions().stream()
                        .filter(q -> q.questionType().isClosed())
                        .map(q -> new Choice(q.code(), q.code()))
                        .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("required", "false"));
        }
        return "engagement/survey";
    }

    private static Map<String, String> datesForm(Surveys.Survey survey) {
        Map<String, String> dates = new java.util.HashMap<>();
        dates.put("opens_on", survey.opensOn() == null ? "" : survey.opensOn().toString());
        dates.put(
                "closes_on", survey.closesOn() == null ? "" : survey.closesOn().toString());
        return dates;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/open")
    String open(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return lifecycle(ods, id, model, redirect, () -> surveys.open(id), "The survey is open to respondents.");
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/close")
    String close(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return lifecycle(
                ods, id, model, redirect, () -> surveys.close(id), "The survey is closed: nobody more can respond.");
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/dates")
    String redate(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("dates", form);
        return lifecycle(
                ods,
                id,
                model,
                redirect,
                () -> {
                    List<Problem> problems = new ArrayList<>();
                    LocalDate opens = FormValues.date(form, "opens_on", problems);
                    LocalDate closes = FormValues.date(form, "closes_on", problems);
                    if (!problems.isEmpty()) {
                        throw new InvalidInput(problems);
                    }
                    surveys.redate(id, opens, closes);
                },
                "The dates were saved.");
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/delete")
    String delete(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        String title = surveys.survey(id).definition().title();
        try {
            surveys.delete(id);
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return survey(ods, id, model);
        }
        redirect.addFlashAttribute("success", title + " was deleted.");
        return "redirect:" + base();
    }

    private String lifecycle(
            String ods, long id, Model model, RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            return survey(ods, id, model);
        }
        redirect.addFlashAttribute("success", done);
        return "redirect:" + base() + "/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/questions")
    String addQuestion(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<String> options =
                    form.get("options") == null || form.get("options").isBlank()
                            ? null
                            : Arrays.stream(form.get("options").split("\\R"))
                                    .map(String::trim)
                                    .filter(o -> !o.isEmpty())
                                    .toList();
            Question.ShowIf showIf = FormValues.text(form.get("show_if_question")) == null
                    ? null
                    : new Question.ShowIf(
                            form.get("show_if_question").trim(), FormValues.text(form.get("show_if_equals")));
            String type = FormValues.text(form.get("type"));
            boolean ownOptions = "single".equals(type) || "multi".equals(type);
            surveys.addQuestion(
                    id,
                    new Question(
                            FormValues.text(form.get("code")),
                            FormValues.text(form.get("text")),
                            type,
                            "true".equals(form.get("required")),
                            "true".equals(form.get("comment")) ? true : null,
                            ownOptions ? options : null,
                            ownOptions && "true".equals(form.get("other")) ? true : null,
                            showIf,
                            FormValues.text(form.get("section")),
                            null,
                            FormValues.text(form.get("hint"))));
            redirect.addFlashAttribute("success", "Question " + form.get("code") + " was added.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form);
            return survey(ods, id, model);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/surveys/{id}/results")
    String results(@PathVariable String ods, @PathVariable long id, HttpServletRequest request, Model model) {
        Surveys.Survey survey = surveys.survey(id);
        List<String> filter = SurveyApi.filters(request);
        model.addAttribute("survey", survey);
        model.addAttribute("filters", filterChoices(survey.definition()));
        model.addAttribute(
                "filter", SurveyResults.filters(filter).stream().findFirst().orElse(null));
        model.addAttribute("filtered", String.join(" and ", SurveyResults.filters(filter)));
        try {
            model.addAttribute("results", results.results(id, filter));
        } catch (InvalidInput e) {
            // no figures at all rather than everyone's: results that ignored the filter would look filtered
            model.addAttribute("problems", e.problems());
        }
        return "engagement/results";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/surveys/{id}/crosstab")
    String crossTab(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(required = false) String row,
            @RequestParam(required = false) String col,
            HttpServletRequest request,
            Model model) {
        List<String> filter = SurveyApi.filters(request);
        Surveys.Survey survey = surveys.survey(id);
        model.addAttribute("survey", survey);
        model.addAttribute(
                "closed",
                survey.definition().questions().stream()
                        .filter(q -> q.questionType().isClosed())
                        .map(q -> new Choice(q.code(), q.code() + ": " + shorten(q.text())))
                        .toList());
        model.addAttribute("filters", filterChoices(survey.definition()));
        model.addAttribute("row", row);
        model.addAttribute("col", col);
        model.addAttribute(
                "filter", SurveyResults.filters(filter).stream().findFirst().orElse(null));
        if (row != null && col != null) {
            try {
                model.addAttribute("tab", results.crossTab(id, row, col, filter));
            } catch (InvalidInput e) {
                model.addAttribute("problems", e.problems());
            }
        }
        return "engagement/crosstab";
    }

    private static List<Choice> filterChoices(SurveyDefinition definition) {
        List<Choice> choices = new ArrayList<>();
        for (Question q : definition.questions()) {
            if (q.questionType().isClosed()) {
                for (String option : q.choices()) {
                    choices.add(new Choice(q.code() + ":" + option, q.code() + " – " + shorten(option)));
                }
            }
        }
        return choices;
    }

    private static String shorten(String text) {
        return text.length() > 70 ? text.substring(0, 70) + "…" : text;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/surveys/{id}/definition.json")
    ResponseEntity<byte[]> definition(@PathVariable String ods, @PathVariable long id) {
        SurveyDefinition definition = surveys.survey(id).definition();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + definition.code() + ".json\"")
                .body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(definition));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @io.swagger.v3.oas.annotations.Operation(summary = "The survey results report as a PDF")
    @GetMapping({"/ics/{ods}/surveys/{id}/report.pdf", "/api/v1/ics/{ods}/surveys/{id}/report.pdf"})
    ResponseEntity<byte[]> reportPdf(@PathVariable String ods, @PathVariable long id, HttpServletRequest request) {
        List<String> filter = SurveyApi.filters(request);
        String code = surveys.survey(id).definition().code();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-results.pdf\"")
                .body(report.pdf(id, filter));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @io.swagger.v3.oas.annotations.Operation(summary = "Every response, free text included, as CSV")
    @GetMapping({"/ics/{ods}/surveys/{id}/responses.csv", "/api/v1/ics/{ods}/surveys/{id}/responses.csv"})
    void responsesCsv(@PathVariable String ods, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        surveys.requireRawResponses(id);
        String code = surveys.survey(id).definition().code();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-responses.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CSVPrinter printer =
                CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get().print(writer);
        responses.export(id, row -> {
            try {
                printer.printRecord(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @io.swagger.v3.oas.annotations.Operation(summary = "Every response, free text included, as an Excel workbook")
    @GetMapping({"/ics/{ods}/surveys/{id}/responses.xlsx", "/api/v1/ics/{ods}/surveys/{id}/responses.xlsx"})
    void responsesXlsx(@PathVariable String ods, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        surveys.requireRawResponses(id);
        String code = surveys.survey(id).definition().code();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-responses.xlsx\"");
        org.dhatim.fastexcel.Workbook workbook =
                new org.dhatim.fastexcel.Workbook(response.getOutputStream(), "Golden Thread", "1.0");
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Responses");
        int[] r = {0};
        responses.export(id, row -> {
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    sheet.value(r[0], c, row.get(c));
                }
            }
            r[0]++;
        });
        workbook.finish();
    }

    private static final int COMMENTS_PER_PAGE = 25;

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @GetMapping("/ics/{ods}/surveys/{id}/comments")
    String comments(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(required = false) String field,
            @RequestParam(defaultValue = "false") boolean uncoded,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String by,
            Model model) {
        Surveys.Survey survey = surveys.survey(id);
        List<String> fields = codebook.fields(id);
        model.addAttribute("survey", survey);
        model.addAttribute(
                "fields",
                fields.stream()
                        .map(f -> new Choice(f, survey.definition().fieldLabel(f)))
                        .toList());
        model.addAttribute(
                "closed",
                survey.definition().questions().stream()
                        .filter(q -> q.questionType().isClosed())
                        .map(q -> new Choice(q.code(), q.code() + ": " + shorten(q.text())))
                        .toList());
        model.addAttribute("themes", codebook.themes(id));
        if (fields.isEmpty()) {
            return "engagement/comments";
        }
        String chosen = field == null || field.isBlank() ? fields.get(0) : field;
        int safePage = Math.min(Math.max(page, 1), 100_000);
        try {
            model.addAttribute("field", chosen);
            model.addAttribute("fieldLabel", survey.definition().fieldLabel(chosen));
            model.addAttribute("uncoded", uncoded);
            model.addAttribute("page", safePage);
            model.addAttribute("by", by);
            model.addAttribute("comments", codebook.comments(id, chosen, uncoded, safePage, COMMENTS_PER_PAGE));
            int total = codebook.commentCount(id, chosen);
            model.addAttribute("total", total);
            model.addAttribute("pages", Math.max(1, (total + COMMENTS_PER_PAGE - 1) / COMMENTS_PER_PAGE));
            model.addAttribute("counts", codebook.counts(id, chosen, by));
            model.addAttribute("emerging", codebook.emergingWords(id, chosen, 12));
        } catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
        }
        return "engagement/comments";
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/themes")
    String addTheme(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        try {
            Codebook.Theme theme = codebook.addTheme(id, form.get("name"), form.get("description"));
            redirect.addFlashAttribute("success", "The theme " + theme.name() + " was added to the codebook.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("success", null);
            model.addAttribute("problems", e.problems());
            return comments(ods, id, form.get("field"), false, 1, null, model);
        }
        return "redirect:" + base() + "/" + id + "/comments?field="
                + java.net.URLEncoder.encode(form.getOrDefault("field", ""), StandardCharsets.UTF_8);
    }

    /** Saves the themes of every comment shown on the page: ticked themes are kept, unticked ones removed. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/comments")
    String code(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        String field = form.getFirst("field");
        List<String> shown = form.getOrDefault("shown", List.of());
        // read every value the page sent before saving anything, so a bad one changes nothing
        java.util.Map<java.util.UUID, List<Long>> coding = new java.util.LinkedHashMap<>();
        for (String response : shown) {
            coding.put(
                    shownComment(response),
                    form.getOrDefault("c_" + response, List.of()).stream()
                            .map(theme -> number("c_" + response, theme))
                            .toList());
        }
        coding.forEach((response, themes) -> codebook.code(id, response, field, themes));
        redirect.addFlashAttribute(
                "success", "Themes saved for " + org.goldenthread.platform.Plurals.of(shown.size(), "comment") + ".");
        // back to the page the form came from; its values are re-read, never copied into the address as sent
        long page = form.getFirst("page") == null
                ? 1
                : Math.min(Math.max(number("page", form.getFirst("page")), 1), 100_000);
        return "redirect:" + base() + "/" + id + "/comments?field="
                + java.net.URLEncoder.encode(field == null ? "" : field, StandardCharsets.UTF_8) + "&page=" + page
                + "&uncoded=" + "true".equals(form.getFirst("uncoded"));
    }

    private static java.util.UUID shownComment(String value) {
        try {
            return java.util.UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("shown", "Not a comment the page showed: reload the page and try again");
        }
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "Not a number the page gave: reload the page and try again");
        }
    }
}
