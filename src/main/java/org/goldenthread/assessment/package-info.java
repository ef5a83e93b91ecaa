/**
 * Assessment: maturity self-assessment against a framework held as data. Cycles copy their
 * framework, gather independent ratings and an agreed rating per indicator, cite live figures from
 * insight and engagement (frozen when the cycle closes), plan actions for gaps, show the trend over
 * cycles, produce the board report, and pool shared ratings anonymously for peer benchmarking.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "structure", "insight", "engagement"})
package org.goldenthread.assessment;
