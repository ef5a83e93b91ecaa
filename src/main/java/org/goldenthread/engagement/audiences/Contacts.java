package org.goldenthread.engagement.audiences;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People outside the register an ICS invites as well, such as students and partners. Kept per ICS
 * and deleted outright on request, not merely hidden.
 */
@Component
public class Contacts {

    public record Contact(
            long id,
            String name,
            String email,
            @Nullable String profession,
            @Nullable String organisation,
            String kind) {}

    /** A contact as typed or sent. */
    public record NewContact(
            @Nullable String name,
            @Nullable String email,
            @Nullable String profession,
            @Nullable String organisation,
            @Nullable String kind) {}

    public enum Kind implements org.goldenthread.platform.Coded {
        STUDENT("student", "Student or trainee"),
        PARTNER("partner", "Partner organisation"),
        OTHER("other", "Someone else");

        private final String code;
        private final String label;

        Kind(String code, String label) {
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
    }

    private final JdbcClient jdbc;
    private final Population population;
    private final Audit audit;

    Contacts(JdbcClient jdbc, Population population, Audit audit) {
        this.jdbc = jdbc;
        this.population = population;
        this.audit = audit;
    }

    public List<Contact> contacts() {
        return jdbc.sql("select id, name, email, profession, organisation, kind from engagement_contact"
                        + " order by lower(name), id")
                .query(Contact.class)
                .list();
    }

    @Transactional
    public Contact add(NewContact c) {
        List<Problem> problems = new ArrayList<>();
        String name = c.name() == null ? "" : c.name().trim();
        String email = c.email() == null ? "" : c.email().trim();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(Problem.of("name", "Enter their name, up to 200 characters"));
        }
        if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") || email.length() > 320) {
            problems.add(Problem.of("email", "Enter an email address like name@example.org"));
        } else if (contacts().stream().anyMatch(x -> x.email().equalsIgnoreCase(email))) {
            problems.add(Problem.of("email", "There is already a contact with the address " + email));
        }
        String profession = blankToNull(c.profession());
        if (profession != null && population.profession(profession).isEmpty()) {
            problems.add(Problem.of("profession", "Profession: '" + profession + "' is not a profession on the list"));
        }
        String kind =
                c.kind() == null || c.kind().isBlank() ? "other" : c.kind().trim();
        if (org.goldenthread.platform.Coded.parse(Kind.class, kind).isEmpty()) {
            problems.add(Problem.of("kind", "Choose student, partner or other"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Contact added = jdbc.sql("""
                        insert into engagement_contact (name, email, profession, organisation, kind)
                        values (:name, :email, :profession, :organisation, :kind)
                        returning id, name, email, profession, organisation, kind""")
                .param("name", name)
                .param("email", email)
                .param("profession", profession)
                .param("organisation", blankToNull(c.organisation()))
                .param("kind", kind)
                .query(Contact.class)
                .single();
        audit.record("create", "engagement_contact", added.id(), null, added);
        return added;
    }

    /** Removes the contact entirely, as asked. */
    @Transactional
    public void remove(long id) {
        if (jdbc.sql("delete from engagement_contact where id = :id")
                        .param("id", id)
                        .update()
                == 0) {
            throw new NotFound("No contact with id " + id + " in this ICS");
        }
        // the audit keeps that a contact was removed, not who they were
        audit.record("delete", "engagement_contact", id, null, null);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
