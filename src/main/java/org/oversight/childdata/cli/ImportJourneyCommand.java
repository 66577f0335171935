package org.oversight.childdata.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.ssd.JourneyImporter;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.shared.Dates;
import org.oversight.shared.upload.UploadLimitException;

/**
 * {@code bin/oversight import-cin --la URN [--accept-good-rows] FILE} and {@code bin/oversight import-ssd --la URN [--year YYYY]
 * [--accept-good-rows] FOLDER|ZIP|FILES...} and {@code bin/oversight import-annex-a --la URN [--accept-good-rows] FILE.xlsx}: the front half of the journey into the SSD-shaped store, read under the same
 * limits as an upload, one transaction each. Every error is printed with its file, row, column, value and rule.
 */
abstract class ImportJourneyCommand {

    /** {@code import-cin}. */
    @org.springframework.stereotype.Component
    static final class Cin extends ImportJourneyCommand implements org.oversight.shared.cli.CliCommand {

        Cin(JourneyImporter importer) {
            super(importer);
        }

        @Override
        public String name() {
            return "import-cin";
        }

        @Override
        public String usage() {
            return "--la URN [--accept-good-rows] FILE";
        }

        @Override
        public String description() {
            return "Import a CIN census XML file into the LA's store (contacts to child protection) as a new snapshot of its collection year, after "
                    + "checking it against DfE's 109 CIN rules; --accept-good-rows leaves out the children with errors instead of storing nothing";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            return run(args, out, err, "cin");
        }
    }

    /** {@code import-ssd}. */
    @org.springframework.stereotype.Component
    static final class Ssd extends ImportJourneyCommand implements org.oversight.shared.cli.CliCommand {

        Ssd(JourneyImporter importer) {
            super(importer);
        }

        @Override
        public String name() {
            return "import-ssd";
        }

        @Override
        public String usage() {
            return "--la URN [--year YYYY] [--accept-good-rows] FOLDER|ZIP|FILES...";
        }

        @Override
        public String description() {
            return "Import a Standard Safeguarding Dataset extract (CSV files named by SSD table, e.g. ssd_person.csv, or a ZIP of them) into the LA's "
                    + "store as a new snapshot; tables and columns Oversight does not store are reported and skipped";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            return run(args, out, err, "ssd");
        }
    }

    /** {@code import-annex-a}. */
    @org.springframework.stereotype.Component
    static final class AnnexA extends ImportJourneyCommand implements org.oversight.shared.cli.CliCommand {

        AnnexA(JourneyImporter importer) {
            super(importer);
        }

        @Override
        public String name() {
            return "import-annex-a";
        }

        @Override
        public String usage() {
            return "--la URN [--accept-good-rows] FILE.xlsx";
        }

        @Override
        public String description() {
            return "Import Annex A lists 1 to 7 (contacts to child protection plans) from Ofsted's workbook into the LA's store as a new snapshot; "
                    + "lists 8 and 9 come in with import-903";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
            return run(args, out, err, "annex-a");
        }
    }

    private final JourneyImporter importer;

    ImportJourneyCommand(JourneyImporter importer) {
        this.importer = importer;
    }

    int run(List<String> args, PrintStream out, PrintStream err, String what) throws Exception {
        boolean ssd = what.equals("ssd");
        Integer urn = null;
        LocalDate today = LocalDate.now(Dates.LONDON);
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        boolean acceptGood = false;
        List<Path> paths = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--la" -> urn = Integer.valueOf(args.get(++i));
                    case "--year" -> year = Integer.parseInt(args.get(++i));
                    case "--accept-good-rows" -> acceptGood = true;
                    default -> paths.add(Path.of(a));
                }
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            urn = null;
        }
        String usage = ssd ? "import-ssd --la URN [--year YYYY] [--accept-good-rows] FOLDER|ZIP|FILES..."
                : what.equals("cin") ? "import-cin --la URN [--accept-good-rows] FILE" : "import-annex-a --la URN [--accept-good-rows] FILE.xlsx";
        if (urn == null || paths.isEmpty()) {
            err.println("Usage: bin/oversight " + usage);
            return 1;
        }
        List<ImportFile> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ssd ? ".csv" : what.equals("cin") ? ".xml" : ".xlsx"))
                            .sorted().map(ImportFile::of).forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(ImportFile.of(p));
            } else {
                err.println(p + ": no such file or folder");
                return 2;
            }
        }
        ChildDataImporter.Mode mode = acceptGood ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR;
        ChildDataImporter.Outcome outcome;
        long started = System.nanoTime();
        try {
            outcome = ssd ? importer.importSsd(urn, year, files, mode, true, () -> { })
                    : what.equals("cin") ? importer.importCinCensus(urn, files, mode, true, () -> { })
                    : importer.importAnnexA(urn, files, mode, true, () -> { });
        } catch (UploadLimitException e) {
            err.println(e.getMessage() + (e.setting() == null ? "" : " (limit: " + e.setting() + ")"));
            out.println("Nothing stored");
            return 2;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (ValidationError e : outcome.errors()) {
            err.println(e.file() + (e.row() > 0 ? " row " + e.row() : "") + (e.column().isEmpty() ? "" : ", column " + e.column())
                    + (e.value().isEmpty() ? "" : ", value '" + e.value() + "'") + ": " + e.ruleCode() + " " + e.message());
        }
        if (outcome.stored()) {
            out.printf(Locale.ROOT, "Stored snapshot %s: %d records stored, %d left out, %d errors and notes, in %.1f s (%.0f records/s)%n",
                    outcome.snapshotId(), outcome.accepted(), outcome.rejected(), outcome.errorCount(), seconds, outcome.accepted() / Math.max(seconds, 1e-9));
            return 0;
        }
        out.printf("Nothing stored: %d errors and notes%s%n", outcome.errorCount(), acceptGood ? "" : " (use --accept-good-rows to store the rest)");
        return 2;
    }
}
