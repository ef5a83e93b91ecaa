package org.goldenthread.platform;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * For a JSON field held as text because a page form sends it as text, though an API caller
 * naturally sends a number or true/false (an id, a count, whether an event is online): takes
 * either, as the text it is written as, so the field's own check reports a bad value in words.
 * Every other text field refuses a number or true/false (see {@code InputRules}).
 *
 * <p>Put on the field: {@code @JsonDeserialize(using = ScalarAsText.class)}.
 */
public final class ScalarAsText extends ValueDeserializer<String> {

    @Override
    public @Nullable String deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.currentToken() != null && parser.currentToken().isScalarValue()) {
            return parser.getValueAsString();
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
