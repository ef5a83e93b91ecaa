package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors outside the API's own controllers: page controllers, and requests that matched no
 * handler at all. API paths still get problem details; pages get the standard error page, which
 * says what happened and nothing about how.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletRequest request, HttpServletResponse response, NotFound e) throws IOException {
        answer(request, response, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    void forbidden(HttpServletRequest request, HttpServletResponse response, Forbidden e) throws IOException {
        answer(request, response, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class})
    void unmatched(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        ErrorResponse error = (ErrorResponse) e;
        answer(request, response, HttpStatus.valueOf(error.getStatusCode().value()), error.getBody().getDetail());
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
                               String detail) throws IOException {
        if (ProblemResponses.isApi(request.getRequestURI())) {
            ProblemResponses.write(response, status, detail, List.of());
        } else {
            response.sendError(status.value());
        }
    }
}
