package org.goldenthread.development.feedback;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * What raters rate a leader on: dimensions, the behaviours under each, and a scale of how often
 * they see each behaviour. Kept as one JSON document, like the self-assessment frameworks.
 */
public record BehaviourFramework(
        @Nullable String code,
        @Nullable String title,
        @Nullable String description,
        @Nullable List<ScaleLevel> scale,
        @Nullable List<Dimension> dimensions) {

    private static final Pattern CODE = Pattern.compile("^[a-z0-9-]{2,40}$");

    public record ScaleLevel(int value, @Nullable String label) {

        /** The label, or the value when the level has none (a framework that failed its checks). */
        @Override
        public String label() {
            return label == null ? String.valueOf(value) : label;
        }
    }

    public record Dimension(
            @Nullable String code,
            @Nullable String title,
            @Nullable String description,
            @Nullable List<Behaviour> behaviours) {

        @Override
        public String code() {
            return code == null ? "" : code;
        }

        @Override
        public String title() {
            return title == null ? "" : title;
        }

        public List<Behaviour> behaviourList() {
            return behaviours == null ? List.of() : behaviours;
        }
    }

    public record Behaviour(@Nullable String code, @Nullable String text) {

        @Override
        public String code() {
            return code == null ? "" : code;
        }

        @Override
        public String text() {
            return text == null ? "" : text;
        }
    }

    public List<ScaleLevel> levels() {
        return scale == null ? List.of() : scale;
    }

    public List<Dimension> dimensionList() {
        return dimensions == null ? List.of() : dimensions;
    }

    public List<Behaviour> behaviours() {
        return dimensionList().stream().flatMap(d -> d.behaviourList().stream()).toList();
    }

    public String labelOf(int value) {
        return levels().stream()
                .filter(l -> l.value() == value)
                .map(ScaleLevel::label)
                .findFirst()
                .orElse(String.valueOf(value));
    }

    /** Everything wrong with the framework, each naming where it is; empty when it can be used. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(Problem.of("code", "Give a code of 2 to 40 lower-case letters, digits or hyphens"));
        }
        if (blank(title)) {
            problems.add(Problem.of("title", "Give the framework a title"));
        }
        List<ScaleLevel> levels = levels();
        if (levels.size() < 3 || levels.size() > 7) {
            problems.add(Problem.of("scale", "Give a scale of 3 to 7 levels"));
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i) == null) {
                problems.add(Problem.of("scale[" + i + "]", "Give each level a value and a label, not null"));
                continue;
            }
            if (levels.get(i).value() != i + 1) {
                problems.add(Problem.of("scale[" + i + "].value", "Number the levels 1, 2, 3 and so on, in order"));
            }
            if (blank(levels.get(i).label)) {
                problems.add(Problem.of("scale[" + i + "].label", "Give each level a label"));
            }
        }
        if (dimensionList().isEmpty()) {
            problems.add(Problem.of("dimensions", "Give at least one dimension"));
        }
        Set<String> codes = new HashSet<>();
        for (int d = 0; d < dimensionList().size(); d++) {
            Dimension dimension = dimensionList().get(d);
            String at = "dimensions[" + d + "]";
            if (dimension == null) {
                problems.add(Problem.of(at, "Give each dimension a code, a title and behaviours, not null"));
                continue;
            }
            if (blank(dimension.code) || !codes.add("d:" + dimension.code)) {
                problems.add(Problem.of(at + ".code", "Give each dimension a code of its own"));
            }
            if (blank(dimension.title)) {
                problems.add(Problem.of(at + ".title", "Give each dimension a title"));
            }
            if (dimension.behaviourList().isEmpty()) {
                problems.add(Problem.of(at + ".behaviours", "Give each dimension at least one behaviour"));
            }
            for (int b = 0; b < dimension.behaviourList().size(); b++) {
                Behaviour behaviour = dimension.behaviourList().get(b);
                String here = at + ".behaviours[" + b + "]";
                if (behaviour == null) {
                    problems.add(Problem.of(here, "Give each behaviour a code and a text, not null"));
                    continue;
                }
                if (blank(behaviour.code) || !codes.add("b:" + behaviour.code)) {
                    problems.add(Problem.of(here + ".code", "Give each behaviour a code used nowhere else"));
                }
                if (blank(behaviour.text) || behaviour.text().length() > 300) {
                    problems.add(Problem.of(here + ".text", "Describe the behaviour in 1 to 300 characters"));
                }
            }
        }
        return problems;
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
