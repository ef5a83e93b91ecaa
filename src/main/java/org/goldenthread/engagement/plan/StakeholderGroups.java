package org.goldenthread.engagement.plan;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.FormValues;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Plurals;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The groups and networks in the ICS's engagement plan. */
@Component
public class StakeholderGroups {

    private static final String SELECT = """
            select g.id, g.name, g.kind, g.estimated_size, g.owner,
                   (select count(*) from engagement_activity a where a.group_id = g.id) as activities
              from engagement_stakeholder_group g""";

    private final JdbcClient jdbc;
    private final Audit audit;

    StakeholderGroups(JdbcClient jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<StakeholderGroup> groups() {
        return jdbc.sql(SELECT + " order by lower(g.name)")
                .query(StakeholderGroup.class)
                .list();
    }

    public StakeholderGroup group(long id) {
        return jdbc.sql(SELECT + " where g.id = :id")
                .param("id", id)
                .query(StakeholderGroup.class)
                .optional()
                .orElseThrow(() -> new NotFound("No stakeholder group with id " + id + " in this ICS"));
    }

    @Transactional
    public StakeholderGroup create(GroupForm form) {
        Checked c = check(form, null);
        long id = jdbc.sql("""
                        insert into engagement_stakeholder_group (name, kind, estimated_size, owner)
                        values (:name, :kind, :size, :owner) returning id""")
                .param("name", c.name())
                .param("kind", c.kind())
                .param("size", c.size())
                .param("owner", c.owner())
                .query(Long.class)
                .single();
        StakeholderGroup group = group(id);
        audit.record("create", "engagement_stakeholder_group", id, null, group);
        return group;
    }

    @Transactional
    public StakeholderGroup update(long id, GroupForm form) {
        StakeholderGroup before = group(id);
        Checked c = check(form, id);
        jdbc.sql("""
                        update engagement_stakeholder_group
                           set name = :name, kind = :kind, estimated_size = :size, owner = :owner
                         where id = :id""")
                .param("name", c.name())
                .param("kind", c.kind())
                .param("size", c.size())
                .param("owner", c.owner())
                .param("id", id)
                .update();
        StakeholderGroup after = group(id);
        audit.record("update", "engagement_stakeholder_group", id, before, after);
        return after;
    }

    /** Removes a group no activity reaches; one still in the plan stays, so no activity loses its audience. */
    @Transactional
    public void remove(long id) {
        StakeholderGroup before = group(id);
        if (before.activities() > 0) {
            throw new InvalidInput(
                    "group",
                    "Stakeholder group: " + before.name() + " is the audience of "
                            + Plurals.of(before.activities(), "activity", "activities")
                            + "; change or remove them first");
        }
        jdbc.sql("delete from engagement_stakeholder_group where id = :id")
                .param("id", id)
                .update();
        audit.record("delete", "engagement_stakeholder_group", id, before, null);
    }

    private record Checked(
            String name,
            String kind,
            @Nullable Integer size,
            @Nullable String owner) {}

    private Checked check(GroupForm f, @Nullable Long self) {
        List<Problem> problems = new ArrayList<>();
        String name = FormValues.text(f.name());
        if (name == null || name.length() > 200) {
            problems.add(Problem.of("name", "Name: enter the group's name, up to 200 characters"));
        } else if (groups().stream()
                .anyMatch(g ->
                        g.name().equalsIgnoreCase(name) && !Long.valueOf(g.id()).equals(self))) {
            problems.add(Problem.of("name", "Name: the plan already has a group called " + name));
        }
        String kind = FormValues.text(f.kind());
        if (Coded.parse(GroupKind.class, kind).isEmpty()) {
            problems.add(Problem.of("kind", "Kind: choose " + Coded.choices(GroupKind.class)));
        }
        Integer size = null;
        String rawSize = FormValues.text(f.estimatedSize());
        if (rawSize != null) {
            String digits = rawSize.replace(",", "");
            if (!digits.matches("-?\\d{1,9}") || Integer.parseInt(digits) < 0) {
                problems.add(Problem.of(
                        "estimated_size",
                        "Estimated size: enter a whole number of people, 0 or more, or leave it blank"));
            } else {
                size = Integer.valueOf(digits);
            }
        }
        String owner = FormValues.text(f.owner());
        if (owner != null && owner.length() > 200) {
            problems.add(Problem.of("owner", "Owner: up to 200 characters"));
        }
        if (!problems.isEmpty() || name == null || kind == null) {
            throw new InvalidInput(problems);
        }
        return new Checked(name, kind, size, owner);
    }
}
