package org.goldenthread.pipeline.equality;

import java.util.List;
import org.goldenthread.platform.Coded;

/**
 * The two comparisons of appointment from shortlisting, as the NHS equality standards make them:
 * White applicants with applicants from every ethnic minority group together (the Workforce Race
 * Equality Standard's indicator 2), and non-disabled with disabled applicants (the Workforce
 * Disability Equality Standard's metric 2). Not stated belongs to neither group.
 */
public enum Comparison implements Coded {
    ETHNIC_GROUP(
            Characteristic.ETHNIC_GROUP,
            "white",
            "White applicants",
            List.of("white"),
            "ethnic_minority",
            "ethnic minority applicants",
            List.of("mixed", "asian", "black", "other")),
    DISABILITY(
            Characteristic.DISABILITY,
            "non_disabled",
            "Non-disabled applicants",
            List.of("no"),
            "disabled",
            "disabled applicants",
            List.of("yes"));

    private final Characteristic characteristic;
    private final String reference;
    private final String referenceLabel;
    private final List<String> referenceAnswers;
    private final String comparison;
    private final String comparisonLabel;
    private final List<String> comparisonAnswers;

    Comparison(
            Characteristic characteristic,
            String reference,
            String referenceLabel,
            List<String> referenceAnswers,
            String comparison,
            String comparisonLabel,
            List<String> comparisonAnswers) {
        this.characteristic = characteristic;
        this.reference = reference;
        this.referenceLabel = referenceLabel;
        this.referenceAnswers = referenceAnswers;
        this.comparison = comparison;
        this.comparisonLabel = comparisonLabel;
        this.comparisonAnswers = comparisonAnswers;
    }

    @Override
    public String code() {
        return characteristic.code();
    }

    @Override
    public String label() {
        return characteristic.label();
    }

    public Characteristic characteristic() {
        return characteristic;
    }

    /** The reference group's code in the API. */
    public String reference() {
        return reference;
    }

    public String referenceLabel() {
        return referenceLabel;
    }

    List<String> referenceAnswers() {
        return referenceAnswers;
    }

    /** The comparison group's code in the API. */
    public String comparison() {
        return comparison;
    }

    public String comparisonLabel() {
        return comparisonLabel;
    }

    List<String> comparisonAnswers() {
        return comparisonAnswers;
    }
}
