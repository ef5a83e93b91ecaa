/**
 * Development: growing leaders. The ICS's development offer (programmes, courses, coaching,
 * mentoring, buddying, exchanges, action learning, networks) with enrolments; programmes that pair
 * people from the register (mentoring, reverse mentoring, coaching, buddying, workplace exchanges)
 * through an optimal matching; the relationships those pairs then keep (goals, meetings, check-ins,
 * an ending with a reflection); and action learning sets. What a pair writes about their
 * conversations belongs to the pair: administrators see only that meetings happened.
 *
 * <p>Owns the tables {@code programme}, {@code programme_participant}, {@code
 * participant_preference}, {@code pairing_rule}, {@code pairing_proposal}, {@code relationship},
 * {@code offer}, {@code enrolment}, {@code learning_set}, {@code learning_set_member} and {@code
 * learning_set_meeting}; and for the pairs' own pages {@code relationship_link}, {@code
 * relationship_goal}, {@code relationship_meeting} and {@code relationship_reflection}, with {@code
 * gt_relationship_by_link()}, which only its own link lookup calls; and for workplace exchanges
 * {@code exchange_visit}, {@code exchange_reflection}, {@code improvement_idea} and {@code
 * exchange_closing}; for 360° feedback and the leader-type reflection {@code feedback_framework},
 * {@code feedback_setting}, {@code feedback_round}, {@code feedback_invitation}, {@code
 * feedback_draft}, {@code feedback_answer}, {@code feedback_comment}, {@code feedback_self},
 * {@code feedback_share} and {@code leader_type_reflection}, with {@code gt_feedback_by_link()},
 * which only the raters' link lookup calls; for leaders' own time log {@code time_entry},
 * {@code wellbeing_check_in} and the figures kept from them, {@code time_month_figures}; and for
 * development plans {@code plan_goal} and {@code plan_share}. It offers no SQL to other
 * modules. People it reads through the people module's
 * {@link org.goldenthread.people.Register}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "people", "structure"})
@org.jspecify.annotations.NullMarked
package org.goldenthread.development;
