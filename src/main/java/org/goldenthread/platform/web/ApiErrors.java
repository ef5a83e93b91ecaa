package org.goldenthread.platform.web;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.JsonProblems;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every API error as an RFC 9457 problem, naming the field and the reason where there is one. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    /** This advice's handlers, for {@link #answer}. */
    private static final ExceptionHandlerMethodResolver HANDLERS = new ExceptionHandlerMethodResolver(ApiErrors.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Object> invalid(InvalidInput e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                e.problems().size() == 1
                        ? e.problems().get(0).describe()
                        : e.problems().size() + " problems were found; nothing was changed.",
                e.problems());
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Object> forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.BodyTooLarge) {
                return problem(
                        HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than allowed here.", List.of());
            }
        }
        if (e.getCause() instanceof JacksonException cause) {
            // described as an uploaded JSON file is: the place in the body and the reason, in our words
            Problem described = JsonProblems.of(cause);
            String field = described.field();
            if (field == null) {
                String whole = JsonProblems.describe(cause);
                return problem(
                        HttpStatus.BAD_REQUEST,
                        cause instanceof StreamReadException
                                ? "The request body is " + whole + "."
                                // the body as a whole is of the wrong shape: "should be an object, …"
                                : whole.startsWith("should")
                                        ? "The request body " + whole + "."
                                        : "The request body could not be read as JSON.",
                        List.of());
            }
            String detail = cause instanceof UnrecognizedPropertyException
                    ? "The field " + field + " is not recognised."
                    : described.reason().equals(Dates.RULE)
                                    || described.reason().equals(JsonProblems.WHOLE_NUMBER)
                            ? field + ": " + described.reason()
                            : "The field " + field + " has a value of the wrong type.";
            return problem(HttpStatus.BAD_REQUEST, detail, List.of(described));
        }
        return problem(HttpStatus.BAD_REQUEST, "A request body is required.", List.of());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Object> badParameter(Exception e) {
        Problem p = parameterProblem(e);
        return problem(
                HttpStatus.BAD_REQUEST,
                e instanceof MissingServletRequestParameterException
                        ? "The parameter " + p.field() + " is required."
                        : "The value of " + p.field() + " is not valid.",
                List.of(p));
    }

    /** A query or path parameter that is missing, or not of its type (an id of abc), named with the reason. */
    static Problem parameterProblem(Exception e) {
        if (e instanceof MissingServletRequestParameterException missing) {
            return Problem.of(missing.getParameterName(), "Required");
        }
        MethodArgumentTypeMismatchException mismatch = (MethodArgumentTypeMismatchException) e;
        return Problem.of(
                mismatch.getName(), mismatch.getRequiredType() == LocalDate.class ? Dates.RULE : "Not a valid value");
    }

    /** Spring Security's firewall reads parameter names lazily, so a refused one can surface in a controller. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "A parameter name holds characters that are not allowed.", List.of());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException e) {
        return StorableText.refusal(e)
                .map(reason -> problem(HttpStatus.BAD_REQUEST, reason, List.of()))
                .orElseGet(() -> unexpected(e));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (e instanceof ErrorResponse error) {
            HttpStatusCode status = error.getStatusCode();
            return problem(HttpStatus.valueOf(status.value()), error.getBody().getDetail(), List.of());
        }
        log.error("Unexpected error answering an API call", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was changed. Try again later.",
                List.of());
    }

    /**
     * The answer this advice gives an exception, for an API path that a page controller serves too
     * (a file download at both a page path and an API path): this advice is for REST controllers
     * only, so {@link PageErrors} asks here instead, and every API path answers alike.
     */
    ResponseEntity<Object> answer(Exception e) {
        Method handler = HANDLERS.resolveMethodByExceptionType(e.getClass());
        if (handler == null) {
            return unexpected(e);
        }
        ReflectionUtils.makeAccessible(handler);
        @SuppressWarnings("unchecked")
        ResponseEntity<Object> answer = (ResponseEntity<Object>) ReflectionUtils.invokeMethod(handler, this, e);
        return answer == null ? unexpected(e) : answer;
    }

    static ResponseEntity<Object> problem(HttpStatus status, @Nullable String detail, List<Problem> errors) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.body(status, detail, errors));
    }
}
