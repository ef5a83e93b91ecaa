package org.goldenthread.platform;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a JSON document that could not be read, in our words: the place in the
 * document ({@code questions[0].level}, or none for the document as a whole) and the reason,
 * never Jackson's message, which names Java classes. API bodies and uploaded JSON files alike.
 */
public final class JsonProblems {

    public static final String WHOLE_NUMBER = "Give a whole number, like 2";

    private static final Set<Class<?>> WHOLE_NUMBERS =
            Set.of(Integer.class, int.class, Long.class, long.class, Short.class, short.class);

    private JsonProblems() {}

    /** The problem: its field is the place in the document, null when the document itself is the problem. */
    public static Problem of(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String allowed = unknown.getKnownPropertyIds() == null
                    ? ""
                    : "; allowed fields are "
                            + unknown.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", "));
            return Problem.of(path(unknown), "Unknown field" + allowed);
        }
        if (e instanceof DatabindException mismatch && !mismatch.getPath().isEmpty()) {
            return Problem.of(path(mismatch), expected(mismatch));
        }
        if (e instanceof StreamReadException malformed) {
            return Problem.of(null, "Not valid JSON" + where(malformed));
        }
        if (e instanceof MismatchedInputException whole && whole.getTargetType() != null) {
            return Problem.of(null, expected(whole));
        }
        return Problem.of(null, "Could not be read as JSON" + where(e));
    }

    /**
     * The problem as one phrase for a message about a whole file: {@code questions: should be a
     * list}, {@code not valid JSON at line 1, column 5}.
     */
    public static String describe(JacksonException e) {
        Problem p = of(e);
        String reason =
                p.reason().substring(0, 1).toLowerCase(Locale.ROOT) + p.reason().substring(1);
        return p.field() == null ? reason : p.field() + ": " + reason;
    }

    /** The place in the document, named as the other problems name a place in a body: questions[0].text. */
    static String path(JacksonException e) {
        String path = e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        return path.isEmpty() ? "body" : path;
    }

    /** What the value should have been, from the type it was to be read as. */
    private static String expected(DatabindException e) {
        @Nullable Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (type == null) {
            return "Value of the wrong type";
        } else if (type == LocalDate.class) {
            return Dates.RULE;
        } else if (WHOLE_NUMBERS.contains(type)) {
            return WHOLE_NUMBER;
        } else if (type == String.class || type == Character.class || type == char.class) {
            return "Should be text, in quotes";
        } else if (type == Boolean.class || type == boolean.class) {
            return "Should be true or false";
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "Should be a number";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "Should be a list, in square brackets";
        } else if (type.isEnum()) {
            return "Not one of the values allowed here";
        } else if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "Should be an object, in curly brackets";
        }
        return "Value of the wrong type";
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }
}
