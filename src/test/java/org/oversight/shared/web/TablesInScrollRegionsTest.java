package org.oversight.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every table of every page template sits in a labelled, focusable scroll region ({@code app-table-wrap}), so that a
 * table wider than a 375 px screen scrolls inside its own box (WCAG 1.4.10 reflow) and a keyboard user can scroll it.
 * Read from the templates themselves: a table added later without its region fails here, before any browser test.
 */
class TablesInScrollRegionsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyTableIsInALabelledFocusableRegion() throws IOException {
        List<String> bare = new ArrayList<>();
        int tables = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                var doc = Jsoup.parse(Files.readString(file), "", Parser.xmlParser());
                for (Element table : doc.select("table")) {
                    if (table.hasAttr("th:replace")) {
                        continue; // a placeholder the fragment replaces; the fragment is checked where it is defined
                    }
                    tables++;
                    Element wrap = table.parent();
                    boolean ok = wrap != null && wrap.hasClass("app-table-wrap") && "0".equals(wrap.attr("tabindex"))
                            && "region".equals(wrap.attr("role")) && (wrap.hasAttr("aria-label") || wrap.hasAttr("aria-labelledby") || wrap.attr("th:attr").contains("aria-label"));
                    if (!ok) {
                        bare.add(TEMPLATES.relativize(file) + " table " + (table.id().isEmpty() ? table.attr("th:id") : table.id()));
                    }
                }
            }
        }
        assertThat(tables).as("tables found in the templates").isGreaterThan(50);
        assertThat(bare).as("tables not in a labelled, focusable scroll region").isEmpty();
    }
}
