package org.goldenthread.assessment;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The fields of both forms on a framework's page: adding or changing an indicator, and adding a
 * principle with its first indicator. A post fills those of its own form.
 */
record FrameworkForm(
        @Nullable String principle,
        @BindParam("indicator_code") @Nullable String indicatorCode,
        @BindParam("indicator_text") @Nullable String indicatorText,
        @Nullable String descriptor1,
        @Nullable String descriptor2,
        @Nullable String descriptor3,
        @Nullable String descriptor4,
        @Nullable String descriptor5,
        @Nullable String descriptor6,
        @Nullable List<String> evidence,
        @Nullable String code,
        @Nullable String group,
        @Nullable String title,
        @Nullable String description,
        @BindParam("first_indicator_code") @Nullable String firstIndicatorCode,
        @BindParam("first_indicator_text") @Nullable String firstIndicatorText,
        @BindParam("first_descriptor1") @Nullable String firstDescriptor1,
        @BindParam("first_descriptor2") @Nullable String firstDescriptor2,
        @BindParam("first_descriptor3") @Nullable String firstDescriptor3,
        @BindParam("first_descriptor4") @Nullable String firstDescriptor4,
        @BindParam("first_descriptor5") @Nullable String firstDescriptor5,
        @BindParam("first_descriptor6") @Nullable String firstDescriptor6) {

    static FrameworkForm empty() {
        return new FrameworkForm(
                null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** What the indicator looks like at a level, 1 to 6, as entered. */
    public @Nullable String descriptor(int level) {
        return pick(level, descriptor1, descriptor2, descriptor3, descriptor4, descriptor5, descriptor6);
    }

    /** What the new principle's first indicator looks like at a level, 1 to 6, as entered. */
    public @Nullable String firstDescriptor(int level) {
        return pick(
                level,
                firstDescriptor1,
                firstDescriptor2,
                firstDescriptor3,
                firstDescriptor4,
                firstDescriptor5,
                firstDescriptor6);
    }

    /** Whether the live figure with this code was ticked as evidence to propose. */
    public boolean proposes(String metric) {
        return evidence != null && evidence.contains(metric);
    }

    List<String> descriptors(int levels) {
        List<String> descriptors = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            descriptors.add(FormValues.text(descriptor(level)));
        }
        return descriptors;
    }

    List<String> firstDescriptors(int levels) {
        List<String> descriptors = new ArrayList<>();
        for (int level = 1; level <= levels; level++) {
            descriptors.add(FormValues.text(firstDescriptor(level)));
        }
        return descriptors;
    }

    private static @Nullable String pick(int level, @Nullable String... byLevel) {
        return level >= 1 && level <= byLevel.length ? byLevel[level - 1] : null;
    }
}
