package org.goldenthread.assessment;

import java.util.ArrayList;
import java.util.List;
import org.goldenthread.platform.FormValues;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The fields of both forms on a framework's page: adding or changing an indicator, and adding a
 * principle with its first indicator. A post fills those of its own form.
 */
record FrameworkForm(
        String principle,
        @BindParam("indicator_code") String indicatorCode,
        @BindParam("indicator_text") String indicatorText,
        String descriptor1,
        String descriptor2,
        String descriptor3,
        String descriptor4,
        String descriptor5,
        String descriptor6,
        List<String> evidence,
        String code,
        String group,
        String title,
        String description,
        @BindParam("first_indicator_code") String firstIndicatorCode,
        @BindParam("first_indicator_text") String firstIndicatorText,
        @BindParam("first_descriptor1") String firstDescriptor1,
        @BindParam("first_descriptor2") String firstDescriptor2,
        @BindParam("first_descriptor3") String firstDescriptor3,
        @BindParam("first_descriptor4") String firstDescriptor4,
        @BindParam("first_descriptor5") String firstDescriptor5,
        @BindParam("first_descriptor6") String firstDescriptor6) {

    static FrameworkForm empty() {
        return new FrameworkForm(
                null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** What the indicator looks like at a level, 1 to 6, as entered. */
    public String descriptor(int level) {
        return pick(level, descriptor1, descriptor2, descriptor3, descriptor4, descriptor5, descriptor6);
    }

    /** What the new principle's first indicator looks like at a level, 1 to 6, as entered. */
    public String firstDescriptor(int level) {
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

    private static String pick(int level, String... byLevel) {
        return level >= 1 && level <= byLevel.length ? byLevel[level - 1] : null;
    }
}
