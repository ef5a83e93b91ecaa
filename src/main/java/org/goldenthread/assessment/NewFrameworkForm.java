package org.goldenthread.assessment;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.FormValues;
import org.springframework.web.bind.annotation.BindParam;

/** The form that starts a framework of the ICS's own: its title and a scale of two to six levels. */
record NewFrameworkForm(
        @BindParam("new_title") String title,
        @BindParam("new_code") String code,
        @BindParam("new_description") String description,
        String level1,
        String level2,
        String level3,
        String level4,
        String level5,
        String level6) {

    /** The scale most frameworks use, offered to start from. */
    static NewFrameworkForm usualScale() {
        return new NewFrameworkForm(
                null, null, null, "Not yet started", "Emerging", "Established", "Embedded", null, null);
    }

    /** The name given to a level, 1 to 6, as entered. */
    public String level(int level) {
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
