package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.goldenthread.support.ApiClient.Response;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is complete enough for a generated client to work: every API call is in it
 * with a summary, its security, who may call it and the problems it answers with. The document is
 * written to target/openapi.json, where Redocly's linter reads it later in {@code ./mvnw verify}.
 */
class OpenApiDocumentTest extends IntegrationTest {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyOperationHasASummarySecurityItsRolesAndItsProblems() throws Exception {
        Response response = api.get("/api/v1/openapi", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), JSON.writeValueAsString(document));

        assertThat(operations(document))
                .as("every /api/v1 handler is in the document")
                .isEqualTo(apiMappings());
        assertThat(gaps(document)).isEmpty();
    }

    @Test
    void tokensComeFromHttpBasicAndAPublicCallNeedsNone() {
        JsonNode document = api.get("/api/v1/openapi", null).json();
        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/basic/scheme").asString()).isEqualTo("basic");
        assertThat(document.at("/servers/0/url").asString())
                .as("relative, never the host a request claimed")
                .isEqualTo("/");

        JsonNode tokens = document.at("/paths/~1api~1v1~1tokens/post");
        assertThat(tokens.get("security").toString()).contains("\"basic\"").contains("\"bearer\"");
        JsonNode useLink = document.at("/paths/~1api~1v1~1account-links~1use/post");
        assertThat(useLink.get("security").isEmpty()).isTrue();
        assertThat(useLink.get("responses").has("401")).isFalse();

        JsonNode addPlace = document.at("/paths/~1api~1v1~1ics~1{ods}~1places/post");
        assertThat(addPlace.get("security").toString()).contains("\"bearer\"");
        assertThat(addPlace.get("x-roles").toString()).isEqualTo("[\"ics_admin\"]");
        assertThat(addPlace.get("description").asString()).contains("**Who:** ICS administrator.");
        assertThat(addPlace.get("responses").propertyNames()).contains("201", "400", "401", "403", "404", "413", "503");
        assertThat(document.at("/components/responses/Forbidden/content").has("application/problem+json"))
                .isTrue();
    }

    @Test
    void theCheckNamesAnOperationWithoutSummarySecurityOrProblems() {
        JsonNode bad = JSON.readTree("""
                {"paths": {
                  "/api/v1/fine": {"get": {"summary": "Fine", "security": [{"bearer": []}],
                      "description": "**Who:** anyone signed in.",
                      "responses": {"200": {}, "401": {"$ref": "#/components/responses/Unauthorized"}}}},
                  "/api/v1/bare": {"get": {"responses": {"200": {}}}},
                  "/api/v1/unsaid": {"post": {"summary": "Says nothing of who", "security": [{"bearer": []}],
                      "responses": {"400": {"description": "no problem document"}}}}
                }}""");

        assertThat(gaps(bad))
                .containsExactlyInAnyOrder(
                        "GET /api/v1/bare: no summary",
                        "GET /api/v1/bare: no security",
                        "GET /api/v1/bare: no error responses as problem details",
                        "POST /api/v1/unsaid: does not say who may call it",
                        "POST /api/v1/unsaid: no error responses as problem details");
    }

    /** What a generated client would miss in each operation, named by method and path. */
    static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                if (operation.path("summary").asString("").isBlank()) {
                    gaps.add(name + ": no summary");
                }
                if (!operation.has("security")) {
                    gaps.add(name + ": no security");
                } else if (!operation.get("security").isEmpty()
                        && !operation.path("description").asString("").contains("**Who:**")) {
                    gaps.add(name + ": does not say who may call it");
                }
                if (!hasProblemResponse(operation.path("responses"))) {
                    gaps.add(name + ": no error responses as problem details");
                }
            }
        }
        return gaps;
    }

    private static boolean hasProblemResponse(JsonNode responses) {
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            boolean error =
                    response.getKey().startsWith("4") || response.getKey().startsWith("5");
            JsonNode body = response.getValue();
            boolean problem = body.path("$ref").asString("").startsWith("#/components/responses/")
                    || body.path("content").has("application/problem+json");
            if (error && problem) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> found = new TreeSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue().propertyNames().stream()
                        .filter(METHODS::contains)
                        .forEach(method -> found.add(method.toUpperCase() + " " + path.getKey())));
        return found;
    }

    private Set<String> apiMappings() {
        Set<String> found = new TreeSet<>();
        mappings.getHandlerMethods()
                .forEach((info, handler) -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/v1/") && !p.startsWith("/api/v1/openapi"))
                        .forEach(p ->
                                info.getMethodsCondition().getMethods().forEach(m -> found.add(m.name() + " " + p))));
        return found;
    }
}
