package org.goldenthread.pipeline.equality;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.goldenthread.platform.Allowed;
import org.goldenthread.platform.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FairnessApi {

    /** The relative likelihood of appointment from shortlisting, as the API gives it. */
    record Likelihood(
            String by,
            String year,
            @Nullable String level,
            @Nullable String place,
            @JsonProperty("fixed_on") @Nullable LocalDate fixedOn,
            String reference,
            String comparison,
            @JsonProperty("reference_shortlisted") @Nullable Integer referenceShortlisted,
            @JsonProperty("reference_appointed") @Nullable Integer referenceAppointed,

            @JsonProperty("comparison_shortlisted") @Nullable
            Integer comparisonShortlisted,

            @JsonProperty("comparison_appointed") @Nullable Integer comparisonAppointed,
            @JsonProperty("relative_likelihood") @Nullable BigDecimal relativeLikelihood,
            @JsonProperty("ci_low") @Nullable BigDecimal ciLow,
            @JsonProperty("ci_high") @Nullable BigDecimal ciHigh,
            boolean suppressed,
            @JsonProperty("suppressed_reason") @Nullable String suppressedReason) {

        static Likelihood of(Fairness.Figure figure) {
            Comparison by = figure.asked().by();
            RelativeLikelihood rl = figure.likelihood();
            Fairness.Asked asked = figure.asked();
            return new Likelihood(
                    by.code(),
                    asked.year().code(),
                    asked.level() == null ? null : asked.level().code(),
                    asked.place(),
                    figure.fixedOn(),
                    by.reference(),
                    by.comparison(),
                    rl.referenceShortlisted(),
                    rl.referenceAppointed(),
                    rl.comparisonShortlisted(),
                    rl.comparisonAppointed(),
                    rl.ratio(),
                    rl.ciLow(),
                    rl.ciHigh(),
                    rl.suppressed(),
                    rl.hiddenBecause() == null
                            ? null
                            : rl.hiddenBecause().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final Fairness fairness;

    FairnessApi(Fairness fairness) {
        this.fairness = fairness;
    }

    @Allowed({Role.ICS_ADMIN, Role.ANALYST})
    @GetMapping("/api/v1/ics/{ods}/recruitment/fairness")
    @Operation(summary = "Relative likelihood of appointment from shortlisting", description = """
            For ICS admins and analysts. Counts the applicants shortlisted (stage `shortlisted` or \
            `appointed`) and appointed (stage `appointed`) in the rounds that closed in one financial year \
            (1 April to 31 March; `year`, like `2025-26`, by default the latest whose figures are fixed), all \
            of them or those for seats at one `level` or in one `place`, by their voluntary equality answers. \
            A year's counts are fixed once, by an ICS admin from 1 July after it ends (`fixed_on`; see the fix \
            call), and never change after that, so that no two readings differ by one person; until then \
            the figure is hidden (`not_fixed`). `by=ethnic_group` compares \
            `reference` `white` with `comparison` `ethnic_minority` (mixed, asian, black and other \
            together); `by=disability` compares `non_disabled` with `disabled`. Not stated (or no answers) \
            belongs to neither group. `relative_likelihood` = (reference appointed ÷ reference shortlisted) \
            ÷ (comparison appointed ÷ comparison shortlisted): above 1 means the reference group is more \
            likely to be appointed. `ci_low` and `ci_high` are its 95% confidence interval by the log method \
            (standard error of ln RR = √(1/a − 1/n₁ + 1/c − 1/n₂)); all three are rounded half-up to 2 \
            decimal places. Who is appointed is public, so the figure is hidden (`suppressed` true, every \
            number null, `suppressed_reason` saying why) when either group has fewer than k shortlisted \
            (`few_shortlisted`; k as the ICS has set it, including none), or 1 to k−1 appointed or 1 to k−1 \
            shortlisted but not appointed (`few_appointed`); a level or place is also hidden when any other \
            level or place of the year is (`with_others`). When either group had no one appointed, the \
            ratio cannot be calculated: the counts are given, `relative_likelihood`, `ci_low` and \
            `ci_high` are null and `suppressed` is false. `from`, `to` and `round` are refused (400). Never \
            gives anything about one applicant.""")
    Likelihood fairness(
            @PathVariable String ods,
            @Parameter(description = "`ethnic_group` or `disability`") @RequestParam(required = false) @Nullable
                    String by,
            @Parameter(
                            description =
                                    "The financial year, like `2025-26` (by default the latest whose figures are fixed)")
                    @RequestParam(required = false)
                    @Nullable
                    String year,
            @Parameter(description = "Only rounds for seats on forums at this level (its code, such as `place`)")
                    @RequestParam(required = false)
                    @Nullable
                    String level,
            @Parameter(description = "Only rounds for seats on forums in this place (its name)")
                    @RequestParam(required = false)
                    @Nullable
                    String place,
            @Parameter(hidden = true) @RequestParam Map<String, String> all) {
        return Likelihood.of(fairness.figure(fairness.ask(by, year, level, place, all)));
    }

    record Fixed(String year, @JsonProperty("fixed_on") LocalDate fixedOn) {}

    @Allowed(Role.ICS_ADMIN)
    @PostMapping("/api/v1/ics/{ods}/recruitment/fairness/years/{year}/fix")
    @Operation(summary = "Fix a financial year's figures", description = """
            For ICS admins, once every round that closed in the year (like `2025-26`) is in: from 1 July \
            after it ends. Its counts are worked out now and never again, so a round imported later is left \
            out for good; until then the year's figures are hidden (`not_fixed`). Fixing a year already fixed \
            changes nothing and gives the day it was fixed. A year nobody was shortlisted in is refused (400), \
            as is a year not fixable yet. Audited as `fairness_year.fixed`.""")
    Fixed fix(@PathVariable String ods, @PathVariable String year) {
        return new Fixed(FinancialYear.parse(year).map(FinancialYear::code).orElse(year), fairness.fix(year));
    }
}
