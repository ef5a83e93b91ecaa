package org.goldenthread.platform.web;

import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** One error page for every status, showing a plain explanation and never internals. */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(
            jakarta.servlet.http.HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return new ModelAndView("platform/error", Map.of("status", status.value()), status);
    }
}
