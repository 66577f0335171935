package org.oversight.inspection;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The register of 153 LAs against the real database: sorted by each column, paged, filtered, and bad parameters refused in words. */
class RegisterPagesIT extends HttpTest {

    private Document page(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    private List<String> names(Document page) {
        return page.select("#register-table tbody tr td:first-child a").eachText();
    }

    @Test
    void theRegisterPagesThroughAll153InPagesOf25() {
        Document first = page("/local-authorities");
        assertThat(first.getElementById("result-count").text()).isEqualTo("153 local authorities");
        assertThat(first.getElementById("showing").text()).isEqualTo("Showing 1 to 25 of 153");
        assertThat(names(first)).hasSize(25);
        assertThat(first.select("#pagination .govuk-pagination__item--current a").attr("aria-current")).isEqualTo("page");
        assertThat(first.select("#pagination .govuk-pagination__item a").eachText()).containsExactly("1", "2", "7");
        assertThat(first.getElementById("pagination-prev")).isNull();

        Document last = page(first.getElementById("pagination").select("a[aria-label=Page 7]").attr("href"));
        assertThat(last.getElementById("showing").text()).isEqualTo("Showing 151 to 153 of 153");
        assertThat(names(last)).hasSize(3);
        assertThat(last.getElementById("pagination-next")).isNull();

        // Every LA appears once across the seven pages, in name order.
        List<String> all = new java.util.ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            all.addAll(names(page("/local-authorities?page=" + n)));
        }
        assertThat(all).hasSize(153).doesNotHaveDuplicates();
        assertThat(all).isSortedAccordingTo(java.util.Comparator.comparing(s -> s.toLowerCase(java.util.Locale.UK)));

        Document everything = page("/local-authorities?size=all");
        assertThat(names(everything)).isEqualTo(all);
        assertThat(everything.getElementById("pagination")).isNull();
        assertThat(names(page("/local-authorities?size=50&page=4"))).hasSize(3);
    }

    @Test
    void eachColumnSortsAndThePageLinksKeepTheOrderAndFilters() {
        Document byDate = page("/local-authorities?sort=inspected&order=desc&size=all");
        assertThat(byDate.select("th[aria-sort=descending]").text()).startsWith("Inspection started");
        assertThat(byDate.select("th[aria-sort=none]")).hasSize(4);
        List<String> dates = byDate.select("#register-table tbody tr td:nth-child(5)").eachText();
        var format = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);
        List<java.time.LocalDate> started = dates.stream().filter(d -> !d.isEmpty()).map(d -> java.time.LocalDate.parse(d, format)).toList();
        assertThat(started).as("the column's order reversed: oldest first").hasSizeGreaterThan(100).isSorted();
        assertThat(dates.subList(0, started.size())).as("LAs never inspected come last").doesNotContain("");

        Document byCode = page("/local-authorities?sort=codes&size=all");
        List<Integer> codes = byCode.select("#register-table tbody tr td:nth-child(2)").eachText().stream()
                .map(t -> Integer.parseInt(t.substring(0, t.indexOf(' ')))).toList();
        assertThat(codes).hasSize(153).isSorted();

        Document byRegion = page("/local-authorities?sort=region&order=desc");
        List<String> regions = byRegion.select("#register-table tbody tr td:nth-child(3)").eachText();
        assertThat(regions).hasSize(25).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(regions.getFirst()).isEqualTo("Yorkshire and the Humber");
        String next = byRegion.getElementById("pagination-next").attr("href");
        assertThat(next).contains("sort=region").contains("order=desc").contains("size=25").contains("page=2");
        assertThat(byRegion.getElementById("sort-region").attr("href")).contains("order=asc");
        assertThat(byRegion.select("form.app-filter input[name=sort]").val()).isEqualTo("region");

        Document london = page("/local-authorities?region=GL&sort=name&order=desc");
        assertThat(london.getElementById("result-count").text()).isEqualTo("33 local authorities");
        assertThat(names(london).getFirst()).isEqualTo("Westminster");
        assertThat(london.getElementById("pagination-next").attr("href")).contains("region=GL");
        assertThat(london.getElementById("csv-link").attr("href")).contains("region=GL").doesNotContain("page");
    }

    @Test
    void theCsvKeepsTheWholeFilteredListWhateverThePage() {
        String csv = http.get("/local-authorities.csv?region=GL").body();
        assertThat(csv.lines().count()).isEqualTo(34);
        assertThat(http.get("/local-authorities.csv").body().lines().count()).isEqualTo(154);
    }

    @Test
    void anEmptyResultSaysSoWithoutATableOrACsvLink() {
        Document none = page("/local-authorities?q=Atlantis");
        assertThat(none.getElementById("no-results").text()).startsWith("No local authority matches");
        assertThat(none.getElementById("register-table")).isNull();
        assertThat(none.getElementById("csv-link")).isNull();
        assertThat(none.getElementById("pagination")).isNull();
    }

    @Test
    void badSortPageAndFilterParametersAreRefusedInWords() {
        assertRefused("/local-authorities?sort=urn_desc", "is not a column the register sorts by");
        assertRefused("/local-authorities?order=sideways", "give asc or desc");
        assertRefused("/local-authorities?page=0", "give a whole number from 1 to 7");
        assertRefused("/local-authorities?page=8", "give a whole number from 1 to 7");
        assertRefused("/local-authorities?page=two", "not a page of this list");
        assertRefused("/local-authorities?page=99999999999999999999", "not a page of this list");
        assertRefused("/local-authorities?size=1000", "give 25, 50 or all");
        assertRefused("/local-authorities?region=MARS", "is not a region");
        assertRefused("/local-authorities?judgement=SUPERB", "is not a judgement");
        assertRefused("/local-authorities.csv?judgement=SUPERB", "is not a judgement");
        assertThat(http.get("/local-authorities?region=GL&page=2").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities?region=GL&page=3").status()).isEqualTo(400);
    }

    private void assertRefused(String path, String words) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).text()).as(path).contains(words);
    }
}
