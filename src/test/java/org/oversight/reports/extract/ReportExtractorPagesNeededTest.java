package org.oversight.reports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The extractor reads only the pages a report's values are on (the first pages, more while the improvement list
 * runs on, an SIF report's last pages for its lead inspector). Every real report and letter in {@code data/} must give
 * exactly the values a read of every page gives.
 */
class ReportExtractorPagesNeededTest {

    @Test
    void readingOnlyThePagesNeededGivesTheSameValuesAsReadingEveryPage() throws IOException {
        List<Path> files;
        try (Stream<Path> reports = Files.list(TestData.dir("ofsted-reports"));
             Stream<Path> letters = Files.list(TestData.dir("ofsted-letters"))) {
            files = Stream.concat(reports, letters).filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(76);
        ReportExtractor staged = new ReportExtractor();
        ReportExtractor everyPage = ReportExtractor.readingEveryPage();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(staged.extract(file.getFileName().toString(), bytes)).as(file.toString())
                    .isEqualTo(everyPage.extract(file.getFileName().toString(), bytes));
        }
    }
}
