package org.goldenthread.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.goldenthread.platform.Dates;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jackson.JacksonComponent;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Rules for input that hold for every call: dates in JSON bodies and in query parameters are read
 * by {@link Dates}, so the same range applies to them as to page forms and register files; the
 * fields of multipart forms get the same text check as other parameters ({@link ParameterText});
 * and a JSON field that holds text takes only text.
 */
@Configuration(proxyBeanMethods = false)
class InputRules implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterText.Interceptor());
        registry.addInterceptor(new AccessRules());
    }

    @Override
    // Spring 7 declares Converter.convert @Nullable as a JSpecify type-use annotation, which javac 17
    // does not read from class files (see the pom), so NullAway takes this blank-to-null for a bug
    @SuppressWarnings("NullAway")
    public void addFormatters(FormatterRegistry registry) {
        // added last, so it is chosen over the general String-to-LocalDate conversion
        registry.addConverter(String.class, LocalDate.class, text -> text.isBlank() ? null : Dates.parse(text));
    }

    /**
     * A number or true/false where the field holds text is refused, naming the field, rather than
     * stored as the text "5" or "false": as a fraction where a whole number belongs is (application.yml).
     */
    @Bean
    JsonMapperBuilderCustomizer textIsText() {
        return builder -> builder.withCoercionConfig(
                LogicalType.Textual,
                text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @JacksonComponent
    static class InJson extends ValueDeserializer<LocalDate> {

        @Override
        public @Nullable LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            if (text.isBlank()) {
                return null;
            }
            try {
                return Dates.parse(text);
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(text, LocalDate.class, Dates.RULE);
            }
        }
    }
}
