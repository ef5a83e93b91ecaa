package org.goldenthread.development.exchanges;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The forms of an exchange's pages. Dates stay text until checked. */
final class ExchangeForms {

    private ExchangeForms() {}

    record VisitForm(
            @BindParam("visits_on") @Nullable String visitsOn,
            @Nullable String place) {}

    record ClosingForm(
            @BindParam("held_on") @Nullable String heldOn,
            @Nullable String place) {}

    record ReflectionForm(
            @Nullable String saw,
            @BindParam("take_back") @Nullable String takeBack) {

        static ReflectionForm empty() {
            return new ReflectionForm(null, null);
        }
    }

    record IdeaForm(@Nullable String title, @Nullable String description) {

        static IdeaForm empty() {
            return new IdeaForm(null, null);
        }
    }
}
