/**
 * Assessment: maturity self-assessment against a framework held as data. Cycles copy their
 * framework, gather independent ratings and an agreed rating per indicator, cite live figures from
 * insight and engagement (frozen when the cycle closes), plan actions for gaps, show the trend over
 * cycles, produce the board report, and pool shared ratings anonymously for peer benchmarking.
 *
 * <p>Owns the tables {@code framework}, {@code cycle}, {@code rating}, {@code agreed_rating}, {@code
 * evidence_binding}, {@code evidence_item}, {@code action} and {@code benchmark_rating}, and offers no
 * SQL to other modules. A cycle's place it reads through the structure module's {@code
 * place_names()}, and the names of who rated, agreed and attached what through the platform's
 * {@code account_names()}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "structure", "insight", "engagement"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.assessment;
