package org.goldenthread.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One page of a long list, so that a page stays a few hundred elements on a phone: its rows, which
 * page it is of how many, and links to its neighbours that keep the list's filters (shown with the
 * NHS.UK numbered pagination, platform/fragments :: pagination).
 *
 * @param rows the rows of this page
 * @param number this page, from 1
 * @param pages how many pages the whole list makes (at least 1)
 * @param total rows in the whole list
 * @param first the position in the whole list of this page's first row, from 1 (0 when there are none)
 * @param previous the address of the page before, if any
 * @param next the address of the page after, if any
 * @param links the numbered links: the first and last pages and those next to this one, with a gap
 *     ({@link Link#gap()}) for the pages left out
 */
public record ListPage<T>(
        List<T> rows,
        int number,
        int pages,
        int total,
        int first,
        @Nullable String previous,
        @Nullable String next,
        List<Link> links) {

    /** A numbered link; number 0 stands for the pages left out between two links. */
    public record Link(int number, String href, boolean current) {

        public boolean gap() {
            return number == 0;
        }
    }

    /**
     * The page numbered {@code requested} of {@code all}, {@code size} rows to a page. A number past
     * the last page shows the last (the list may have shrunk since the link was made), one below 1
     * the first. Links go to {@code path} with the non-blank {@code filters} and the page number.
     */
    public static <T> ListPage<T> of(
            List<T> all, int requested, int size, String path, Map<String, @Nullable String> filters) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int number = Math.min(Math.max(requested, 1), pages);
        int from = (number - 1) * size;
        List<T> rows = all.subList(from, Math.min(from + size, all.size()));
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                kept.put(name, value);
            }
        });
        List<Link> links = new ArrayList<>();
        int shown = 0;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - number) <= 1) {
                if (shown != 0 && n > shown + 1) {
                    links.add(new Link(0, "", false));
                }
                links.add(new Link(n, href(path, kept, n), n == number));
                shown = n;
            }
        }
        return new ListPage<>(
                List.copyOf(rows),
                number,
                pages,
                all.size(),
                rows.isEmpty() ? 0 : from + 1,
                number > 1 ? href(path, kept, number - 1) : null,
                number < pages ? href(path, kept, number + 1) : null,
                pages > 1 ? List.copyOf(links) : List.of());
    }

    /** The position in the whole list of this page's last row (0 when there are none). */
    public int last() {
        return rows.isEmpty() ? 0 : first + rows.size() - 1;
    }

    private static String href(String path, Map<String, String> filters, int page) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        if (page > 1) {
            query.put("page", String.valueOf(page));
        }
        return query.isEmpty()
                ? path
                : path + "?"
                        + query.entrySet().stream()
                                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
