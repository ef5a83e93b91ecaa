package org.goldenthread.platform;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A closed list of values known by a short code in files and the API and by a label on pages
 * (sectors, levels, seat types, …).
 */
public interface Coded {

    String code();

    String label();

    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, @Nullable String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.code().equals(wanted))
                .findFirst();
    }

    /**
     * Each code's label, for pages to show a stored code as words: {@code ${labels[code] ?: code}} keeps
     * a code the list no longer has readable rather than blank.
     */
    static <E extends Enum<E> & Coded> Map<String, String> labels(Class<E> type) {
        Map<String, String> labels = new LinkedHashMap<>();
        Arrays.stream(type.getEnumConstants()).forEach(e -> labels.put(e.code(), e.label()));
        return labels;
    }

    /** The codes as a phrase for error messages: "a, b or c". */
    static <E extends Enum<E> & Coded> String choices(Class<E> type) {
        List<String> codes =
                Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
        return codes.size() == 1
                ? codes.get(0)
                : String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }
}
