package org.oversight.shared.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page that can show an error summary (the form pages, the sign-in page, an import that stored nothing) gives
 * its title the "Error: " prefix when it does (GOV.UK: a screen-reader user hears the error first). The view tests check
 * the rendered titles page by page; this keeps a new page from forgetting it.
 */
class ErrorTitlesTest {

    @Test
    void everyPageWithAnErrorSummaryPrefixesItsTitle() throws IOException {
        Path root = Path.of("src/main/resources/templates");
        List<String> missing = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        // Shared page bodies under fragments/ that show an error summary (not govuk.html, which defines it): a page built on one shows errors too.
        List<String> withSummary = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("fragments"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") && !f.getFileName().toString().equals("govuk.html")).toList()) {
                if (Files.readString(file).contains("errorSummary(")) {
                    withSummary.add("~{fragments/" + file.getFileName().toString().replace(".html", "") + " ::");
                }
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") && !f.toString().contains("fragments")).toList()) {
                String html = Files.readString(file);
                if (html.contains("errorSummary(") || html.contains("govuk-error-summary") || withSummary.stream().anyMatch(html::contains)) {
                    checked.add(root.relativize(file).toString());
                    String layout = html.substring(html.indexOf("<html"), html.indexOf('>', html.indexOf("<html")));
                    if (!layout.contains("#{error.titlePrefix}")) {
                        missing.add(root.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(checked).as("the pages with error summaries").hasSizeGreaterThan(25).contains("login.html", "audits/case.html", "childdata/ssda903-out.html");
        assertThat(missing).as("pages whose title does not start 'Error: ' when they show errors").isEmpty();
    }
}
