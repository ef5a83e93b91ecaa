package org.goldenthread.engagement;

import java.util.List;
import org.goldenthread.platform.Coded;
import org.jspecify.annotations.Nullable;

/** The kinds of question a survey can ask; some come with their answer options fixed. */
public enum QuestionType implements Coded {
    AGREEMENT4(
            "agreement4",
            "Agree or disagree (4 points)",
            List.of("Strongly agree", "Agree", "Disagree", "Strongly disagree")),
    AGREEMENT5(
            "agreement5",
            "Agree or disagree (5 points)",
            List.of("Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree")),
    IMPORTANCE4(
            "importance4",
            "Importance (4 points)",
            List.of("Very important", "Important", "Unimportant", "Not at all important")),
    YES_NO("yes_no", "Yes or no", List.of("Yes", "No")),
    SINGLE("single", "One choice from a list", null),
    MULTI("multi", "Any number of choices from a list", null),
    TEXT("text", "Free text", null),
    NUMBER("number", "A number", null);

    private static final java.util.Map<String, QuestionType> BY_CODE = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(QuestionType::code, t -> t));

    private final String code;
    private final String label;
    private final @Nullable List<String> fixedOptions;

    QuestionType(String code, String label, @Nullable List<String> fixedOptions) {
        this.code = code;
        this.label = label;
        this.fixedOptions = fixedOptions;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** The options every question of this type offers, or null where the survey names its own. */
    public @Nullable List<String> fixedOptions() {
        return fixedOptions;
    }

    /** The type with a code (surrounding spaces ignored), looked up without going through every type. */
    public static java.util.Optional<QuestionType> of(@Nullable String code) {
        return code == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(BY_CODE.get(code.trim()));
    }

    public boolean isClosed() {
        return this != TEXT && this != NUMBER;
    }

    public boolean takesOwnOptions() {
        return this == SINGLE || this == MULTI;
    }

    /** Scales where the first two options together are "agreement". */
    public boolean isAgreement() {
        return this == AGREEMENT4 || this == AGREEMENT5;
    }
}
