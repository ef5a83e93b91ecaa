package org.goldenthread.platform;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text that no field can hold: a NUL character, which PostgreSQL cannot store in text or jsonb, and
 * half of a surrogate pair, which is not a character at all. Every way text comes in (parameters,
 * JSON bodies and files, CSV files) is checked with this, so the answer names the field instead of
 * the database failing.
 */
public final class Text {

    public static final String NUL = "Holds a NUL character (0x00), which cannot be stored; remove it";
    public static final String SURROGATE =
            "Holds half of a unicode surrogate pair, which is not a character; remove it";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Text() {}

    /** Why the text cannot be stored, or null when it can. */
    public static @Nullable String unstorable(@Nullable String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return NUL;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    /**
     * The first name or string in a JSON document that cannot be stored, named by its place in the
     * document ({@code questions[0].text}). JSON can only carry these characters as escapes
     * (backslash, u, then 0000 or D800 to DFFF), so a document without one, nearly every document,
     * costs one scan of its bytes and is not parsed here.
     */
    public static Optional<Problem> unstorableInJson(byte[] json) {
        if (!hasForbiddenEscape(json)) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME || token == JsonToken.VALUE_STRING) {
                    String reason = unstorable(parser.getString());
                    if (reason != null) {
                        return Optional.of(Problem.of(path(parser), reason));
                    }
                }
            }
        } catch (JacksonException e) {
            // not JSON: whoever reads it next says so, with the line and column
        }
        return Optional.empty();
    }

    private static boolean hasForbiddenEscape(byte[] json) {
        for (int i = 0; i + 5 < json.length; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u') {
                byte a = json[i + 2];
                byte b = json[i + 3];
                if (a == '0' && b == '0' && json[i + 4] == '0' && json[i + 5] == '0'
                        || (a == 'd' || a == 'D') && "89abcdefABCDEF".indexOf(b) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String path(JsonParser parser) {
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        String dotted = pointer.isEmpty()
                ? ""
                : pointer.substring(1)
                        .replaceAll("/(\\d+)(?=/|$)", "[$1]")
                        .replace('/', '.')
                        .replace("~1", "/")
                        .replace("~0", "~")
                        .replace('\0', '?');
        return dotted.isEmpty() ? "body" : dotted;
    }
}
