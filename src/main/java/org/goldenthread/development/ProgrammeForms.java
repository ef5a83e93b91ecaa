package org.goldenthread.development;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The forms of the programme pages, as the browser sends them. */
final class ProgrammeForms {

    private ProgrammeForms() {}

    record NewProgramme(
            @Nullable String name,
            @Nullable String kind,
            @BindParam("cross_organisation") @Nullable String crossOrganisation) {

        static NewProgramme empty() {
            return new NewProgramme(null, null, "true");
        }

        Programmes.NewProgramme details() {
            return new Programmes.NewProgramme(
                    name, kind, crossOrganisation == null ? null : Boolean.valueOf(crossOrganisation));
        }
    }

    record NewParticipant(
            @BindParam("person_ref") @Nullable String personRef,
            @Nullable String role,
            @Nullable String capacity,
            @Nullable String preferences) {

        static NewParticipant empty() {
            return new NewParticipant(null, null, null, null);
        }
    }

    record PairRule(
            @Nullable String mentor,
            @Nullable String mentee,
            @Nullable String rule) {}
}
