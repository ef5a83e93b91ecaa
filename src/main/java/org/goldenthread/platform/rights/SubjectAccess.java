package org.goldenthread.platform.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.DataSubject;
import org.goldenthread.platform.DataSubjects;
import org.goldenthread.platform.NotFound;
import org.goldenthread.platform.PersonalData;
import org.goldenthread.platform.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a subject access request and carries out an erasure, for a person of the ICS in scope,
 * by asking every module's {@link PersonalData} in turn. Both are audited: that the export was
 * made, or that the erasure happened, and never what either held.
 */
@Component
public class SubjectAccess {

    private final ObjectProvider<DataSubjects> subjects;
    private final ObjectProvider<PersonalData> modules;
    private final AccountPersonalData accounts;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;

    SubjectAccess(
            ObjectProvider<DataSubjects> subjects,
            ObjectProvider<PersonalData> modules,
            AccountPersonalData accounts,
            JdbcClient jdbc,
            Audit audit,
            Clock clock) {
        this.subjects = subjects;
        this.modules = modules;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Everything held about a person, section by section, as of a day. */
    public record Export(
            String ics, String personRef, String name, LocalDate madeOn, List<PersonalData.Section> sections) {}

    @Transactional
    public Export export(long personId) {
        DataSubject subject = subject(personId);
        List<PersonalData.Section> sections = new ArrayList<>();
        modules.orderedStream().forEach(m -> sections.addAll(m.describe(subject)));
        audit.record("person.exported", "person", personId, null, null);
        return new Export(
                Scope.currentTenant().name(),
                subject.personRef(),
                subject.fullName(),
                LocalDate.now(clock),
                List.copyOf(sections));
    }

    /** Erases a person everywhere; {@code why} names what asked for it in the audit log. */
    @Transactional
    public LocalDate erase(long personId, String why) {
        DataSubject subject = subject(personId);
        modules.orderedStream().forEach(m -> m.erase(subject));
        List<String> terms = new ArrayList<>();
        List<String> accountTerms = new ArrayList<>();
        if (subject.email() != null) {
            String email = subject.email().toLowerCase(java.util.Locale.ROOT);
            terms.add(email);
            // the platform's own records about the account, only when this erasure anonymised it
            if (!subject.accountIds().isEmpty() && accounts.anonymised(subject.accountIds())) {
                accountTerms.add(email);
            }
        }
        terms.add(subject.fullName().toLowerCase(java.util.Locale.ROOT));
        int redacted = jdbc.sql("select gt_erase_from_audit(:entity, :terms, :accountTerms)")
                .param("entity", Long.toString(personId))
                .param("terms", terms.toArray(String[]::new))
                .param("accountTerms", accountTerms.toArray(String[]::new))
                .query(Integer.class)
                .single();
        audit.record(why, "person", personId, null, java.util.Map.of("audit_records_cleared", redacted));
        return LocalDate.now(clock);
    }

    private DataSubject subject(long personId) {
        DataSubjects register = subjects.getIfAvailable();
        if (register == null) {
            throw new IllegalStateException("No module keeps a register of people");
        }
        DataSubject found = register.find(personId)
                .orElseThrow(() -> register.erasedOn(personId).isPresent()
                        ? new NotFound("That person has been erased")
                        : new NotFound("There is no such person in this ICS"));
        return found.withAccounts(accounts.accountsOf(found.email()));
    }
}
