package org.goldenthread.pipeline.recruitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.people.CareerStage;
import org.goldenthread.people.Professions;
import org.goldenthread.pipeline.equality.Answers;
import org.goldenthread.pipeline.equality.Disability;
import org.goldenthread.pipeline.equality.EthnicGroup;
import org.goldenthread.pipeline.equality.Sex;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * One applicant as a row of a recruitment system's file or the entry page gives them, as text:
 * checked here, column by column, so that both say the same about the same mistake. The equality
 * answers travel with the row only until they are recorded; nothing reads them back.
 *
 * @param row the file's row (the header is row 1), or null for the entry page
 */
record ApplicantDetails(
        @Nullable String applicantRef,
        @Nullable String personRef,
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable String email,
        @Nullable String profession,
        @Nullable String careerStage,
        @Nullable String stage,
        @Nullable String ethnicGroup,
        @Nullable String sex,
        @Nullable String disability,
        @Nullable Integer row) {

    private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    static @Nullable String clean(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * What is wrong, by column: every required value present and within its length, codes known, and a
     * register reference (when given) one the register has.
     *
     * @param registerRefs the people in the caller's sight, by reference
     * @param wholeIcs whether that is the whole register, or only the places the caller leads
     */
    List<Problem> check(Professions professions, Map<String, Long> registerRefs, boolean wholeIcs) {
        List<Problem> problems = new ArrayList<>();
        String ref = clean(applicantRef);
        if (ref == null) {
            problems.add(
                    new Problem(row, "applicant_ref", "Enter the applicant's reference in the recruitment system"));
        } else if (ref.length() > 60) {
            problems.add(new Problem(row, "applicant_ref", "The applicant reference must be 60 characters or fewer"));
        }
        String person = clean(personRef);
        if (person != null && !registerRefs.containsKey(person)) {
            // the same words for someone outside the caller's places as for no one at all
            problems.add(new Problem(
                    row,
                    "person_ref",
                    (wholeIcs ? "Nobody in the register" : "Nobody in the register of the places you lead")
                            + " has the reference " + person));
        }
        name(problems, "given_name", "given name", givenName);
        name(problems, "family_name", "family name", familyName);
        String mail = clean(email);
        if (mail != null && (mail.length() > 254 || !mail.matches(EMAIL))) {
            problems.add(new Problem(row, "email", "'" + shortened(mail) + "' is not an email address"));
        }
        String code = clean(profession);
        if (code == null) {
            problems.add(new Problem(row, "profession", "Enter the applicant's profession"));
        } else if (professions.find(code).isEmpty()) {
            problems.add(new Problem(
                    row,
                    "profession",
                    "'" + shortened(code) + "' is not a known profession code (see GET /api/v1/professions)"));
        }
        coded(problems, "career_stage", "a career stage", careerStage, CareerStage.class, false);
        coded(problems, "stage", "a stage", stage, Stage.class, true);
        coded(problems, "ethnic_group", "an ethnic group", ethnicGroup, EthnicGroup.class, false);
        coded(problems, "sex", "an answer about sex", sex, Sex.class, false);
        coded(problems, "disability", "an answer about disability", disability, Disability.class, false);
        return problems;
    }

    private void name(List<Problem> problems, String column, String words, @Nullable String value) {
        String name = clean(value);
        if (name == null) {
            problems.add(new Problem(row, column, "Enter the applicant's " + words));
        } else if (name.length() > 100) {
            problems.add(new Problem(row, column, "The " + words + " must be 100 characters or fewer"));
        }
    }

    private <E extends Enum<E> & Coded> void coded(
            List<Problem> problems,
            String column,
            String what,
            @Nullable String value,
            Class<E> type,
            boolean required) {
        String code = clean(value);
        if (code == null) {
            if (required) {
                problems.add(new Problem(row, column, "Enter " + what + ": " + Coded.choices(type)));
            }
        } else if (Coded.parse(type, code).isEmpty()) {
            problems.add(new Problem(
                    row, column, "'" + shortened(code) + "' is not " + what + "; use " + Coded.choices(type)));
        }
    }

    /** A long value quoted in a message is cut short, so one bad cell cannot flood a page. */
    private static String shortened(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }

    /** The answers, a blank one meaning not stated; call only after {@link #check} passed. */
    Answers answers() {
        return new Answers(
                answer(EthnicGroup.class, ethnicGroup, EthnicGroup.NOT_STATED),
                answer(Sex.class, sex, Sex.NOT_STATED),
                answer(Disability.class, disability, Disability.NOT_STATED));
    }

    private static <E extends Enum<E> & Coded> E answer(Class<E> type, @Nullable String value, E blank) {
        String code = clean(value);
        return code == null ? blank : Coded.parse(type, code).orElse(blank);
    }

    Stage stageCode() {
        return Coded.parse(Stage.class, clean(stage)).orElseThrow();
    }
}
