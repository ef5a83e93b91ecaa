package org.goldenthread.platform.web;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.Forbidden;
import org.goldenthread.platform.InvalidInput;
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
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every API error as an RFC 9457 problem, naming the field and the reason where there is one. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final java.util.Set<Class<?>> WHOLE_NUMBERS =
            java.util.Set.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class);

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
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "The field " + unknown.getPropertyName() + " is not recognised.",
                    List.of(Problem.of(
                            unknown.getPropertyName(),
                            "Unknown field; allowed fields are "
                                    + unknown.getKnownPropertyIds().stream()
                                            .map(Object::toString)
                                            .sorted()
                                            .collect(Collectors.joining(", ")))));
        }
        if (cause instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            // named as the other problems name a place in a body: questions[0].text
            String field = mismatch.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining())
                    .replaceFirst("^\\.", "");
            if (mismatch instanceof InvalidFormatException format && format.getTargetType() == LocalDate.class) {
                return problem(
                        HttpStatus.BAD_REQUEST, field + ": " + Dates.RULE, List.of(Problem.of(field, Dates.RULE)));
            }
            if (mismatch instanceof MismatchedInputException m && WHOLE_NUMBERS.contains(m.getTargetType())) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        field + ": Give a whole number, like 2",
                        List.of(Problem.of(field, "Give a whole number, like 2")));
            }
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "The field " + field + " has a value of the wrong type.",
                    List.of(Problem.of(field, "Value of the wrong type")));
        }
        if (cause instanceof StreamReadException malformed) {
            String where = malformed.getLocation() == null
                    ? ""
                    : " at line " + malformed.getLocation().getLineNr() + ", column "
                            + malformed.getLocation().getColumnNr();
            return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON" + where + ".", List.of());
        }
        if (cause instanceof JacksonException) {
            return problem(HttpStatus.BAD_REQUEST, "The request body could not be read as JSON.", List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "A request body is required.", List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        String reason = e.getRequiredType() == LocalDate.class ? Dates.RULE : "Not a valid value";
        return problem(
                HttpStatus.BAD_REQUEST,
                "The value of " + e.getName() + " is not valid.",
                List.of(Problem.of(e.getName(), reason)));
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

    static ResponseEntity<Object> problem(HttpStatus status, @Nullable String detail, List<Problem> errors) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.body(status, detail, errors));
    }
}
