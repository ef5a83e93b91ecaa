/**
 * Development: growing leaders. The ICS's development offer (programmes, courses, coaching,
 * mentoring, buddying, exchanges, action learning, networks) with enrolments; programmes that pair
 * people from the register (mentoring, reverse mentoring, coaching, buddying, workplace exchanges)
 * through an optimal matching; the relationships those pairs then keep (goals, meetings, check-ins,
 * an ending with a reflection); and action learning sets. What a pair writes about their
 * conversations belongs to the pair: administrators see only that meetings happened.
 *
 * <p>Owns the tables {@code programme}, {@code programme_participant}, {@code
 * participant_preference}, {@code pairing_rule}, {@code relationship}, {@code offer} and {@code
 * enrolment} (and the tables its later migrations add), and offers no SQL to other modules. People it reads through the people module's
 * {@link org.goldenthread.people.Register}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "people", "structure"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.development;
