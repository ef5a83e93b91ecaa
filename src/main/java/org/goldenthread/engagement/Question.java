package org.goldenthread.engagement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One question of a survey definition, as in the survey-as-code file. {@code section} groups
 * questions into the pages a respondent sees; {@code options_from} fills the options from a
 * reference list ({@code professions} or {@code ics}) when the survey is saved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        String code,
        String text,
        String type,
        Boolean required,
        @Nullable Boolean comment,
        @Nullable List<String> options,
        @Nullable Boolean other,
        @JsonProperty("show_if") @Nullable ShowIf showIf,
        @Nullable String section,
        @JsonProperty("options_from") @Nullable String optionsFrom,
        @Nullable String hint) {

    public static final String OTHER = "Other (please specify)";

    /** Ask this question only when an earlier one was answered with a given option. */
    public record ShowIf(String question, String equals) {}

    @JsonIgnore
    public QuestionType questionType() {
        return QuestionType.of(type).orElseThrow();
    }

    /** The options a respondent chooses from, in order, including "Other" where it is offered. */
    @JsonIgnore
    public List<String> choices() {
        QuestionType t = questionType();
        List<String> choices =
                new ArrayList<>(t.fixedOptions() != null ? t.fixedOptions() : options == null ? List.of() : options);
        if (Boolean.TRUE.equals(other) && t.takesOwnOptions()) {
            choices.add(OTHER);
        }
        return choices;
    }

    @JsonIgnore
    public boolean mustBeAnswered() {
        return Boolean.TRUE.equals(required);
    }

    @JsonIgnore
    public boolean hasComment() {
        return Boolean.TRUE.equals(comment);
    }

    @JsonIgnore
    public boolean hasOther() {
        return Boolean.TRUE.equals(other) && questionType().takesOwnOptions();
    }

    Question withOptions(List<String> filled) {
        return new Question(code, text, type, required, comment, filled, other, showIf, section, null, hint);
    }
}
