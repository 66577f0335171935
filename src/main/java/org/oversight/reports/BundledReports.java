package org.oversight.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start, imports the published Ofsted reports and letters shipped in {@code data/} (66 reports of 22 LAs and 10
 * letters), after the national dataset: their activities, already recorded from the dataset, gain the PDF itself, and
 * the letters add visits the dataset does not hold. Documents already stored are skipped by their checksum without
 * being read again, so later starts cost almost nothing.
 */
@Component
@Order(40)
class BundledReports implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BundledReports.class);

    private final ReportImporter importer;
    private final DocumentStore documents;
    private final boolean enabled;
    private final List<String> folders;

    BundledReports(ReportImporter importer, DocumentStore documents,
                   @Value("${oversight.reports.import-on-start:true}") boolean enabled,
                   @Value("${oversight.reports.bundled:data/ofsted-reports,data/ofsted-letters}") List<String> folders) {
        this.importer = importer;
        this.documents = documents;
        this.enabled = enabled;
        this.folders = folders;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        List<String> present = folders.stream().filter(f -> Files.isDirectory(Path.of(f))).toList();
        if (present.isEmpty()) {
            log.info("No bundled Ofsted documents found in {} (run from the project folder to import them)", folders);
            return;
        }
        Map<ReportImporter.Outcome, Integer> counts = new EnumMap<>(ReportImporter.Outcome.class);
        for (Path file : ReportFiles.collect(present).files()) {
            if (!file.getFileName().toString().toLowerCase().endsWith(".pdf")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (documents.exists(DocumentStore.sha256(bytes))) {
                counts.merge(ReportImporter.Outcome.UNCHANGED, 1, Integer::sum);
                continue;
            }
            ReportImporter.FileResult result = importer.importDocument(file.getFileName().toString(), bytes,
                    ReportImporter.Scope.national("bundled-data"));
            counts.merge(result.outcome(), 1, Integer::sum);
            if (result.outcome() == ReportImporter.Outcome.FAILED) {
                log.info("Bundled document {} not imported: {}", file, result.detail());
            }
        }
        log.info("Bundled Ofsted documents: {}", counts);
    }
}
