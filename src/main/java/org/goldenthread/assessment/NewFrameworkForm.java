package org.goldenthread.assessment;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/** The form that starts a framework of the ICS's own: its title and a scale of two to six levels. */
record NewFrameworkForm(
        @BindParam("new_title") @Nullable String title,
        @BindParam("new_code") @Nullable String code,
        @BindParam("new_description") @Nullable String description,
        @Nullable String level1,
        @Nullable String level2,
        @Nullable String level3,
        @Nullable String level4,
        @Nullable String level5,
        @Nullable String level6) {

    /** The scale most frameworks use, offered to start from. */
    static NewFrameworkForm usualScale() {
        return new NewFrameworkForm(
                null, null, null, "Not yet started", "Emerging", "Established", "Embedded", null, null);
    }

    /** The name given to a level, 1 to 6, as entered. */
    public @Nullable String level(int level) {
        return switch (level) {
            case 1 -> level1;
            case 2 -> level2;
            case 3 -> level3;
            case 4 -> level4;
            case 5 -> level5;
            case 6 -> level6;
            default -> null;
        };
    }

    /** The levels named, blanks at the end dropped, keeping at least two so the rules can say what is missing. */
    List<String> levels() {
        List<String> levels = new ArrayList<>();
        for (int level = 1; level <= 6; level++) {
            levels.add(FormValues.text(level(level)));
        }
        while (levels.size() > 2 && levels.get(levels.size() - 1) == null) {
            levels.remove(levels.size() - 1);
        }
        return levels;
    }
}
