package org.oversight.reports.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

import org.oversight.shared.cli.CliCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.oversight.reports.ReportImporter;
import org.oversight.reports.ReportSync;
import org.oversight.reports.DocumentCheck;
import org.oversight.reports.ReportFiles;

/** The report commands of {@code bin/oversight}. */
@Configuration(proxyBeanMethods = false)
class ReportCommands {

    @Bean
    CliCommand extractReportsCommand() {
        return new Delegating("extract-reports", "PATH...",
                "Read Ofsted report/letter PDFs (or .txt) and print one CSV row each; unreadable files on stderr (exit 2)");
    }

    @Bean
    CliCommand benchImportCommand() {
        return new Delegating("bench-import", "DIR",
                "Benchmark: extract every PDF in DIR on all cores; files/s and the ratio to pdftotext in the same run");
    }

    @Bean
    CliCommand buildNationalDatasetCommand() {
        return new Delegating("build-national-dataset", "CORPUS OUT_DIR [--links FILE] [--source TEXT]",
                "Read every report of a scrape-tool corpus and write the national dataset (CSV and manifest) to OUT_DIR");
    }

    @Bean
    CliCommand importReportsCommand(ReportImporter importer) {
        return new CliCommand() {
            @Override
            public String name() {
                return "import-reports";
            }

            @Override
            public String usage() {
                return "PATH...";
            }

            @Override
            public String description() {
                return "Import Ofsted reports/letters as inspection activities of their LAs (one transaction per file)";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
                ReportFiles.Found found = ReportFiles.collect(args);
                found.missing().forEach(m -> err.println(m + ": no such file or folder"));
                int failed = found.missing().size();
                for (var file : found.files()) {
                    ReportImporter.FileResult r = importer.importDocument(file.toString(), Files.readAllBytes(file),
                            ReportImporter.Scope.national("cli"));
                    if (r.outcome() == ReportImporter.Outcome.FAILED) {
                        failed++;
                        err.println(file + ": " + r.detail());
                    } else {
                        out.println(file + ": " + r.outcome().name().toLowerCase() + " (" + r.laName() + "): " + r.detail());
                        r.warnings().forEach(w -> err.println(file + ": warning: " + w));
                    }
                }
                out.printf("%d files, %d failed%n", found.files().size(), failed);
                return failed == 0 ? 0 : 2;
            }
        };
    }

    @Bean
    CliCommand syncReportsCommand(ReportSync sync) {
        return new CliCommand() {
            @Override
            public String name() {
                return "sync-reports";
            }

            @Override
            public String usage() {
                return "[--base-url URL]";
            }

            @Override
            public String description() {
                return "Find reports and letters Ofsted published since the last run, download and import them (safe every night; "
                        + "exit 2 if a page or download failed)";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
                String base = null;
                for (int i = 0; i < args.size(); i++) {
                    if (args.get(i).equals("--base-url") && i + 1 < args.size()) {
                        base = args.get(++i);
                    } else {
                        err.println("Usage: bin/oversight sync-reports [--base-url URL]");
                        return 1;
                    }
                }
                ReportSync.Run run = sync.run(base, out::println);
                run.problems().forEach(p -> err.println("problem: " + p));
                out.printf("%s: %d pages read, %d report links, %d followed, %d new reports, %d problems%n", run.baseUrl(),
                        run.pagesRead(), run.linksSeen(), run.followed().size(), run.newReports(), run.problems().size());
                return run.problems().isEmpty() ? 0 : 2;
            }
        };
    }

    @Bean
    CliCommand checkDocumentsCommand(DocumentCheck check) {
        return new CliCommand() {
            @Override
            public String name() {
                return "check-documents";
            }

            @Override
            public String usage() {
                return "";
            }

            @Override
            public String description() {
                return "Check every stored document is whole and fully recorded (after a crash or a restore); exit 2 if not";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                DocumentCheck.Result result = check.run();
                result.problems().forEach(err::println);
                out.printf("%d documents, %d activities read from them, %d problems%n", result.documents(), result.activities(),
                        result.problems().size());
                return result.whole() ? 0 : 2;
            }
        };
    }

    /** Listed by help; run by {@link ReportsCli} from main without starting the database. */
    private record Delegating(String name, String usage, String description) implements CliCommand {
        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            return ReportsCli.run(name, args, out, err);
        }
    }
}
