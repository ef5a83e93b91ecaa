package org.goldenthread.assessment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.platform.Coded;
import org.goldenthread.platform.Problem;
import org.jspecify.annotations.Nullable;

/**
 * What makes a framework sound. Problems name the place in the file, such as
 * {@code principles[2].indicators[0].descriptors}, counting from 0 as the file does.
 */
final class FrameworkRules {

    static final int MAX_LEVELS = 10;
    static final int MAX_PRINCIPLES = 50;
    static final int MAX_INDICATORS = 30;
    private static final String CODE = "^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$";

    private FrameworkRules() {}

    static List<Problem> check(Framework f) {
        return check(f, false);
    }

    /** As {@link #check(Framework)}, optionally for a framework being written that has no principles yet. */
    static List<Problem> check(Framework f, boolean started) {
        List<Problem> problems = new ArrayList<>();
        if (f.code() == null || !f.code().matches("^[a-z0-9][a-z0-9-]{1,59}$")) {
            problems.add(Problem.of(
                    "code",
                    "Give the framework a code of 2 to 60 lower-case letters, digits and"
                            + " hyphens, like national-2021"));
        }
        text(problems, "title", f.title(), 300, "Give the framework a title");
        optional(problems, "description", f.description(), 2000);
        int levels = 0;
        if (f.scale() == null || f.scale().size() < 2 || f.scale().size() > MAX_LEVELS) {
            problems.add(Problem.of("scale", "Give a maturity scale of 2 to " + MAX_LEVELS + " levels"));
        } else {
            levels = f.scale().size();
            for (int i = 0; i < levels; i++) {
                Framework.ScaleLevel level = f.scale().get(i);
                String at = "scale[" + i + "]";
                if (level == null) {
                    problems.add(Problem.of(at, "A scale level cannot be null"));
                    continue;
                }
                if (level.level() == null || level.level() != i + 1) {
                    problems.add(Problem.of(
                            at + ".level", "Number the levels 1, 2, 3… in order; this one should be " + (i + 1)));
                }
                text(problems, at + ".name", level.name(), 60, "Name each level of the scale");
                optional(problems, at + ".meaning", level.meaning(), 500);
            }
        }
        if (f.principles() == null || f.principles().isEmpty()) {
            if (!started || f.principles() == null) {
                problems.add(Problem.of("principles", "A framework needs at least one principle"));
            }
            return problems;
        }
        if (f.principles().size() > MAX_PRINCIPLES) {
            problems.add(Problem.of("principles", "A framework can have at most " + MAX_PRINCIPLES + " principles"));
            return problems;
        }
        Set<String> codes = new HashSet<>();
        for (int p = 0; p < f.principles().size(); p++) {
            Framework.Principle principle = f.principles().get(p);
            String at = "principles[" + p + "]";
            if (principle == null) {
                problems.add(Problem.of(at, "A principle cannot be null"));
                continue;
            }
            code(problems, at + ".code", principle.code(), codes);
            optional(problems, at + ".group", principle.group(), 60);
            text(problems, at + ".title", principle.title(), 300, "Give each principle a title");
            optional(problems, at + ".description", principle.description(), 2000);
            if (principle.indicators() == null || principle.indicators().isEmpty()) {
                problems.add(Problem.of(at + ".indicators", "Give each principle at least one indicator"));
                continue;
            }
            if (principle.indicators().size() > MAX_INDICATORS) {
                problems.add(Problem.of(
                        at + ".indicators", "A principle can have at most " + MAX_INDICATORS + " indicators"));
                continue;
            }
            for (int i = 0; i < principle.indicators().size(); i++) {
                indicator(
                        problems,
                        at + ".indicators[" + i + "]",
                        principle.indicators().get(i),
                        codes,
                        levels);
            }
        }
        return problems;
    }

    private static void indicator(
            List<Problem> problems, String at, Framework.Indicator indicator, Set<String> codes, int levels) {
        if (indicator == null) {
            problems.add(Problem.of(at, "An indicator cannot be null"));
            return;
        }
        code(problems, at + ".code", indicator.code(), codes);
        text(problems, at + ".text", indicator.text(), 500, "Say what each indicator looks for");
        if (indicator.descriptors() == null
                || (levels > 0 && indicator.descriptors().size() != levels)) {
            problems.add(Problem.of(
                    at + ".descriptors",
                    "Describe each of the scale's " + (levels > 0 ? levels + " " : "")
                            + "levels for this indicator, in order"));
        } else {
            for (int d = 0; d < indicator.descriptors().size(); d++) {
                text(
                        problems,
                        at + ".descriptors[" + d + "]",
                        indicator.descriptors().get(d),
                        1000,
                        "A descriptor cannot be blank");
            }
        }
        List<String> evidence = indicator.evidence();
        Set<String> proposed = new HashSet<>();
        for (int e = 0; e < evidence.size(); e++) {
            if (evidence.get(e) != null && !proposed.add(evidence.get(e))) {
                problems.add(Problem.of(at + ".evidence[" + e + "]", "'" + evidence.get(e) + "' is proposed twice"));
            } else if (Coded.parse(Metric.class, evidence.get(e)).isEmpty()) {
                problems.add(Problem.of(
                        at + ".evidence[" + e + "]",
                        "'" + evidence.get(e) + "' is not a live figure;" + " use one of "
                                + Coded.choices(Metric.class)));
            }
        }
    }

    private static void code(List<Problem> problems, String at, String code, Set<String> codes) {
        if (code == null || !code.matches(CODE)) {
            problems.add(Problem.of(at, "Give a code of up to 20 letters, digits, dots and hyphens, like P1 or P1.2"));
        } else if (!codes.add(code)) {
            problems.add(Problem.of(at, "The code " + code + " is used twice; codes must be unique in the framework"));
        }
    }

    private static void text(List<Problem> problems, String at, @Nullable String value, int max, String missing) {
        if (value == null || value.isBlank()) {
            problems.add(Problem.of(at, missing));
        } else if (value.length() > max) {
            problems.add(Problem.of(at, "Keep this to " + max + " characters or fewer"));
        }
    }

    private static void optional(List<Problem> problems, String at, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(Problem.of(at, "Keep this to " + max + " characters or fewer"));
        }
    }
}
