package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Public;
import org.goldenthread.platform.Role;
import org.goldenthread.platform.SignedIn;
import org.goldenthread.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API handler says who may call it, in one declaration the request is checked
 * against before the handler runs; none is left to remember a check of its own.
 */
class AccessDeclarationTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyHandlerOfOursDeclaresWhoMayCallIt() {
        assertThat(mappings.getHandlerMethods())
                .as("the application has handlers under /ics and /api")
                .hasSizeGreaterThan(100);
        assertThat(AccessDeclaration.violations(mappings.getHandlerMethods())).isEmpty();
    }

    @Test
    void theDetectorNamesAHandlerWithoutADeclarationAndOneThatOpensAnIcsPath() throws Exception {
        Map<RequestMappingInfo, HandlerMethod> bad = new LinkedHashMap<>();
        Undeclared undeclared = new Undeclared();
        bad.put(
                RequestMappingInfo.paths("/ics/{ods}/secret").build(),
                new HandlerMethod(undeclared, Undeclared.class.getDeclaredMethod("secret")));
        bad.put(
                RequestMappingInfo.paths("/api/v1/ics/{ods}/open").build(),
                new HandlerMethod(undeclared, Undeclared.class.getDeclaredMethod("openToAnyone")));
        bad.put(
                RequestMappingInfo.paths("/ics/{ods}/both").build(),
                new HandlerMethod(undeclared, Undeclared.class.getDeclaredMethod("twoDeclarations")));
        bad.put(
                RequestMappingInfo.paths("/ics/{ods}/fine").build(),
                new HandlerMethod(undeclared, Undeclared.class.getDeclaredMethod("declared")));

        assertThat(AccessDeclaration.violations(bad))
                .hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("/ics/{ods}/secret").contains("no access declaration"))
                .anySatisfy(
                        v -> assertThat(v).contains("/api/v1/ics/{ods}/open").contains("must name the roles"))
                .anySatisfy(v -> assertThat(v).contains("/ics/{ods}/both").contains("more than one"))
                .noneSatisfy(v -> assertThat(v).contains("/ics/{ods}/fine"));
    }

    @Test
    void aDeclarationAdmitsOnlyTheRolesItNames() throws Exception {
        AccessDeclaration adminsAndLeads = AccessDeclaration.of(
                        Undeclared.class.getDeclaredMethod("declared"), Undeclared.class)
                .orElseThrow();

        assertThat(adminsAndLeads.admits(true, java.util.Set.of(Role.PLACE_LEAD), false))
                .isTrue();
        assertThat(adminsAndLeads.admits(true, java.util.Set.of(Role.MEMBER, Role.ANALYST), false))
                .isFalse();
        assertThat(adminsAndLeads.admits(false, java.util.Set.of(), false)).isFalse();
        assertThat(adminsAndLeads.admits(true, java.util.Set.of(), true))
                .as("platform administration is not a role in an ICS")
                .isFalse();
        assertThat(adminsAndLeads.who()).isEqualTo("ICS administrator, Place lead");
        assertThat(adminsAndLeads.refusal(true))
                .isEqualTo("Your role in this ICS does not allow this; it is for ICS admins and place leads.");
    }

    /** A controller as someone might write it by mistake; never registered with the application. */
    static class Undeclared {

        String secret() {
            return "";
        }

        @Public("testing the detector")
        String openToAnyone() {
            return "";
        }

        @SignedIn
        @Allowed(Role.ICS_ADMIN)
        String twoDeclarations() {
            return "";
        }

        @Allowed({Role.ICS_ADMIN, Role.PLACE_LEAD})
        String declared() {
            return "";
        }
    }
}
