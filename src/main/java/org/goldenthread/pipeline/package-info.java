/**
 * Pipeline: how leaders come into seats and leave them. A talent pool of people interested in or
 * nominated for leadership roles; recruitment rounds for seats, with applications from a page or a
 * recruitment system's file, ending in an appointment in the register; voluntary equality answers
 * and the fairness figures drawn from them; succession for critical seats; and exit conversations.
 *
 * <p>Owns the tables {@code talent}, {@code recruitment_round}, {@code recruitment_application}, {@code
 * equality_answer}, {@code equality_link} (each person's link for giving their own answers), {@code
 * workforce_baseline} (the workforce counted by profession group and characteristic), {@code
 * fairness_year} and {@code fairness_year_count} (each financial year's shortlisting counts, fixed once), {@code
 * representation_release}, {@code representation_member}, {@code representation_count} and {@code
 * representation_answers_changed} (leaders' figures as last released, and what has changed since), {@code
 * critical_seat}, {@code successor} and {@code exit_conversation}. Equality answers, and the counts kept of them, are special-category data: a restrictive row-level policy
 * hides them from every query except those that record someone's own answers or count them for
 * figures with small-number suppression, and no page, API response, export or audit entry carries
 * one person's answers. It offers no SQL to other modules. People and appointments it reads and
 * makes through the people module's {@link org.goldenthread.people.Register}; seats and forums
 * through the structure module. Other modules quote its figures (open recruitment, bench strength,
 * turnover) through {@link org.goldenthread.pipeline.PipelineFigures}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "people", "structure"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.pipeline;
