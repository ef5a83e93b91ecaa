package org.goldenthread.engagement;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.FormPage;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.JsonProblems;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Text;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Pages to build surveys, see their results and cross-tabs, and download what they collected; their
 * comments are coded on the {@link CommentPages}.
 */
@Controller
class SurveyPages {

    private static final FormPage LIST = new FormPage("engagement/surveys");
    private static final FormPage SURVEY = new FormPage("engagement/survey");

    private final Surveys surveys;
    private final Responses responses;
    private final SurveyResults results;
    private final ObjectMapper json;
    private final SurveyReport report;
    private final Clock clock;
    private final org.goldenthread.engagement.reach.Waves waves;
    private final AnswerLoads loads;

    SurveyPages(
            Surveys surveys,
            Responses responses,
            SurveyResults results,
            ObjectMapper json,
            SurveyReport report,
            Clock clock,
            org.goldenthread.engagement.reach.Waves waves,
            AnswerLoads loads) {
        this.waves = waves;
        this.loads = loads;
        this.report = report;
        this.clock = clock;
        this.surveys = surveys;
        this.responses = responses;
        this.results = results;
        this.json = json;
    }

    private static boolean canEdit() {
        return Scope.currentCaller().has(Role.ICS_ADMIN, Scope.currentTenant().id())
                || Scope.currentCaller()
                        .has(Role.PLACE_LEAD, Scope.currentTenant().id());
    }

    private String base() {
        return "/ics/" + Scope.currentTenant().odsCode() + "/surveys";
    }

    /** A new survey, made by hand; its questions come after. */
    record NewSurvey(
            @Nullable String code,
            @Nullable String title,
            @Nullable String anonymous,
            @Nullable String introduction,
            @BindParam("opens_on") @Nullable String opensOn,
            @BindParam("closes_on") @Nullable String closesOn) {

        static NewSurvey blank() {
            return new NewSurvey(null, null, "true", null, null, null);
        }

        SurveyDefinition definition() {
            return new SurveyDefinition(
                    entered(code),
                    entered(title),
                    !"false".equals(anonymous),
                    FormValues.text(introduction),
                    List.of());
        }

        OpeningDates dates() {
            return new OpeningDates(opensOn, closesOn);
        }
    }

    /** When a survey opens and closes, as typed: both optional. */
    record OpeningDates(
            @BindParam("opens_on") @Nullable String opensOn,
            @BindParam("closes_on") @Nullable String closesOn) {

        static OpeningDates of(Surveys.Survey survey) {
            return new OpeningDates(
                    survey.opensOn() == null ? "" : survey.opensOn().toString(),
                    survey.closesOn() == null ? "" : survey.closesOn().toString());
        }

        /** The dates, or every one that does not parse refused. */
        Days days() {
            List<Problem> problems = new ArrayList<>();
            LocalDate opens = FormValues.date("opens_on", opensOn, problems);
            LocalDate closes = FormValues.date("closes_on", closesOn, problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new Days(opens, closes);
        }

        /** Either may be null: opening when opened, or no end. */
        record Days(@Nullable LocalDate opens, @Nullable LocalDate closes) {}
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/surveys")
    String list(@PathVariable String ods, Model model) {
        return LIST.show(listed(model), NewSurvey.blank());
    }

    private Model listed(Model model) {
        model.addAttribute("surveys", surveys.surveys());
        model.addAttribute("k", surveys.minGroupSize());
        model.addAttribute("canEdit", canEdit());
        return model;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/new")
    String create(@PathVariable String ods, NewSurvey form, Model model, RedirectAttributes redirect) {
        try {
            OpeningDates.Days days = form.dates().days();
            long id = surveys.createDraft(form.definition(), days.opens(), days.closes());
            redirect.addFlashAttribute("success", "The survey was created. Add its questions below.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            return LIST.showAgain(listed(model), form, e);
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/upload")
    String upload(
            @PathVariable String ods,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String example,
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
                throw new InvalidInput(
                        "file", "The file is not a survey definition (" + JsonProblems.describe(e) + ")");
            }
            long id = surveys.createUnopened(definition, null, null);
            redirect.addFlashAttribute(
                    "success",
                    definition.title() + " was imported as a draft." + " Check it, then open it to respondents below.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            model.addAttribute("uploadProblems", e.problems());
            return LIST.showAgain(listed(model), NewSurvey.blank(), e);
        }
    }

    /** A question added by hand; the options are one to a line. */
    record NewQuestion(
            @Nullable String code,
            @Nullable String text,
            @Nullable String type,
            @Nullable String options,
            @Nullable String required,
            @Nullable String comment,
            @Nullable String other,
            @Nullable String section,
            @Nullable String hint,
            @BindParam("show_if_question") @Nullable String showIfQuestion,
            @BindParam("show_if_equals") @Nullable String showIfEquals) {

        static NewQuestion blank() {
            return new NewQuestion(null, null, null, null, "false", null, null, null, null, null, null);
        }

        Question question() {
            List<String> optionList = options == null || options.isBlank()
                    ? null
                    : Arrays.stream(options.split("\\R"))
                            .map(String::trim)
                            .filter(o -> !o.isEmpty())
                            .toList();
            String dependsOn = FormValues.text(showIfQuestion);
            Question.ShowIf showIf = dependsOn == null ? null : new Question.ShowIf(dependsOn, entered(showIfEquals));
            String chosenType = entered(type);
            boolean ownOptions = "single".equals(chosenType) || "multi".equals(chosenType);
            return new Question(
                    entered(code),
                    entered(text),
                    chosenType,
                    "true".equals(required),
                    "true".equals(comment) ? true : null,
                    ownOptions ? optionList : null,
                    ownOptions && "true".equals(other) ? true : null,
                    showIf,
                    FormValues.text(section),
                    null,
                    FormValues.text(hint));
        }
    }

    /** A field a survey or question must have, as typed: empty when left blank, which its rules refuse by name. */
    private static String entered(@Nullable String typed) {
        String text = FormValues.text(typed);
        return text == null ? "" : text;
    }

    /** The survey page's two forms: its dates, and a question to add. */
    record SurveyForms(OpeningDates dates, NewQuestion question) {

        static SurveyForms of(Surveys.Survey survey) {
            return new SurveyForms(OpeningDates.of(survey), NewQuestion.blank());
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/surveys/{id}")
    String survey(@PathVariable String ods, @PathVariable long id, Model model) {
        Surveys.Survey survey = surveyPage(id, model);
        return SURVEY.show(model, SurveyForms.of(survey));
    }

    /** Everything the survey page shows but its forms. */
    private Surveys.Survey surveyPage(long id, Model model) {
        Surveys.Survey survey = surveys.survey(id);
        model.addAttribute("survey", survey);
        // a count, not the results: the results would load every answer into memory just to count them
        model.addAttribute("responses", surveys.shownCount(id));
        model.addAttribute("k", surveys.minGroupSize());
        // the results' answers being read into memory: the same card as on the results page
        model.addAttribute("job", loads.underWay(id).orElse(null));
        boolean runs = surveys.runs(id);
        model.addAttribute("runs", runs);
        model.addAttribute("mayReadRaw", runs);
        model.addAttribute("openToday", survey.isOpenOn(LocalDate.ofInstant(clock.instant(), Dates.ENGLAND)));
        model.addAttribute("types", Choice.of(QuestionType.class));
        model.addAttribute(
                "earlier",
                survey.definition().questions().stream()
                        .filter(q -> q.questionType().isClosed())
                        .map(q -> new Choice(q.code(), q.code()))
                        .toList());
        return survey;
    }

    /** The survey page again, with the problems of a form it sent. */
    private String surveyAgain(long id, Model model, InvalidInput refusal, UnaryOperator<SurveyForms> sent) {
        Surveys.Survey survey = surveyPage(id, model);
        return SURVEY.showAgain(model, sent.apply(SurveyForms.of(survey)), refusal);
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/open")
    String open(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return lifecycle(id, model, redirect, () -> surveys.open(id), "The survey is open to respondents.");
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/close")
    String close(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return lifecycle(
                id, model, redirect, () -> surveys.close(id), "The survey is closed: nobody more can respond.");
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/dates")
    String redate(
            @PathVariable String ods,
            @PathVariable long id,
            OpeningDates form,
            Model model,
            RedirectAttributes redirect) {
        try {
            OpeningDates.Days days = form.days();
            surveys.redate(id, days.opens(), days.closes());
        } catch (InvalidInput e) {
            return surveyAgain(id, model, e, shown -> new SurveyForms(form, shown.question()));
        }
        redirect.addFlashAttribute("success", "The dates were saved.");
        return "redirect:" + base() + "/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/delete")
    String delete(@PathVariable String ods, @PathVariable long id, Model model, RedirectAttributes redirect) {
        String title = surveys.survey(id).definition().title();
        try {
            surveys.delete(id);
        } catch (InvalidInput e) {
            return surveyAgain(id, model, e, shown -> shown);
        }
        redirect.addFlashAttribute("success", title + " was deleted.");
        return "redirect:" + base();
    }

    private String lifecycle(long id, Model model, RedirectAttributes redirect, Runnable change, String done) {
        try {
            change.run();
        } catch (InvalidInput e) {
            return surveyAgain(id, model, e, shown -> shown);
        }
        redirect.addFlashAttribute("success", done);
        return "redirect:" + base() + "/" + id;
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @PostMapping("/ics/{ods}/surveys/{id}/questions")
    String addQuestion(
            @PathVariable String ods,
            @PathVariable long id,
            NewQuestion form,
            Model model,
            RedirectAttributes redirect) {
        try {
            surveys.addQuestion(id, form.question());
            redirect.addFlashAttribute("success", "Question " + form.code() + " was added.");
            return "redirect:" + base() + "/" + id;
        } catch (InvalidInput e) {
            return surveyAgain(id, model, e, shown -> new SurveyForms(shown.dates(), form));
        }
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @GetMapping("/ics/{ods}/surveys/{id}/results")
    String results(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long previous,
            HttpServletRequest request,
            Model model) {
        Surveys.Survey survey = surveys.survey(id);
        model.addAttribute(
                "earlier",
                surveys.surveys().stream()
                        .filter(s -> s.id() != id)
                        .map(s -> new Choice(String.valueOf(s.id()), s.title()))
                        .toList());
        model.addAttribute("previous", previous == null ? null : String.valueOf(previous));
        List<String> filter = ResultFilters.of(request);
        model.addAttribute("survey", survey);
        model.addAttribute("filters", QuestionChoices.filters(survey.definition()));
        model.addAttribute(
                "filter", SurveyResults.filters(filter).stream().findFirst().orElse(null));
        model.addAttribute("filtered", String.join(" and ", SurveyResults.filters(filter)));
        Job loading = loads.pending(id).orElse(null);
        if (loading != null) {
            // its card follows the reading and reloads this page, filters and all, when it ends
            model.addAttribute("job", loading);
            return "engagement/results";
        }
        if (previous != null) {
            try {
                model.addAttribute("waves", waves.compare(id, previous));
            } catch (InvalidInput e) {
                model.addAttribute("wavesProblem", e.problems().get(0).reason());
            }
        }
        try {
            SurveyResults.Results shown = results.results(id, filter);
            model.addAttribute("results", shown);
            model.addAttribute("heldBackNote", results.heldBackNote(shown.heldBack()));
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
        List<String> filter = ResultFilters.of(request);
        Surveys.Survey survey = surveys.survey(id);
        model.addAttribute("survey", survey);
        model.addAttribute("closed", QuestionChoices.closed(survey.definition()));
        model.addAttribute("filters", QuestionChoices.filters(survey.definition()));
        model.addAttribute("row", row);
        model.addAttribute("col", col);
        model.addAttribute(
                "filter", SurveyResults.filters(filter).stream().findFirst().orElse(null));
        Job loading = row != null && col != null ? loads.pending(id).orElse(null) : null;
        model.addAttribute("job", loading);
        if (row != null && col != null && loading == null) {
            try {
                SurveyResults.CrossTab tab = results.crossTab(id, row, col, filter);
                model.addAttribute("tab", tab);
                model.addAttribute("heldBackNote", results.heldBackNote(tab.heldBack()));
            } catch (InvalidInput e) {
                model.addAttribute("problems", e.problems());
            }
        }
        return "engagement/crosstab";
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
        List<String> filter = ResultFilters.of(request);
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
}
