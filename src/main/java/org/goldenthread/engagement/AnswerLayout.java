package org.goldenthread.engagement;

import java.util.List;

/**
 * Where each question's closed answer sits in a stored response's {@code closed} array. Every
 * question has one slot, except a multiple-choice question with more than 32 options, which has a
 * slot per 32 options: a bit per option, option n at bit (n−1) mod 32 of slot (n−1) / 32. A slot
 * holds 0 for no answer and, for a single choice, the option's number. Up to 32 options every
 * question has one slot at its own position, as responses stored before long lists were allowed.
 */
final class AnswerLayout {

    static final int BITS = 32;

    private final int[] offset;
    private final int[] width;
    private final boolean[] multi;
    private final int slots;

    AnswerLayout(SurveyDefinition definition) {
        List<Question> questions = definition.questions();
        offset = new int[questions.size()];
        width = new int[questions.size()];
        multi = new boolean[questions.size()];
        int at = 0;
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            multi[q] = question.questionType() == QuestionType.MULTI;
            offset[q] = at;
            width[q] = multi[q] ? Math.max(1, (question.choices().size() + BITS - 1) / BITS) : 1;
            at += width[q];
        }
        slots = at;
    }

    /** How many integers a response holds. */
    int slots() {
        return slots;
    }

    /** The first slot of a question: for any but a long multiple choice, its only one. */
    int slot(int question) {
        return offset[question];
    }

    /** Whether a question's slots hold a bit per option (multiple choice) rather than the option's number. */
    boolean multi(int question) {
        return multi[question];
    }

    /** How many slots a question has: one, or for a multiple choice one per 32 options. */
    int width(int question) {
        return width[question];
    }

    /** Records that a response chose an option (1-based). */
    void choose(int[] closed, int question, int option) {
        if (multi[question]) {
            closed[offset[question] + (option - 1) / BITS] |= 1 << ((option - 1) % BITS);
        } else {
            closed[offset[question]] = option;
        }
    }

    /** Whether a stored response includes an option (1-based) of a question. */
    boolean chose(int[] closed, int question, int option) {
        if (multi[question]) {
            int at = offset[question] + (option - 1) / BITS;
            return at < closed.length && (closed[at] & (1 << ((option - 1) % BITS))) != 0;
        }
        return offset[question] < closed.length && closed[offset[question]] == option;
    }

    /**
     * The options (1-based) response {@code r} chose for a question, from answers held a column per
     * slot, written into {@code into}; returns how many. Reads set bits word by word, so a long list
     * costs little when few are chosen.
     */
    int chosen(AnswerMatrix.Column[] columns, int question, int r, int[] into) {
        if (!multi[question]) {
            int value = columns[offset[question]].get(r);
            if (value == 0) {
                return 0;
            }
            into[0] = value;
            return 1;
        }
        int n = 0;
        for (int w = 0; w < width[question]; w++) {
            int bits = columns[offset[question] + w].get(r);
            while (bits != 0) {
                int bit = Integer.numberOfTrailingZeros(bits);
                into[n++] = w * BITS + bit + 1;
                bits &= bits - 1;
            }
        }
        return n;
    }
}
