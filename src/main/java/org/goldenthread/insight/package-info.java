/**
 * Insight: figures computed over the ICS map and the leadership register — which professions lead
 * at each level, how dominant the largest two are, how far early and mid-career people are involved,
 * whether protected time is agreed and used, which seats stand empty, which forums have no line
 * of sight to the ICB board, and how far leaders are developing (reach, support for new leaders,
 * mentees matched), and the pipeline's figures quoted as evidence (open recruitment, bench strength,
 * turnover). It reads the structure, people, development and pipeline modules' public APIs and owns
 * no tables. It keeps a copy of each ICS's map and register between calls, used only while the
 * platform's {@code change_counts('register')} is unchanged, so that a call does not read and map
 * thousands of rows when nothing has changed.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "structure", "people", "development", "pipeline"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.insight;
