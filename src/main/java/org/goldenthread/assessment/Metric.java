package org.goldenthread.assessment;

import org.goldenthread.insight.LeadershipFigures;
import org.goldenthread.platform.Coded;

/**
 * A live figure from another module that an indicator can cite as evidence. Survey figures need a
 * survey (and net agreement a question of it) chosen when they are bound in a cycle.
 */
public enum Metric implements Coded {
    PROFESSIONS_MISSING_SYSTEM("professions_missing.system", "Clinical and care professions missing at system level"),
    PROFESSIONS_MISSING_PLACE("professions_missing.place", "Clinical and care professions missing at place level"),
    PROFESSIONS_MISSING_NEIGHBOURHOOD(
            "professions_missing.neighbourhood", "Clinical and care professions missing at neighbourhood level"),
    TOP_TWO_SHARE_SYSTEM("top_two_share.system", "Share of system seats held by the two largest professions"),
    TOP_TWO_SHARE_PLACE("top_two_share.place", "Share of place seats held by the two largest professions"),
    TOP_TWO_SHARE_NEIGHBOURHOOD(
            "top_two_share.neighbourhood", "Share of neighbourhood seats held by the two largest professions"),
    EARLY_MID_SHARE_SYSTEM("early_mid_share.system", "Early and mid-career share of system leaders"),
    EARLY_MID_SHARE_PLACE("early_mid_share.place", "Early and mid-career share of place leaders"),
    EARLY_MID_SHARE_NEIGHBOURHOOD(
            "early_mid_share.neighbourhood", "Early and mid-career share of neighbourhood leaders"),
    PROTECTED_TIME_USED("protected_time_used", "Protected time used, as a share of the time agreed"),
    VACANT_SEATS("vacant_seats", "Seats vacant today"),
    LONGEST_VACANCY_DAYS("longest_vacancy_days", "Longest a seat has stood vacant"),
    FORUMS_WITHOUT_LINE_OF_SIGHT("forums_without_line_of_sight", "Forums with no line of sight to the ICB board"),
    NEIGHBOURHOODS_WITHOUT_LINE_OF_SIGHT(
            "neighbourhoods_without_line_of_sight",
            "Neighbourhoods with no forum whose reporting lines reach the ICB board"),
    DEVELOPMENT_REACH("development_reach", "Leaders with development activity in the last 12 months"),
    DEVELOPMENT_REACH_SYSTEM(
            "development_reach.system", "System leaders with development activity in the last 12 months"),
    DEVELOPMENT_REACH_PLACE("development_reach.place", "Place leaders with development activity in the last 12 months"),
    DEVELOPMENT_REACH_NEIGHBOURHOOD(
            "development_reach.neighbourhood", "Neighbourhood leaders with development activity in the last 12 months"),
    NEW_LEADER_SUPPORT(
            "new_leader_support",
            "Leaders appointed in the last " + LeadershipFigures.NEW_LEADER_DAYS + " days with a mentor or buddy"),
    MENTEES_MATCHED("mentees_matched", "Mentees matched with a mentor"),
    EXCHANGES_COMPLETED(
            "exchanges_completed", "Workplace exchanges completed, both visits made and reflected on by both people"),
    EXCHANGES_COMPLETED_SYSTEM(
            "exchanges_completed.system", "Workplace exchanges involving system leaders completed and reflected on"),
    EXCHANGES_COMPLETED_PLACE(
            "exchanges_completed.place", "Workplace exchanges involving place leaders completed and reflected on"),
    EXCHANGES_COMPLETED_NEIGHBOURHOOD(
            "exchanges_completed.neighbourhood",
            "Workplace exchanges involving neighbourhood leaders completed and reflected on"),
    IDEAS_ADOPTED("ideas_adopted", "Improvement ideas from workplace exchanges adopted"),
    OPEN_RECRUITMENT_SHARE_SYSTEM(
            "open_recruitment_share.system", "System appointments in the last 12 months made by open recruitment"),
    OPEN_RECRUITMENT_SHARE_PLACE(
            "open_recruitment_share.place", "Place appointments in the last 12 months made by open recruitment"),
    OPEN_RECRUITMENT_SHARE_NEIGHBOURHOOD(
            "open_recruitment_share.neighbourhood",
            "Neighbourhood appointments in the last 12 months made by open recruitment"),
    RELATIVE_LIKELIHOOD_ETHNIC_GROUP(
            "relative_likelihood.ethnic_group",
            "Relative likelihood of white shortlisted applicants being appointed, against ethnic minority applicants"),
    RELATIVE_LIKELIHOOD_DISABILITY(
            "relative_likelihood.disability",
            "Relative likelihood of non-disabled shortlisted applicants being appointed, against disabled applicants"),
    BENCH_STRENGTH("bench_strength", "Critical seats with a successor ready now"),
    TURNOVER("turnover", "Leaders who left their seats in the last 12 months, as a share of the average headcount"),
    NET_AGREEMENT("net_agreement", "Net agreement with a survey statement"),
    ENGAGEMENT_REACH("engagement_reach", "Responses to a survey"),
    RESPONSE_RATE("response_rate", "Response rate to a survey's invitations"),
    REPRESENTATION_GAPS("representation_gaps", "Groups under-represented among those a survey invited or heard from"),
    EVENTS_HELD("events_held", "Engagement events held in the last 12 months"),
    EVENTS_HELD_SYSTEM("events_held.system", "System-level engagement events held in the last 12 months"),
    EVENTS_HELD_PLACE("events_held.place", "Place-level engagement events held in the last 12 months"),
    EVENTS_HELD_NEIGHBOURHOOD(
            "events_held.neighbourhood", "Neighbourhood-level engagement events held in the last 12 months");

    private final String code;
    private final String label;

    Metric(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean needsSurvey() {
        return this == NET_AGREEMENT
                || this == ENGAGEMENT_REACH
                || this == RESPONSE_RATE
                || this == REPRESENTATION_GAPS;
    }

    /** Whether engagement counts it (events held), rather than Insight's leadership figures. */
    public boolean fromEvents() {
        return this == EVENTS_HELD
                || this == EVENTS_HELD_SYSTEM
                || this == EVENTS_HELD_PLACE
                || this == EVENTS_HELD_NEIGHBOURHOOD;
    }

    /** The level an events figure counts, or null for every level. */
    public @org.jspecify.annotations.Nullable String eventLevel() {
        int dot = code.indexOf('.');
        return fromEvents() && dot > 0 ? code.substring(dot + 1) : null;
    }

    public boolean needsQuestion() {
        return this == NET_AGREEMENT;
    }
}
