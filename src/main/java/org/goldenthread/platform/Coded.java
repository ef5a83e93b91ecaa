package org.goldenthread.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A closed list of values known by a short code in files and the API and by a label on pages
 * (sectors, levels, seat types, …).
 */
public interface Coded {

    String code();

    String label();

    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim();
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(wanted)).findFirst();
    }

    /** The codes as a phrase for error messages: "a, b or c". */
    static <E extends Enum<E> & Coded> String choices(Class<E> type) {
        List<String> codes = Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
        return codes.size() == 1 ? codes.get(0)
                : String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }
}
