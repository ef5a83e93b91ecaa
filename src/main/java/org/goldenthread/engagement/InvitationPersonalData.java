package org.goldenthread.engagement;

import java.util.List;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Survey invitations sent to a person's email: which surveys, when, how many emails, and whether
 * they have answered. Never their responses: a response keeps nothing that ties it to anyone, so
 * there is nothing to find and nothing to erase. An erasure keeps the invitation, so that a
 * survey's response rate still counts them among those invited, but takes away the address and the
 * link's secret, and deletes answers saved but never sent.
 */
@Component
class InvitationPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    InvitationPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> describe(DataSubject subject) {
        List<java.util.Map<String, String>> invitations = subject.email() == null
                ? List.of()
                : jdbc.sql("""
                                select s.title, i.email, i.created_on, i.sends, i.last_sent_on,
                                       not exists (select from survey_invitation_unanswered u
                                                    where u.invitation_id = i.id) as answered,
                                       exists (select from survey_draft d where d.invitation_id = i.id) as draft
                                  from survey_invitation i join survey s on s.id = i.survey_id
                                 where lower(i.email) = lower(:email)
                                 order by i.created_on, s.title""")
                        .param("email", subject.email())
                        .query((rs, n) -> PersonalData.entry(
                                "Survey", rs.getString("title"),
                                "Sent to", rs.getString("email"),
                                "Invited on", Dates.day(rs.getObject("created_on", java.time.LocalDate.class)),
                                "Emails sent", rs.getInt("sends"),
                                "Last emailed on",
                                        rs.getObject("last_sent_on") == null
                                                ? null
                                                : Dates.day(rs.getObject("last_sent_on", java.time.LocalDate.class)),
                                "Answered", rs.getBoolean("answered") ? "Yes" : "No",
                                "Answers saved but not yet sent", rs.getBoolean("draft") ? "Yes" : null))
                        .list();
        return List.of(new Section(
                "Survey invitations",
                "Invitations to the ICS's surveys sent to their email. Answers are kept apart from"
                        + " invitations and never linked to anyone, so none appear here.",
                invitations));
    }

    @Override
    public void erase(DataSubject subject) {
        if (subject.email() == null) {
            return;
        }
        jdbc.sql("""
                        delete from survey_draft where invitation_id in
                            (select id from survey_invitation where lower(email) = lower(:email))""").param("email", subject.email()).update();
        // their links stop working: nobody can answer as them once they are erased
        jdbc.sql("""
                        delete from survey_invitation_link where invitation_id in
                            (select id from survey_invitation where lower(email) = lower(:email))""").param("email", subject.email()).update();
        jdbc.sql("""
                        update survey_invitation
                           set email = 'erased-' || id || '@erased.invalid'
                         where lower(email) = lower(:email)""").param("email", subject.email()).update();
    }
}
