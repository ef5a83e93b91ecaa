package org.goldenthread.platform;

import java.util.Arrays;
import java.util.List;

/** One option of a select list or radio group on a page. */
public record Choice(String code, String label) {

    public static <E extends Enum<E> & Coded> List<Choice> of(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> new Choice(e.code(), e.label()))
                .toList();
    }
}
