package org.goldenthread.pipeline.equality;

/**
 * One person's voluntary equality answers. Special-category data: recorded through {@link
 * EqualityAnswers}, counted only in figures with small-number suppression, never shown or exported
 * for one person.
 */
public record Answers(EthnicGroup ethnicGroup, Sex sex, Disability disability) {

    public static final Answers NOT_STATED = new Answers(EthnicGroup.NOT_STATED, Sex.NOT_STATED, Disability.NOT_STATED);
}
