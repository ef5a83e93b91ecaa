package org.goldenthread.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.goldenthread.people.Person;
import org.goldenthread.platform.InvalidInput;
import org.goldenthread.platform.Problem;
import org.junit.jupiter.api.Test;

/** The participants file takes members only for action learning, and mentors and mentees only for pairing. */
class ParticipantRolesTest {

    private static final List<String> HEADER = List.of("person_ref", "role", "capacity", "preferences");

    private static final Map<String, Person> PEOPLE = Map.of(
            "p1", person(1, "P1"),
            "p2", person(2, "P2"));

    private static Person person(long id, String ref) {
        return new Person(
                id,
                ref,
                "Given",
                "Family" + id,
                ref + "@example.org",
                "nursing",
                null,
                "Trust",
                "RXX",
                "nhs",
                "established");
    }

    @Test
    void anActionLearningProgrammeTakesMembers() {
        List<ParticipantFile.Entry> entries = ParticipantFile.check(
                List.of(HEADER, List.of("P1", "member", "", ""), List.of("P2", "Member", "", "")), PEOPLE, true);

        assertThat(entries).extracting(ParticipantFile.Entry::role).containsExactly("member", "member");
    }

    @Test
    void anActionLearningProgrammeRefusesMentorsAndMentees() {
        assertThatThrownBy(() -> ParticipantFile.check(
                        List.of(HEADER, List.of("P1", "mentor", "1", ""), List.of("P2", "mentee", "", "P1")),
                        PEOPLE,
                        true))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .filteredOn(p -> "role".equals(p.field()))
                                .extracting(Problem::row)
                                .containsExactly(2, 3));
    }

    @Test
    void aMemberHasNoCapacityOrPreferences() {
        assertThatThrownBy(
                        () -> ParticipantFile.check(List.of(HEADER, List.of("P1", "member", "2", "P2")), PEOPLE, true))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems()).extracting(Problem::field).contains("capacity", "preferences"));
    }

    @Test
    void aPairingProgrammeRefusesMembers() {
        assertThatThrownBy(() -> ParticipantFile.check(List.of(HEADER, List.of("P1", "member", "", "")), PEOPLE, false))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.row()).isEqualTo(2);
                            assertThat(p.field()).isEqualTo("role");
                            assertThat(p.reason()).contains("use mentor or mentee");
                        }));
    }
}
