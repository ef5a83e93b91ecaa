package org.goldenthread.assessment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.Dates;
import org.goldenthread.platform.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Self-assessment work a person did signed in: the ratings they gave, the ratings they agreed and
 * the evidence they added. These are the ICS's assessment, not facts about the person, so an
 * erasure keeps them; what tied them to the person was their account, which the platform
 * anonymises.
 */
@Component
class RatingPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    RatingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Section> describe(DataSubject subject) {
        Long[] accounts = subject.accountIds().toArray(Long[]::new);
        List<Map<String, String>> ratings = jdbc.sql("""
                        select c.title, r.indicator, r.level, r.narrative, r.rated_at
                          from rating r join cycle c on c.id = r.cycle_id
                         where r.user_id = any (:accounts)
                         order by c.opened_on, r.indicator""")
                .param("accounts", accounts)
                .query((rs, n) -> PersonalData.entry(
                        "Cycle", rs.getString("title"),
                        "Indicator", rs.getString("indicator"),
                        "Level", rs.getInt("level"),
                        "What they wrote", rs.getString("narrative"),
                        "Rated on", Dates.day(rs.getObject("rated_at", OffsetDateTime.class))))
                .list();
        List<Map<String, String>> agreed = new ArrayList<>(jdbc.sql("""
                        select c.title, a.indicator, a.level, a.agreed_at
                          from agreed_rating a join cycle c on c.id = a.cycle_id
                         where a.agreed_by = any (:accounts)
                         order by c.opened_on, a.indicator""")
                .param("accounts", accounts)
                .query((rs, n) -> PersonalData.entry(
                        "Cycle", rs.getString("title"),
                        "Indicator", rs.getString("indicator"),
                        "Agreed level", rs.getInt("level"),
                        "Agreed on", Dates.day(rs.getObject("agreed_at", OffsetDateTime.class))))
                .list());
        List<Map<String, String>> evidence = jdbc.sql("""
                        select c.title as cycle, e.indicator, e.title, e.added_at
                          from evidence_item e join cycle c on c.id = e.cycle_id
                         where e.added_by = any (:accounts)
                         order by e.added_at""")
                .param("accounts", accounts)
                .query((rs, n) -> PersonalData.entry(
                        "Cycle", rs.getString("cycle"),
                        "Indicator", rs.getString("indicator"),
                        "Evidence", rs.getString("title"),
                        "Added on", Dates.day(rs.getObject("added_at", OffsetDateTime.class))))
                .list();
        return List.of(
                new Section(
                        "Self-assessment ratings",
                        "The ratings they gave, signed in, in the ICS's self-assessment cycles.",
                        ratings),
                new Section("Self-assessment ratings agreed", "Ratings they agreed for the ICS.", agreed),
                new Section("Self-assessment evidence", "Evidence they added to a cycle.", evidence));
    }

    @Override
    public void erase(DataSubject subject) {
        // nothing here names the person: see the class comment
    }
}
