package org.oversight.shared.web;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.oversight.shared.problem.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationTest {

    private static final List<Integer> SIZES = List.of(25, 50);

    private static String links(Pagination p) {
        return String.join(" ", p.items().stream().map(i -> i.gap() ? "…" : i.current() ? "[" + i.number() + "]" : String.valueOf(i.number())).toList());
    }

    @Test
    void pagesShowTheirRowsAndLinksWithGaps() {
        Pagination first = Pagination.of(null, null, 153, 25, SIZES);
        assertThat(first.pages()).isEqualTo(7);
        assertThat(first.from()).isEqualTo(1);
        assertThat(first.to()).isEqualTo(25);
        assertThat(links(first)).isEqualTo("[1] 2 … 7");
        assertThat(links(Pagination.of("4", "25", 153, 25, SIZES))).as("a gap of one page shows its number").isEqualTo("1 2 3 [4] 5 6 7");
        assertThat(links(Pagination.of("5", "25", 153, 25, SIZES))).isEqualTo("1 … 4 [5] 6 7");
        assertThat(links(Pagination.of("10", "25", 500, 25, SIZES))).isEqualTo("1 … 9 [10] 11 … 20");
        assertThat(links(Pagination.of("3", "25", 153, 25, SIZES))).isEqualTo("1 2 [3] 4 … 7");
        assertThat(links(Pagination.of("7", "25", 153, 25, SIZES))).isEqualTo("1 … 6 [7]");
        Pagination last = Pagination.of("7", null, 153, 25, SIZES);
        assertThat(last.from()).isEqualTo(151);
        assertThat(last.to()).isEqualTo(153);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.slice(IntStream.rangeClosed(1, 153).boxed().toList())).containsExactly(151, 152, 153);
        Pagination all = Pagination.of(null, "ALL", 153, 25, SIZES);
        assertThat(all.paged()).isFalse();
        assertThat(all.sizeParam()).isEqualTo("all");
        assertThat(all.slice(IntStream.rangeClosed(1, 153).boxed().toList())).hasSize(153);
        Pagination empty = Pagination.of("1", null, 0, 25, SIZES);
        assertThat(empty.from()).isZero();
        assertThat(empty.slice(List.of())).isEmpty();
        assertThat(empty.paged()).isFalse();
    }

    @Test
    void aPageOrSizeThatIsNotOneIsRefusedInWords() {
        assertThatThrownBy(() -> Pagination.of("8", null, 153, 25, SIZES)).isInstanceOf(InvalidInputException.class)
                .hasMessage("page: '8' is not a page of this list: give a whole number from 1 to 7");
        assertThatThrownBy(() -> Pagination.of("-1", null, 153, 25, SIZES)).hasMessageContaining("from 1 to 7");
        assertThatThrownBy(() -> Pagination.of("1.5", null, 153, 25, SIZES)).hasMessageContaining("not a page");
        assertThatThrownBy(() -> Pagination.of(null, "10", 153, 25, SIZES)).hasMessage("size: '10' is not a page size: give 25, 50 or all");
        assertThatThrownBy(() -> Pagination.of("2", "all", 153, 25, SIZES)).hasMessageContaining("from 1 to 1");
    }
}
