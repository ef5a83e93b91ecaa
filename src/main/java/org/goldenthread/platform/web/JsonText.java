package org.goldenthread.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses JSON bodies whose text no field can hold, before they are bound to anything: a NUL
 * character (PostgreSQL cannot store it in text or jsonb) or half of a surrogate pair (not a
 * character at all). JSON can only carry these as escapes (backslash, u, then 0000 or D800 to DFFF),
 * so a body without such an escape, nearly all of them, is passed on after one scan of its bytes.
 * Otherwise it is read once more to name the field.
 */
@ControllerAdvice
class JsonText extends RequestBodyAdviceAdapter {

    static final String NUL = "Holds a NUL character (0x00), which cannot be stored; remove it";
    static final String SURROGATE = "Holds half of a unicode surrogate pair, which is not a character; remove it";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return converterType.getSimpleName().contains("Json");
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        if (mayHoldForbiddenText(body)) {
            Problem problem = firstForbiddenText(body);
            if (problem != null) {
                throw new InvalidInput(List.of(problem));
            }
        }
        HttpHeaders headers = input.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    /** Whether the bytes hold the escape of NUL or of a surrogate (D800 to DFFF). */
    private static boolean mayHoldForbiddenText(byte[] body) {
        for (int i = 0; i + 5 < body.length; i++) {
            if (body[i] == '\\' && body[i + 1] == 'u') {
                byte a = body[i + 2];
                byte b = body[i + 3];
                if (a == '0' && b == '0' && body[i + 4] == '0' && body[i + 5] == '0'
                        || (a == 'd' || a == 'D') && "89abcdefABCDEF".indexOf(b) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first name or string value holding a NUL or a lone surrogate, named by its path in the body. */
    private static Problem firstForbiddenText(byte[] body) {
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME || token == JsonToken.VALUE_STRING) {
                    String reason = reason(parser.getString());
                    if (reason != null) {
                        return Problem.of(path(parser, token), reason);
                    }
                }
            }
        } catch (JacksonException e) {
            // not JSON: the converter says so, with the line and column
        }
        return null;
    }

    private static String path(JsonParser parser, JsonToken token) {
        String pointer = parser.streamReadContext().pathAsPointer().toString();
        String dotted = pointer.isEmpty() ? "" : pointer.substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]")
                .replace('/', '.').replace("~1", "/").replace("~0", "~").replace('\0', '?');
        return dotted.isEmpty() ? "body" : dotted;
    }

    static String reason(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }
}
