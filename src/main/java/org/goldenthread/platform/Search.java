package org.goldenthread.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What someone typed in a list's search box. It finds a row when the row's texts, one after another
 * with a space between, contain it, whatever the case; nothing typed finds every row.
 */
public record Search(String words) {

    public static Search of(@Nullable String typed) {
        return new Search(typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT));
    }

    public boolean finds(@Nullable String... texts) {
        return words.isEmpty()
                || Arrays.stream(texts)
                        .filter(Objects::nonNull)
                        .collect(Collectors.joining(" "))
                        .toLowerCase(Locale.ROOT)
                        .contains(words);
    }
}
