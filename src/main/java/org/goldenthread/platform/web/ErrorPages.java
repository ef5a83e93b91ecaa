package org.goldenthread.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * One error page for every status, showing a plain explanation and never internals. A request
 * refused as invalid input also lists its problems, which are our own words naming the field.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    /** The request attribute holding an invalid request's problems in words, for the 400 page. */
    static final String PROBLEMS = ErrorPages.class.getName() + ".problems";

    @Override
    public ModelAndView resolveErrorView(
            jakarta.servlet.http.HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object problems = request.getAttribute(PROBLEMS);
        return new ModelAndView(
                "platform/error",
                Map.of("status", status.value(), "problems", problems instanceof List<?> l ? l : List.of()),
                status);
    }
}
