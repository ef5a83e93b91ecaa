package org.goldenthread.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ListPageTest {

    private static final List<Integer> ROWS =
            IntStream.rangeClosed(1, 267).boxed().toList();

    @Test
    void aMiddlePageShowsItsRowsAndLinksToTheEndsAndItsNeighboursKeepingTheFilters() {
        Map<String, @Nullable String> filters = new LinkedHashMap<>();
        filters.put("q", "Reed & Cole");
        filters.put("profession", "gp");
        filters.put("place", null);

        ListPage<Integer> page = ListPage.of(ROWS, 3, 50, "/ics/QE1/people", filters);

        assertThat(page.rows()).hasSize(50).startsWith(101).endsWith(150);
        assertThat(page.first()).isEqualTo(101);
        assertThat(page.last()).isEqualTo(150);
        assertThat(page.pages()).isEqualTo(6);
        assertThat(page.total()).isEqualTo(267);
        assertThat(page.previous()).isEqualTo("/ics/QE1/people?q=Reed+%26+Cole&profession=gp&page=2");
        assertThat(page.next()).isEqualTo("/ics/QE1/people?q=Reed+%26+Cole&profession=gp&page=4");
        assertThat(page.links().stream().map(ListPage.Link::number)).containsExactly(1, 2, 3, 4, 0, 6);
        assertThat(page.links().get(0).href()).isEqualTo("/ics/QE1/people?q=Reed+%26+Cole&profession=gp");
        assertThat(page.links().stream().filter(ListPage.Link::current).map(ListPage.Link::number))
                .containsExactly(3);
        assertThat(page.links().get(4).gap()).isTrue();
    }

    @Test
    void theLastPageHoldsWhatIsLeftAndANumberPastItShowsIt() {
        ListPage<Integer> page = ListPage.of(ROWS, 99, 50, "/ics/QE1/people", Map.of());

        assertThat(page.number()).isEqualTo(6);
        assertThat(page.rows()).containsExactlyElementsOf(ROWS.subList(250, 267));
        assertThat(page.next()).isNull();
        assertThat(page.links().stream().map(ListPage.Link::number)).containsExactly(1, 0, 5, 6);
    }

    @Test
    void aShortListIsOnePageWithoutLinks() {
        ListPage<Integer> page = ListPage.of(ROWS.subList(0, 12), 0, 50, "/ics/QE1/people", Map.of());

        assertThat(page.number()).isEqualTo(1);
        assertThat(page.rows()).hasSize(12);
        assertThat(page.links()).isEmpty();
        assertThat(page.previous()).isNull();
        assertThat(page.next()).isNull();

        ListPage<Integer> none = ListPage.of(List.<Integer>of(), 1, 50, "/ics/QE1/people", Map.of());
        assertThat(none.pages()).isEqualTo(1);
        assertThat(none.first()).isZero();
        assertThat(none.last()).isZero();
    }
}
