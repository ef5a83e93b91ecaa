package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors outside the API's own controllers: page controllers, and requests that matched no
 * handler at all. API paths still get problem details; pages get the standard error page, which
 * says what happened and nothing about how.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final ApiErrors api;

    PageErrors(ApiErrors api) {
        this.api = api;
    }

    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletRequest request, HttpServletResponse response, NotFound e) throws IOException {
        answer(request, response, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    void forbidden(HttpServletRequest request, HttpServletResponse response, Forbidden e) throws IOException {
        answer(request, response, HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** A safety net: page controllers re-show their form with the problems; anything they miss is a 400, not a 500. */
    @ExceptionHandler(org.goldenthread.platform.InvalidInput.class)
    void invalid(HttpServletRequest request, HttpServletResponse response, org.goldenthread.platform.InvalidInput e)
            throws IOException {
        if (ProblemResponses.isApi(request.getRequestURI())) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
        } else {
            request.setAttribute(
                    ErrorPages.PROBLEMS,
                    e.problems().stream().map(Problem::describe).toList());
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    /** A parameter missing or not of its type (an id of abc): a 400 that names it, on a page as in the API. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    @Nullable
    ResponseEntity<Object> badParameter(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException {
        if (ProblemResponses.isApi(request.getRequestURI())) {
            return api.answer(e);
        }
        request.setAttribute(
                ErrorPages.PROBLEMS, List.of(ApiErrors.parameterProblem(e).describe()));
        response.sendError(HttpStatus.BAD_REQUEST.value());
        return null;
    }

    /**
     * Anything else on an API path that a page controller serves too (the file downloads) is
     * answered as the API answers it. On a page it goes on to Spring's own resolvers and the error
     * page, as before.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(HttpServletRequest request, Exception e) throws Exception {
        if (ProblemResponses.isApi(request.getRequestURI())) {
            return api.answer(e);
        }
        throw e;
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        answer(request, response, HttpStatus.CONTENT_TOO_LARGE, "The file is larger than Golden Thread accepts");
    }

    /** Before any controller: a multipart body without its boundary, or a parameter name the firewall refuses. */
    @ExceptionHandler({MultipartException.class, RequestRejectedException.class})
    void unreadable(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        answer(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                e instanceof MultipartException
                        ? "The form could not be read: send it as multipart/form-data with its boundary"
                        : "The request could not be read: a parameter name holds characters that are not allowed");
    }

    /** A safety net for text that reached the database from a file: refused there, so refused here. */
    @ExceptionHandler(DataAccessException.class)
    @Nullable
    ResponseEntity<Object> database(HttpServletRequest request, HttpServletResponse response, DataAccessException e)
            throws IOException {
        if (ProblemResponses.isApi(request.getRequestURI())) {
            return api.answer(e);
        }
        if (StorableText.refusal(e).isEmpty()) {
            throw e;
        }
        answer(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                StorableText.refusal(e).get());
        return null;
    }

    @ExceptionHandler({
        NoResourceFoundException.class,
        HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotSupportedException.class
    })
    void unmatched(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        ErrorResponse error = (ErrorResponse) e;
        answer(
                request,
                response,
                HttpStatus.valueOf(error.getStatusCode().value()),
                error.getBody().getDetail());
    }

    private static void answer(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, @Nullable String detail)
            throws IOException {
        if (ProblemResponses.isApi(request.getRequestURI())) {
            ProblemResponses.write(response, status, detail, List.of());
        } else {
            response.sendError(status.value());
        }
    }
}
