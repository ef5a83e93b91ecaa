package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Page errors become the standard error pages, which say what happened and nothing about how. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws java.io.IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(Forbidden.class)
    void forbidden(HttpServletResponse response) throws java.io.IOException {
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
