package org.goldenthread.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.platform.Role;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document at {@code /api/v1/openapi}: how to authenticate, and for every operation
 * who may call it and the problems it can answer with. Both come from the handler's
 * {@link AccessDeclaration} and from the platform's own refusals (input, access, size, load), so
 * no handler repeats them by hand and the document cannot drift from what the application enforces.
 * A handler writes only its own summary, with {@code @Operation(summary = …)}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    /** Security scheme names, as a handler that departs from the default names them. */
    static final String BEARER = "bearer";

    static final String BASIC = "basic";

    /** Who may call an operation, as role codes, for clients that want it without parsing the description. */
    static final String ROLES_EXTENSION = "x-roles";

    private static final String PROBLEM = "application/problem+json";

    /** A refusal an API call may meet: its status, the name it is shared under, and why it happens. */
    private record Refusal(String status, String name, String why) {}

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal(
                    "400",
                    "BadRequest",
                    "The input was refused; `errors` names each field (and row of a file) with the reason."
                            + " Nothing was changed."),
            new Refusal(
                    "401",
                    "Unauthorized",
                    "No credentials, or credentials that were not accepted (unknown, expired or revoked token;"
                            + " locked or disabled account)."),
            new Refusal("403", "Forbidden", "Your role does not allow this; `detail` says whom it is for."),
            new Refusal(
                    "404",
                    "NotFound",
                    "Not found, or in an ICS where you hold no role (answered exactly as if it did not exist)."),
            new Refusal("413", "ContentTooLarge", "The request body is larger than allowed here."),
            new Refusal(
                    "503",
                    "ServiceUnavailable",
                    "Too many calls are running (or the database is restarting); nothing was changed."
                            + " Try again after `Retry-After` seconds."));

    @Bean
    OpenAPI apiDocument() {
        Components components = new Components()
                .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("gt_…")
                                .description("An API token from `POST /api/v1/tokens`, sent as"
                                        + " `Authorization: Bearer gt_…`. Every call but that one takes it."))
                .addSecuritySchemes(
                        BASIC,
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("Email address and password, only to exchange them for a token at"
                                        + " `POST /api/v1/tokens`."))
                .addSchemas("Problem", problemSchema())
                .addSchemas("ProblemError", problemErrorSchema());
        REFUSALS.forEach(r -> components.addResponses(r.name(), refusal(r.status(), r.why())));
        return new OpenAPI()
                .info(new Info()
                        .title("Golden Thread API")
                        .version("v1")
                        .description("""
                                Map, grow and evaluate clinical and care professional leadership across an \
                                integrated care system.

                                Exchange your email address and password for a token with HTTP Basic at \
                                `POST /api/v1/tokens`, then send it as `Authorization: Bearer gt_…`. Each \
                                operation says which roles may call it (also as `x-roles`); roles in an ICS are \
                                those held in the ICS the path names. Errors are RFC 9457 problem details \
                                (`application/problem+json`) naming the field and the reason.""")
                        .license(new License().name("MIT").identifier("MIT")))
                // relative, so the document never echoes the host a request claimed
                .servers(List.of(new Server().url("/").description("This Golden Thread")))
                .tags(List.of(
                        tag("platform", "ICSs, accounts and roles, API tokens, the audit log"),
                        tag("structure", "The ICS map: places, neighbourhoods, organisations, forums and seats"),
                        tag("people", "The leadership register: people, appointments, the register file"),
                        tag("insight", "Leadership figures by level"),
                        tag("engagement", "Surveys: definitions, responses, results, coding, invitations"),
                        tag("assessment", "Maturity frameworks, self-assessment cycles, reports, benchmarking")))
                .components(components);
    }

    @Bean
    OperationCustomizer accessAndRefusals() {
        return ApiDescription::describe;
    }

    /** Adds to one operation its module's tag, its security, who may call it and the refusals it can meet. */
    static Operation describe(Operation operation, HandlerMethod handler) {
        operation.setTags(List.of(module(handler.getBeanType())));
        AccessDeclaration declaration = AccessDeclaration.of(handler).orElse(null);
        if (declaration == null) {
            // refused to everyone at run time; OpenApiDocumentTest and AccessDeclarationTest name it
            return operation;
        }
        if (operation.getSecurity() == null) {
            operation.setSecurity(
                    declaration.isPublic() ? List.of() : List.of(new SecurityRequirement().addList(BEARER)));
        }
        operation.setDescription(withWho(operation.getDescription(), declaration));
        if (!declaration.isPublic() && !declaration.signedIn()) {
            operation.addExtension(
                    ROLES_EXTENSION,
                    EnumSet.copyOf(declaration.roles()).stream().map(Role::code).toList());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Set<String> statuses = refusalsFor(operation, declaration);
        for (Refusal refusal : REFUSALS) {
            if (statuses.contains(refusal.status()) && !responses.containsKey(refusal.status())) {
                responses.addApiResponse(refusal.status(), new ApiResponse().$ref(refusal.name()));
            }
        }
        operation.setResponses(responses);
        return operation;
    }

    private static Set<String> refusalsFor(Operation operation, AccessDeclaration declaration) {
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        boolean namesSomething = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        Set<String> statuses = new HashSet<>();
        if (takesInput) {
            statuses.add("400");
        }
        if (!declaration.isPublic()) {
            statuses.add("401");
        }
        if (!declaration.isPublic() && !declaration.signedIn()) {
            statuses.add("403");
        }
        if (namesSomething) {
            statuses.add("404");
        }
        if (operation.getRequestBody() != null) {
            statuses.add("413");
        }
        statuses.add("503");
        return statuses;
    }

    private static String withWho(String description, AccessDeclaration declaration) {
        String who = declaration.isPublic()
                ? "**Who:** " + declaration.who() + " (" + declaration.publicReason() + ")."
                : "**Who:** " + declaration.who() + ".";
        return description == null || description.isBlank() ? who : description.strip() + "\n\n" + who;
    }

    /** The module a handler belongs to: the top-level package under org.goldenthread. */
    static String module(Class<?> type) {
        String name = type.getPackageName().substring("org.goldenthread.".length());
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static ApiResponse refusal(String status, String why) {
        ApiResponse response = new ApiResponse()
                .description(why)
                .content(new Content().addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("Problem"))));
        if (status.equals("503")) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before trying again")
                            .schema(type("integer")));
        }
        if (status.equals("401")) {
            response.addHeaderObject(
                    "WWW-Authenticate", new Header().description("`Bearer`").schema(type("string")));
        }
        return response;
    }

    /** RFC 9457 problem details, as {@link ProblemResponses} writes them. */
    private static Schema<?> problemSchema() {
        return new JsonSchema()
                .types(Set.of("object"))
                .description("An RFC 9457 problem: what went wrong, and for refused input each field with the reason.")
                .addProperty("type", type("string").description("Always `about:blank`: the status says what kind"))
                .addProperty("title", type("string").description("The HTTP status phrase, such as `Bad Request`"))
                .addProperty("status", type("integer").description("The HTTP status code"))
                .addProperty("detail", type("string").description("What went wrong, for a person to read"))
                .addProperty(
                        "errors",
                        new JsonSchema()
                                .types(Set.of("array"))
                                .description("Each problem with the input, when there are any")
                                .items(new Schema<>().$ref("ProblemError")))
                .required(List.of("type", "title", "status", "detail"));
    }

    private static Schema<?> problemErrorSchema() {
        return new JsonSchema()
                .types(Set.of("object"))
                .description("One problem with the input: which field (and row of a file), and why")
                .addProperty("row", type("integer").description("For files: the row, counting the header as row 1"))
                .addProperty(
                        "field",
                        new JsonSchema()
                                .types(Set.of("string", "null"))
                                .description("The field, such as `email` or `questions[3].show_if.equals`"))
                .addProperty("reason", type("string").description("Why it was refused, and what would be accepted"))
                .required(List.of("field", "reason"));
    }

    private static Schema<?> type(String type) {
        return new JsonSchema().types(Set.of(type));
    }
}
