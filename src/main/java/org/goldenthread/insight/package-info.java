/**
 * Insight: figures computed over the ICS map and the leadership register — which professions lead
 * at each level, how dominant the largest two are, how far early and mid-career people are involved,
 * whether protected time is agreed and used, which seats stand empty, and which forums have no line
 * of sight to the ICB board. It reads the structure and people modules' public APIs and owns no tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "structure", "people"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.insight;
