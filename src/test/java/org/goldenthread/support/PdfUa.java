package org.goldenthread.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * Checks a PDF against PDF/UA-1 (ISO 14289-1) with veraPDF, the validator the PDF Association
 * points to, so a report that a screen reader cannot use fails the build rather than reaching a
 * board.
 */
public final class PdfUa {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUa() {}

    /** Fails, naming each broken rule (clause, test number, what it asks and how often it failed). */
    public static void assertConformant(byte[] pdf) {
        ValidationResult result;
        try (PDFAParser parser =
                Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFUA_1)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false);
            result = validator.validate(parser);
        } catch (Exception e) {
            throw new AssertionError("veraPDF could not check the PDF against PDF/UA-1", e);
        }
        if (result.isCompliant()) {
            return;
        }
        Map<String, String> failures = new TreeMap<>();
        result.getFailedChecks().forEach((RuleId id, Integer times) -> {
            Rule rule = result.getValidationProfile().getRuleByRuleId(id);
            failures.put(
                    id.getClause() + "-" + id.getTestNumber(),
                    (rule == null ? "" : rule.getDescription()) + " (failed " + times + " times)");
        });
        StringBuilder message = new StringBuilder(
                "The PDF is not PDF/UA-1 conformant; veraPDF failed " + failures.size() + " rule(s):");
        failures.forEach((id, description) ->
                message.append("\n  ").append(id).append(": ").append(description));
        fail(message.toString());
    }
}
