package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The sieve in front of Spring MVC's handler lookup changes which handlers are tried, never which
 * one is found: for a request to every path of every handler of the application, with every
 * method, the answer (a handler, or 404, 405 or 415) is the one Spring's own matching gives. The
 * sieve steps aside for a percent-encoded path, so the same path with one character encoded, which
 * Spring decodes back to the same path, gives Spring's own answer to compare with.
 */
class SievedHandlerMappingTest extends IntegrationTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyHandlerIsFoundExactlyAsSpringFindsIt() throws Exception {
        assertThat(mappings).isInstanceOf(SievedHandlerMapping.class);
        int compared = 0;
        int found = 0;
        List<String> differences = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (entry.getKey().getPathPatternsCondition() == null) {
                continue;
            }
            for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                String path = pattern.replaceAll("\\{\\*[^}]*\\}|\\*\\*", "a/b").replaceAll("\\{[^}]*\\}", "x1");
                for (String method : METHODS) {
                    String sieved = outcome(method, path);
                    String spring = outcome(method, encodedOnce(path));
                    compared++;
                    if (!sieved.equals(spring)) {
                        differences.add(method + " " + path + ": " + sieved + " where Spring finds " + spring);
                    }
                    if (entry.getKey().getMethodsCondition().getMethods().stream()
                                    .anyMatch(m -> m.name().equals(method))
                            && sieved.equals(describe(entry.getValue().getMethod()))) {
                        found++;
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).as("requests compared").isGreaterThan(1000);
        assertThat(found)
                .as("requests that found the handler they were made from")
                .isGreaterThan(300);
    }

    @Test
    void aPathWithAVariableFindsItsHandlerAndAWrongMethodIsStill405() throws Exception {
        assertThat(outcome("POST", "/api/v1/ics/QWE/surveys/12/responses")).contains("SurveyApi.submit");
        assertThat(outcome("PUT", "/api/v1/ics/QWE/surveys/12/responses"))
                .isEqualTo("HttpRequestMethodNotSupportedException");
        assertThat(outcome("POST", "/api/v1/ics/QWE/surveys/12/responsez")).isEqualTo("none");
    }

    /** The same path with the first letter of its first segment percent-encoded. */
    private static String encodedOnce(String path) {
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isLetter(c) && c < 128) {
                return path.substring(0, i) + String.format("%%%02X", (int) c) + path.substring(i + 1);
            }
        }
        return path;
    }

    private String outcome(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mappings.getHandler(request);
            return chain == null
                    ? "none"
                    : chain.getHandler() instanceof HandlerMethod handler
                            ? describe(handler.getMethod())
                            : chain.getHandler().toString();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }
}
