package org.goldenthread.engagement;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Job;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Upload;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Surveys through the API: definitions as code, responses in bulk or one by one, results and cross-tabs. */
@RestController
class SurveyApi {

    /** Who may change a survey, as its operations say (see {@link Surveys#runs}). */
    private static final String RUNNERS_ONLY = "Only those who run the survey: ICS admins, and the place lead who"
            + " created it; any other place lead is refused (403).";

    private final Surveys surveys;
    private final Responses responses;
    private final SurveyResults results;
    private final Codebook codebook;
    private final ResponseImports imports;

    private final AnswerLoads loads;

    SurveyApi(
            Surveys surveys,
            Responses responses,
            SurveyResults results,
            Codebook codebook,
            ResponseImports imports,
            AnswerLoads loads) {
        this.loads = loads;
        this.imports = imports;
        this.surveys = surveys;
        this.responses = responses;
        this.results = results;
        this.codebook = codebook;
    }

    record Created(long id) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Create a survey from its definition")
    @PostMapping("/api/v1/ics/{ods}/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    Created create(
            @PathVariable String ods,
            @RequestBody SurveyDefinition definition,
            @RequestParam(name = "opens_on", required = false) LocalDate opensOn,
            @RequestParam(name = "closes_on", required = false) LocalDate closesOn,
            @Parameter(
                            description = "true to keep the survey as a draft that takes no responses until"
                                    + " opened (POST …/open); by default it is live between its dates")
                    @RequestParam(defaultValue = "false")
                    boolean draft) {
        return new Created(
                draft
                        ? surveys.createUnopened(definition, opensOn, closesOn)
                        : surveys.create(definition, opensOn, closesOn));
    }

    /** Opens a survey to respondents from today (a draft or a closed survey alike). */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Open a survey from today", description = RUNNERS_ONLY)
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/open")
    ResponseEntity<Void> open(@PathVariable String ods, @PathVariable long id) {
        surveys.open(id);
        return ResponseEntity.noContent().build();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Close a survey now", description = RUNNERS_ONLY)
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/close")
    ResponseEntity<Void> close(@PathVariable String ods, @PathVariable long id) {
        surveys.close(id);
        return ResponseEntity.noContent().build();
    }

    record Dating(
            @JsonProperty("opens_on") LocalDate opensOn,
            @JsonProperty("closes_on") LocalDate closesOn) {}

    /** Sets both dates at once; a date left out or null means none (opens when opened, or never closes). */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Change a survey's opening and closing dates", description = RUNNERS_ONLY)
    @PatchMapping("/api/v1/ics/{ods}/surveys/{id}")
    Surveys.Survey redate(@PathVariable String ods, @PathVariable long id, @RequestBody Dating body) {
        surveys.redate(id, body.opensOn(), body.closesOn());
        return surveys.survey(id);
    }

    /** Only a survey nobody has answered; one with responses is refused (400, saying to close it) and kept. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Delete a survey nobody has answered", description = RUNNERS_ONLY)
    @DeleteMapping("/api/v1/ics/{ods}/surveys/{id}")
    ResponseEntity<Void> delete(@PathVariable String ods, @PathVariable long id) {
        surveys.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "The ICS's surveys with their status")
    @GetMapping("/api/v1/ics/{ods}/surveys")
    List<Surveys.Listed> list(@PathVariable String ods) {
        return surveys.surveys();
    }

    /** The survey as code, ready to import elsewhere. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "A survey's definition, ready to import elsewhere")
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/definition")
    SurveyDefinition definition(@PathVariable String ods, @PathVariable long id) {
        return surveys.survey(id).definition();
    }

    /**
     * Responses in bulk. A file of more than {@value ResponseImports#LARGE} rows, or any file with
     * {@code async=true}, is imported in the background: the answer is 202 with the job's address,
     * whose result, once done, is what this call would have answered.
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(
            summary = "Import responses in bulk (CSV)",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "imported",
                        content = @Content(schema = @Schema(implementation = Responses.Imported.class))),
                @ApiResponse(
                        responseCode = "202",
                        description = "importing in the background; follow the Location header",
                        content = @Content(schema = @Schema(implementation = Job.class)))
            })
    @PostMapping(
            value = "/api/v1/ics/{ods}/surveys/{id}/responses/import",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ResponseEntity<?> importResponses(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean async,
            HttpServletRequest request)
            throws IOException {
        surveys.survey(id);
        surveys.requireRuns(id, "add responses to it");
        Upload upload = Upload.receive(request.getInputStream());
        if (async || ResponseImports.large(upload)) {
            Job job = imports.start(id, "responses.csv", upload);
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/ics/" + Scope.currentTenant().odsCode() + "/jobs/" + job.id()))
                    .body(job);
        }
        return ResponseEntity.ok(imports.importNow(id, upload));
    }

    record OneResponse(@JsonProperty("idempotency_key") String idempotencyKey, Map<String, Object> answers) {}

    record Submitted(boolean stored) {}

    /** One response; 201 when stored, 200 when its idempotency key had been seen and nothing changed. */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Submit one response, once per idempotency key")
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/responses")
    ResponseEntity<Submitted> submit(@PathVariable String ods, @PathVariable long id, @RequestBody OneResponse body) {
        surveys.requireRuns(id, "add responses to it");
        if (body.answers() == null) {
            throw new InvalidInput("answers", "Give the answers as an object keyed by question code");
        }
        // question codes do not depend on case, so Q1 and q1 are the same question: answered twice, not merged
        Map<String, String> answers = new java.util.HashMap<>();
        Map<String, String> codes = new java.util.HashMap<>();
        List<Problem> problems = new java.util.ArrayList<>();
        body.answers().forEach((code, value) -> {
            String earlier = codes.putIfAbsent(code.toLowerCase(java.util.Locale.ROOT), code);
            if (earlier != null) {
                problems.add(Problem.of(
                        "answers." + code,
                        "Answers the same question as " + earlier
                                + " (codes do not depend on case); give each answer once"));
            }
            answers.put(code, text(value));
        });
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        boolean stored = responses.submit(id, answers, body.idempotencyKey());
        return ResponseEntity.status(stored ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Submitted(stored));
    }

    /** A JSON answer as the text a response file would hold: lists joined with ';'. */
    private static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static final String WAITS = "Results come from the survey's answers held in memory. When a survey of more"
            + " than 5,000 responses has none there yet (after a restart), they are read as a background job of kind"
            + " survey_answers_load, which GET /api/v1/ics/{ods}/jobs lists with its progress, and this call waits"
            + " for it and then answers as usual: allow a minute or so for a million responses.";

    private static final String STEPS = " An anonymous survey's figures come from its responses in steps of k, the"
            + " first k·⌊n/k⌋ to arrive; held_back says how many wait for the next step, so that no two readings"
            + " differ by one response.";

    private static final String FILTER = "One condition: a closed question's code, a colon and one of its options"
            + " exactly as labelled, commas included (Q14:No, I am a non-clinician or manager). Repeat the parameter"
            + " for several conditions, all of which must hold. A filter naming no option is refused (400).";

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "A survey's results, question by question", description = WAITS + STEPS)
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/results")
    @Parameter(
            name = "filter",
            in = ParameterIn.QUERY,
            description = FILTER,
            array = @ArraySchema(schema = @Schema(type = "string")))
    SurveyResults.Results results(@PathVariable String ods, @PathVariable long id, HttpServletRequest request) {
        surveys.survey(id);
        loads.await(id);
        return results.results(id, ResultFilters.of(request));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "Cross-tabulate two questions, with a chi-square test", description = WAITS + STEPS)
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/crosstab")
    @Parameter(
            name = "filter",
            in = ParameterIn.QUERY,
            description = FILTER,
            array = @ArraySchema(schema = @Schema(type = "string")))
    SurveyResults.CrossTab crossTab(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam String row,
            @RequestParam String col,
            HttpServletRequest request) {
        surveys.survey(id);
        loads.await(id);
        return results.crossTab(id, row, col, ResultFilters.of(request));
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "The survey's codebook of themes")
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/themes")
    List<Codebook.Theme> themes(@PathVariable String ods, @PathVariable long id) {
        return codebook.themes(id);
    }

    record NewTheme(String name, String description) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(summary = "Add a theme to the codebook", description = RUNNERS_ONLY)
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/themes")
    @ResponseStatus(HttpStatus.CREATED)
    Codebook.Theme addTheme(@PathVariable String ods, @PathVariable long id, @RequestBody NewTheme body) {
        surveys.requireRuns(id, "change its codebook");
        return codebook.addTheme(id, body.name(), body.description());
    }

    /**
     * Comments in one free-text field ({@code Q11}, {@code Q1_comment}, {@code Q15_other}), with themes
     * and suggestions: for those who may have the raw responses, and none while an anonymous survey
     * has fewer than k responses (403 saying so; see {@link Codebook#requireComments}).
     */
    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(
            summary = "The comments in one free-text field, with themes and suggestions",
            description = "For ICS admins, and place leads for the surveys they created, as the raw responses are."
                    + " An anonymous survey with fewer than k responses shows no comments (403 saying so).")
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/comments")
    List<Codebook.Comment> comments(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam String field,
            @RequestParam(defaultValue = "false") boolean uncoded,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
        if (page < 1 || page > 100_000 || pageSize < 1 || pageSize > 500) {
            throw new InvalidInput("page", "Pages run from 1, with 1 to 500 comments each");
        }
        codebook.requireComments(id);
        return codebook.comments(id, field, uncoded, page, pageSize);
    }

    record Coding(String field, List<Long> themes) {}

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
    @Operation(
            summary = "Code one comment with themes",
            description = "For those who may read the survey's comments (see GET …/comments).")
    @PostMapping("/api/v1/ics/{ods}/surveys/{id}/responses/{response}/coding")
    ResponseEntity<Void> code(
            @PathVariable String ods, @PathVariable long id, @PathVariable String response, @RequestBody Coding body) {
        // coding is reading: whoever may tag a comment may test what it says against the themes' counts
        codebook.requireComments(id);
        codebook.code(
                id, Codebook.responseId(response), body.field(), body.themes() == null ? List.of() : body.themes());
        return ResponseEntity.noContent().build();
    }

    @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD, Role.ANALYST})
    @Operation(summary = "How many comments carry each theme, overall or by a closed question")
    @GetMapping("/api/v1/ics/{ods}/surveys/{id}/themes/counts")
    Codebook.ThemeCounts themeCounts(
            @PathVariable String ods,
            @PathVariable long id,
            @RequestParam String field,
            @RequestParam(required = false) String by) {
        return codebook.counts(id, field, by);
    }
}
