package org.goldenthread.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.people.Appointment;
import org.goldenthread.people.Person;
import org.goldenthread.people.Profession;
import org.goldenthread.platform.SmallNumbers;
import org.goldenthread.structure.Forum;
import org.goldenthread.structure.Organisation;
import org.goldenthread.structure.Seat;
import org.junit.jupiter.api.Test;

/**
 * The computations behind the insight figures, on hand-made values and a small k, where the rules
 * for rounding, suppression and lines of sight can be seen one at a time.
 */
class LandscapeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final SmallNumbers K3 = new SmallNumbers(3);
    private static final List<Profession> PROFESSIONS = List.of(
            new Profession("gp", "General practitioner", "Medical", null, null, true),
            new Profession("nurse_adult", "Registered nurse (adult)", "Nursing", null, null, true),
            new Profession("pharmacist", "Pharmacist", "Pharmacy", null, null, true),
            new Profession("manager", "Manager", "Non-clinical", null, null, false));

    private final List<Forum> forums = new ArrayList<>();
    private final List<Seat> seats = new ArrayList<>();
    private final List<Appointment> appointments = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();

    private Forum forum(long id, String name, String level, String kind, String place, Long reportsTo) {
        Forum f = new Forum(id, name, level, kind, "decides", place, null, null, reportsTo, 0);
        forums.add(f);
        return f;
    }

    private long seat(Forum forum, String title, String type, LocalDate created) {
        long id = seats.size() + 1;
        seats.add(new Seat(id, forum.id(), forum.name(), title, type, true, null, created));
        return id;
    }

    /** A person in one seat from a year ago; {@code ended} null means still current. */
    private void appoint(
            long person, String profession, String stage, long seat, String agreed, String used, LocalDate ended) {
        if (people.stream().noneMatch(p -> p.id() == person)) {
            people.add(new Person(
                    person,
                    "R" + person,
                    "Given" + person,
                    "Family" + person,
                    null,
                    profession,
                    null,
                    null,
                    null,
                    null,
                    stage));
        }
        Seat s = seats.get((int) seat - 1);
        appointments.add(new Appointment(
                appointments.size() + 1,
                person,
                "R" + person,
                "Given" + person + " Family" + person,
                profession,
                stage,
                seat,
                s.forum(),
                s.title(),
                TODAY.minusYears(1),
                ended,
                null,
                agreed == null ? null : new BigDecimal(agreed),
                used == null ? null : new BigDecimal(used),
                null,
                null));
    }

    private Landscape landscape(String place) {
        return new Landscape(
                TODAY,
                place,
                forums,
                seats,
                appointments,
                people,
                List.of(new Organisation(1, "Riverside Surgery", "B1", "general_practice", "Riverside")),
                PROFESSIONS,
                List.of("Riverside", "Hillside"),
                List.of());
    }

    @Test
    void sharesAreRoundedHalfUpToFourDecimalPlaces() {
        assertThat(Landscape.share(2, 3)).isEqualTo(0.6667);
        assertThat(Landscape.share(1, 3)).isEqualTo(0.3333);
        assertThat(Landscape.share(1, 8)).isEqualTo(0.125);
        assertThat(Landscape.share(1, 60000)).isEqualTo(0.0);
        assertThat(Landscape.share(3, 60000)).isEqualTo(0.0001);
        assertThat(Landscape.percent(0.6667)).isEqualTo("66.7%");
        assertThat(Landscape.percent(0.75)).isEqualTo("75%");
        assertThat(Landscape.percent(null)).isEqualTo("–");
    }

    @Test
    void kMayNotBeSetBelowThree() {
        assertThatThrownBy(() -> new SmallNumbers(2)).hasMessageContaining("at least 3");
        assertThat(K3.hides(0)).isFalse();
        assertThat(K3.hides(2)).isTrue();
        assertThat(K3.hides(3)).isFalse();
        assertThat(K3.hidesShare(3, 3)).isFalse();
        assertThat(K3.hidesShare(3, 4)).isTrue();
    }

    @Test
    void analystsSeeASharedFigureOnlyWhenBothSidesOfItAreLargeEnough() {
        Forum board = forum(1, "Board", "system", "board", null, null);
        // six clinical leaders at system level: 3 gps (2 early, 1 mid), 3 nurses (senior)
        for (int i = 1; i <= 6; i++) {
            long s = seat(board, "Seat " + i, "member", TODAY.minusYears(2));
            appoint(i, i <= 3 ? "gp" : "nurse_adult", i <= 2 ? "early" : i == 3 ? "mid" : "senior", s, "2", "1", null);
        }
        LevelFigures system = landscape(null).levels(Audience.AGGREGATE, K3).get(0);
        // top two: 3 + 3 of 6 = 1.0, the rest is 0 people: shown. Early/mid 3 of 6, senior 3: shown.
        assertThat(system.topTwoShare()).isEqualTo(1.0);
        assertThat(system.earlyMidShare()).isEqualTo(0.5);
        assertThat(system.protectedHoursAgreed()).isEqualByComparingTo("12");
        assertThat(system.suppressed()).isEmpty();
        // three seats each: both named, by name since neither holds more
        assertThat(system.topTwoProfessions()).containsExactly("General practitioner", "Registered nurse (adult)");
        assertThat(system.topTwoNamed()).isEqualTo("General practitioner and Registered nurse (adult)");

        // a seventh leader, a pharmacist, is a group of one on the far side of the top-two share
        long s = seat(board, "Seat 7", "member", TODAY.minusYears(2));
        appoint(7, "pharmacist", "senior", s, null, null, null);
        LevelFigures seven = landscape(null).levels(Audience.AGGREGATE, K3).get(0);
        assertThat(seven.topTwoShare()).isNull();
        assertThat(seven.suppressed()).containsExactly("top_two_share");
        // a hidden share names no profession either
        assertThat(seven.topTwoProfessions()).isNull();
        assertThat(seven.topTwoNamed()).isNull();
        assertThat(landscape(null).levels(Audience.NAMED, K3).get(0).topTwoNamed())
                .isEqualTo("General practitioner and Registered nurse (adult)");
        assertThat(seven.earlyMidShare()).isEqualTo(Landscape.share(3, 7));
        // an ICS admin sees it exactly
        assertThat(landscape(null).levels(Audience.NAMED, K3).get(0).topTwoShare())
                .isEqualTo(0.8571);
    }

    @Test
    void theTopTwoProfessionsAreNamedMostSeatsFirstThenByNameSayingAnyTie() {
        Forum board = forum(1, "Board", "system", "board", null, null);
        // one seat each for a nurse, a pharmacist and a GP: three tie for first
        appoint(1, "nurse_adult", "senior", seat(board, "Seat 1", "member", TODAY.minusYears(2)), null, null, null);
        appoint(2, "pharmacist", "senior", seat(board, "Seat 2", "member", TODAY.minusYears(2)), null, null, null);
        appoint(3, "gp", "senior", seat(board, "Seat 3", "member", TODAY.minusYears(2)), null, null, null);
        LevelFigures three = landscape(null).levels(Audience.NAMED, K3).get(0);
        assertThat(three.topTwoShare()).isEqualTo(0.6667);
        assertThat(three.topTwoProfessions())
                .containsExactly("General practitioner", "Pharmacist", "Registered nurse (adult)");
        assertThat(three.topTwoNamed())
                .isEqualTo("tied for first: General practitioner / Pharmacist / Registered nurse (adult)");

        // a second seat for the GP: the GP first, the other two tied for second
        appoint(3, "gp", "senior", seat(board, "Seat 4", "member", TODAY.minusYears(2)), null, null, null);
        LevelFigures tied = landscape(null).levels(Audience.NAMED, K3).get(0);
        assertThat(tied.topTwoShare()).isEqualTo(0.75);
        assertThat(tied.topTwoNamed())
                .isEqualTo("General practitioner and, tied for second, Pharmacist / Registered nurse (adult)");

        // a second seat for the nurse settles it; the manager is not a clinical or care profession
        appoint(1, "nurse_adult", "senior", seat(board, "Seat 5", "member", TODAY.minusYears(2)), null, null, null);
        appoint(4, "manager", "senior", seat(board, "Seat 6", "member", TODAY.minusYears(2)), null, null, null);
        LevelFigures settled = landscape(null).levels(Audience.NAMED, K3).get(0);
        assertThat(settled.topTwoProfessions()).containsExactly("General practitioner", "Registered nurse (adult)");
        assertThat(settled.topTwoNamed()).isEqualTo("General practitioner and Registered nurse (adult)");

        // nobody at a level: nothing to name
        LevelFigures place = landscape(null).levels(Audience.NAMED, K3).get(1);
        assertThat(place.topTwoProfessions()).isEmpty();
        assertThat(place.topTwoNamed()).isNull();
    }

    @Test
    void noRowOrColumnHidesJustOneCell() {
        // professions by (system, place, any level), k = 3: the nurse's 1 at system level is hidden, so
        // the other system count goes too (the level total would give it away), and then each row
        // hides a second cell, or its own total would.
        int[][] raw = {{5, 1, 6}, {4, 7, 11}};
        Integer[][] shown = Landscape.hideSmallCells(raw, K3);
        assertThat(shown[0]).containsExactly(null, null, 6);
        assertThat(shown[1]).containsExactly(null, null, 11);

        // nothing small: nothing hidden; zeros are shown
        assertThat(Landscape.hideSmallCells(new int[][] {{5, 0, 5}, {3, 4, 7}}, K3)[0])
                .containsExactly(5, 0, 5);

        // a larger table keeps the rule everywhere
        int[][] big = {{12, 1, 0, 13}, {2, 9, 14, 25}, {30, 0, 4, 34}, {0, 0, 2, 2}};
        Integer[][] result = Landscape.hideSmallCells(big, K3);
        for (int r = 0; r < big.length; r++) {
            for (int c = 0; c < big[r].length; c++) {
                if (big[r][c] > 0 && big[r][c] < 3) {
                    assertThat(result[r][c]).as("small cell %d,%d", r, c).isNull();
                }
            }
            int r0 = r;
            assertThat(java.util.stream.IntStream.range(0, 4)
                            .filter(c -> result[r0][c] == null)
                            .count())
                    .as("row %d", r)
                    .isNotEqualTo(1);
        }
        for (int c = 0; c < 4; c++) {
            int c0 = c;
            assertThat(java.util.stream.IntStream.range(0, 4)
                            .filter(r -> result[r][c0] == null)
                            .count())
                    .as("column %d", c)
                    .isNotEqualTo(1);
        }
    }

    @Test
    void aHiddenCountThatTheLevelAndProfessionTotalsPinDownIsProtectedToo() {
        // leaders by profession and (system, place, neighbourhood), k = 3, each in one seat:
        // gp 1, 5, 6 (12); nurse 5, 5, 2 (12); pharmacist 0, 0, 5 (5); manager 0, 0, 8 (8)
        long[] levelSeats = {
            seat(forum(1, "Board", "system", "board", null, null), "Member", "member", TODAY.minusYears(2)),
            seat(forum(2, "Riverside Partnership", "place", "board", "Riverside", 1L), "Member", "member", TODAY),
            seat(forum(3, "Riverside PCN", "neighbourhood", "board", "Riverside", 2L), "Member", "member", TODAY)
        };
        String[] codes = {"gp", "nurse_adult", "pharmacist", "manager"};
        int[][] counts = {{1, 5, 6}, {5, 5, 2}, {0, 0, 5}, {0, 0, 8}};
        long person = 0;
        for (int r = 0; r < codes.length; r++) {
            for (int level = 0; level < levelSeats.length; level++) {
                for (int i = 0; i < counts[r][level]; i++) {
                    appoint(++person, codes[r], "mid", levelSeats[level], null, null, null);
                }
            }
        }
        // Line by line, every row and column hides two cells or none, yet the GP's 6 in neighbourhoods
        // gives the nurses' 2 away to anyone who also reads the level totals (6, 10 and 21 leaders, on
        // the same page): the GPs' hidden system and place counts make 12 − 6 = 6, so the nurses' make
        // 6 + 10 − 6 = 10 of their 12, and 2 are left for neighbourhoods.
        int[][] raw = {{1, 5, 6, 0, 0, 12}, {5, 5, 2, 0, 0, 12}, {0, 0, 5, 0, 0, 5}, {0, 0, 8, 0, 0, 8}};
        assertThat(Landscape.hideSmallCells(raw, K3)[0]).containsExactly(null, null, 6, 0, 0, 12);

        List<Landscape.Row> rows = landscape(null).professionsByLevel(K3);
        assertThat(rows).extracting(Landscape.Row::code).containsExactly(codes);
        // so the GP's 6 is hidden too: the nurses' neighbourhood count could now be anything from 0 to 8
        assertThat(rows.get(0).counts()).containsExactly(null, null, null, 0, 0);
        assertThat(rows.get(0).total()).isEqualTo(12);
        assertThat(rows.get(1).counts()).containsExactly(null, null, null, 0, 0);
        assertThat(rows.get(1).total()).isEqualTo(12);
        assertThat(rows.get(2).counts()).containsExactly(0, 0, null, 0, 0);
        assertThat(rows.get(3).counts()).containsExactly(0, 0, null, 0, 0);
    }

    @Test
    void lineOfSightFollowsReportsToUpToASystemBoardAndNoFurther() {
        Forum board = forum(1, "Board", "system", "board", null, null);
        Forum committee = forum(2, "Committee", "system", "committee", null, null);
        Forum place = forum(3, "Place Board", "place", "board", "Riverside", 1L);
        Forum team = forum(4, "Team", "neighbourhood", "working_group", "Riverside", 3L);
        Forum sub = forum(5, "Sub-group", "neighbourhood", "working_group", "Riverside", 2L);
        Landscape l = landscape(null);
        assertThat(l.lineOfSight(board)).containsExactly(board);
        assertThat(l.lineOfSight(team)).containsExactly(team, place, board);
        // a committee at system level is not the board, and neither is what reports to it
        assertThat(l.forumsWithoutLineOfSight()).containsExactly(committee, sub);
        assertThat(landscape("riverside").forumsWithoutLineOfSight()).containsExactly(sub);

        // lines that go round in a circle (the structure module refuses them) still end
        forums.clear();
        forum(1, "A", "place", "committee", "Riverside", 2L);
        forum(2, "B", "place", "committee", "Riverside", 1L);
        assertThat(landscape(null).forumsWithoutLineOfSight()).hasSize(2);
    }

    @Test
    void aSeatIsVacantSinceItsLastHolderLeftOrSinceItWasCreated() {
        Forum board = forum(1, "Place Board", "place", "board", "Riverside", null);
        long left = seat(board, "Left", "member", TODAY.minusYears(3));
        long never = seat(board, "Never held", "expert_by_experience", TODAY.minusDays(40));
        long held = seat(board, "Held", "member", TODAY.minusYears(3));
        appoint(1, "gp", "senior", left, "1", "1", TODAY.minusDays(100));
        appoint(2, "gp", "senior", left, "1", "1", TODAY.minusDays(200));
        appoint(3, "nurse_adult", "mid", held, "2", "2", TODAY);
        List<Landscape.Vacancy> vacancies = landscape(null).vacancies();
        assertThat(vacancies).extracting(Landscape.Vacancy::seat).containsExactly("Left", "Never held");
        assertThat(vacancies.get(0).vacantSince()).isEqualTo(TODAY.minusDays(99));
        assertThat(vacancies.get(0).days()).isEqualTo(99);
        assertThat(vacancies.get(1).vacantSince()).isEqualTo(TODAY.minusDays(40));
        assertThat(vacancies.get(1).everHeld()).isFalse();
        assertThat(vacancies.get(1).howLong(TODAY)).isEqualTo("1 month");
        assertThat(landscape(null).expertSeats()).containsExactly(new Landscape.ExpertSeats("place", 1, 0));
    }

    @Test
    void aPlaceIsDrawnOnWhenItsLeadersSitAtSystemLevelWhileItsSeatsStandEmpty() {
        Forum board = forum(1, "ICB Board", "system", "board", null, null);
        Forum place = forum(2, "Riverside Board", "place", "board", "Riverside", 1L);
        long system1 = seat(board, "Member 1", "member", TODAY.minusYears(3));
        long system2 = seat(board, "Member 2", "member", TODAY.minusYears(3));
        long lead = seat(place, "Nurse lead", "professional_lead", TODAY.minusYears(3));
        seat(place, "GP lead", "clinical_lead", TODAY.minusYears(3));
        appoint(1, "nurse_adult", "senior", lead, "2", "2", TODAY.minusMonths(6));
        appoint(1, "nurse_adult", "senior", system1, "2", "2", null);
        appoint(2, "gp", "senior", system2, "2", "2", null);
        List<Landscape.DrawnPlace> drawn = landscape(null).placesDrawnOn();
        assertThat(drawn).hasSize(1);
        assertThat(drawn.get(0).place()).isEqualTo("Riverside");
        assertThat(drawn.get(0).vacantSeats()).isEqualTo(2);
        assertThat(drawn.get(0).leaders())
                .extracting(Landscape.DrawnLeader::personRef)
                .containsExactly("R1");
        assertThat(drawn.get(0).leaders().get(0).stillHoldsPlaceSeat()).isFalse();
    }

    @Test
    void protectedTimeUnderUseCountsOnlyRecordedHours() {
        Forum board = forum(1, "Board", "system", "board", null, null);
        appoint(1, "gp", "senior", seat(board, "A", "member", TODAY), "4", "2.5", null);
        appoint(1, "gp", "senior", seat(board, "B", "member", TODAY), "2", "2", null);
        appoint(2, "gp", "senior", seat(board, "C", "member", TODAY), "4", null, null);
        appoint(3, "gp", "senior", seat(board, "D", "member", TODAY), "4", "2.9", null);
        // R1: 4.5 of 6 = 75%, not below; R2: nothing used is recorded; R3: 2.9 of 4 = 72.5%
        assertThat(landscape(null).underUsedTime())
                .extracting(Landscape.UnderUsedTime::personRef)
                .containsExactly("R3");
        assertThat(landscape(null).underUsedTime().get(0).usedPercent()).isEqualTo("72.5%");
    }

    @Test
    void longForumNamesAreWrappedIntoTwoLinesAndCutShort() {
        assertThat(ForumMap.wrap("ICB Board")).containsExactly("ICB Board");
        assertThat(ForumMap.wrap("Northfield Central Team")).containsExactly("Northfield Central", "Team");
        assertThat(ForumMap.wrap("Mental Health, Learning Disability and Autism Collaborative"))
                .containsExactly("Mental Health,", "Learning Disability…");
        assertThat(ForumMap.wrap("Supercalifragilisticexpialidocious")).containsExactly("Supercalifragilistic…");
    }

    @Test
    void aBoxOnTheForumMapIsNamedByTheWordsItShowsFirst() {
        String whole = ForumMap.label(
                "Northfield Central Team",
                ForumMap.wrap("Northfield Central Team"),
                "No line of sight",
                "neighbourhood, Northfield Central PCN");
        assertThat(whole)
                .isEqualTo("Northfield Central Team, no line of sight – neighbourhood, Northfield Central PCN");

        String longName = "Mental Health, Learning Disability and Autism Collaborative";
        String cut = ForumMap.label(longName, ForumMap.wrap(longName), "2 of 3 seats held", "place, Northfield");
        // what the box shows, in its order, then the whole name
        assertThat(cut)
                .startsWith("Mental Health, Learning Disability… 2 of 3 seats held – ")
                .contains(longName);
    }
}
