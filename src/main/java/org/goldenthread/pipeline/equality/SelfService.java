package org.goldenthread.pipeline.equality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.Person;
import org.goldenthread.people.Register;
import org.goldenthread.platform.Audit;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.goldenthread.platform.ScopedTransactions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A person in the register giving their own equality answers through their link. Each time
 * replaces what they gave before. The audit log records that the person's answers changed, never
 * what they are.
 */
@Component
class SelfService {

    /** The three questions as posted; each must be answered, "prefer not to say" being an answer. */
    record AnswersForm(
            @BindParam("ethnic_group") @Nullable String ethnicGroup,
            @Nullable String sex,
            @Nullable String disability) {

        static AnswersForm empty() {
            return new AnswersForm(null, null, null);
        }
    }

    private final EqualityLinks links;
    private final EqualityAnswers answers;
    private final Register register;
    private final Audit audit;
    private final ScopedTransactions transactions;

    SelfService(
            EqualityLinks links,
            EqualityAnswers answers,
            Register register,
            Audit audit,
            ScopedTransactions transactions) {
        this.links = links;
        this.answers = answers;
        this.register = register;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Whose link this is, or empty when it leads nowhere. */
    java.util.Optional<EqualityLinks.Holder> holder(@Nullable String token) {
        return links.holder(token);
    }

    /** The person's name and their ICS's name, to greet them by. */
    record Greeting(String name, String ics) {}

    Greeting greeting(EqualityLinks.Holder holder) {
        return transactions.run(holder.scope(), () -> {
            Person person = register.person(holder.personId());
            return new Greeting(
                    person.givenName(),
                    org.goldenthread.platform.Scope.currentTenant().name());
        });
    }

    /** Records the answers posted, or refuses them all, naming each question left unanswered. */
    void answer(EqualityLinks.Holder holder, AnswersForm form) {
        Answers given = check(form);
        transactions.run(holder.scope(), () -> {
            answers.recordForPerson(holder.personId(), given);
            audit.record("equality.answers_changed", "person", holder.personId(), null, Map.of("by", "self_service"));
            return null;
        });
    }

    static Answers check(AnswersForm form) {
        List<Problem> problems = new ArrayList<>();
        EthnicGroup ethnicGroup =
                Coded.parse(EthnicGroup.class, form.ethnicGroup()).orElse(null);
        if (ethnicGroup == null) {
            problems.add(Problem.of("ethnic_group", "Choose your ethnic group, or prefer not to say"));
        }
        Sex sex = Coded.parse(Sex.class, form.sex()).orElse(null);
        if (sex == null) {
            problems.add(Problem.of("sex", "Choose your sex, or prefer not to say"));
        }
        Disability disability = Coded.parse(Disability.class, form.disability()).orElse(null);
        if (disability == null) {
            problems.add(Problem.of("disability", "Say whether you consider yourself disabled, or prefer not to say"));
        }
        if (ethnicGroup == null || sex == null || disability == null) {
            throw new InvalidInput(problems);
        }
        return new Answers(ethnicGroup, sex, disability);
    }
}
