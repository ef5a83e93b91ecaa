package org.goldenthread.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DateInputsTest {

    private final DateInputs filter = new DateInputs();

    private HttpServletRequest passedOn(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        return (HttpServletRequest) chain.getRequest();
    }

    @Test
    void aFormWithDateBoxesReachesItsControllerWithTheDateJoined() throws Exception {
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/ics/QWE/surveys/new");
        form.setContentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.addParameter("opens_on-day", "5");
        form.addParameter("opens_on-month", "3");
        form.addParameter("opens_on-year", "2027");

        HttpServletRequest seen = passedOn(form);

        assertThat(seen.getParameter("opens_on")).isEqualTo("2027-03-05");
        assertThat(seen.getParameter("opens_on-day")).isEqualTo("5");
    }

    @Test
    void aRequestWithoutDateBoxesGoesOnAsItCame() throws Exception {
        MockHttpServletRequest search = new MockHttpServletRequest("GET", "/ics/QWE/people");
        search.addParameter("q", "Dee");

        assertThat(passedOn(search)).isSameAs(search);
    }

    @Test
    void anUploadOrJsonBodyIsNotReadByTheFilter() throws Exception {
        for (String type : new String[] {"multipart/form-data; boundary=x", "application/json"}) {
            MockHttpServletRequest body = new MockHttpServletRequest("POST", "/ics/QWE/surveys/upload") {
                @Override
                public String getParameter(String name) {
                    throw new AssertionError("read the body of a " + type + " request");
                }

                @Override
                public java.util.Map<String, String[]> getParameterMap() {
                    throw new AssertionError("read the body of a " + type + " request");
                }
            };
            body.setContentType(type);

            assertThat(passedOn(body)).isSameAs(body);
        }
    }
}
