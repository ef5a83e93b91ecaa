package org.goldenthread.pipeline.equality;

import java.util.List;
import org.goldenthread.platform.Choice;
import org.goldenthread.platform.Coded;

/**
 * One of the three things equality monitoring asks about, with the answers it may have. The code
 * is also the column of {@code equality_answer} that holds it, which is why only these three exist.
 */
public enum Characteristic implements Coded {
    ETHNIC_GROUP("ethnic_group", "Ethnic group", Choice.of(EthnicGroup.class)),
    SEX("sex", "Sex", Choice.of(Sex.class)),
    DISABILITY("disability", "Disability", Choice.of(Disability.class));

    private final String code;
    private final String label;
    private final List<Choice> answers;

    Characteristic(String code, String label, List<Choice> answers) {
        this.code = code;
        this.label = label;
        this.answers = answers;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    /** Every answer, not stated last. */
    public List<Choice> answers() {
        return answers;
    }

    /** The answers that say something: all but not stated. */
    public List<Choice> statedAnswers() {
        return answers.stream().filter(c -> !c.code().equals("not_stated")).toList();
    }

    public boolean allows(String value) {
        return answers.stream().anyMatch(c -> c.code().equals(value));
    }

    String label(String value) {
        return answers.stream()
                .filter(c -> c.code().equals(value))
                .map(Choice::label)
                .findFirst()
                .orElse(value);
    }

    /** The column that holds it: one of three fixed names, never text from a request. */
    String column() {
        return code;
    }
}
