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
abstract class ImportJourneyCommand implements org.oversight.shared.cli.CliCommand {

    /** {@code import-cin}. */
    @org.springframework.stereotype.Component
    static final class Cin extends ImportJourneyCommand {
        Cin(JourneyImporter importer) {
            super("import-cin", "--la URN [--accept-good-rows] FILE", ".xml",
                    "Import a CIN census XML file into the LA's store (contacts to child protection) as a new snapshot of its collection year, after "
                            + "checking it against DfE's 109 CIN rules; --accept-good-rows leaves out the children with errors instead of storing nothing",
                    (urn, year, files, mode) -> importer.importCinCensus(urn, files, mode, true, () -> { }));
        }
    }

    /** {@code import-ssd}. */
    @org.springframework.stereotype.Component
    static final class Ssd extends ImportJourneyCommand {
        Ssd(JourneyImporter importer) {
            super("import-ssd", "--la URN [--year YYYY] [--accept-good-rows] FOLDER|ZIP|FILES...", ".csv",
                    "Import a Standard Safeguarding Dataset extract (CSV files named by SSD table, e.g. ssd_person.csv, or a ZIP of them) into the LA's "
                            + "store as a new snapshot; tables and columns Oversight does not store are reported and skipped",
                    (urn, year, files, mode) -> importer.importSsd(urn, year, files, mode, true, () -> { }));
        }
    }

    /** {@code import-annex-a}. */
    @org.springframework.stereotype.Component
    static final class AnnexA extends ImportJourneyCommand {
        AnnexA(JourneyImporter importer) {
            super("import-annex-a", "--la URN [--accept-good-rows] FILE.xlsx", ".xlsx",
                    "Import Annex A lists 1 to 7 (contacts to child protection plans) from Ofsted's workbook into the LA's store as a new snapshot; "
                            + "lists 8 and 9 come in with import-903",
                    (urn, year, files, mode) -> importer.importAnnexA(urn, files, mode, true, () -> { }));
        }
    }

    /** One of the three imports, given the LA, the collection start year (used by import-ssd), the files and the mode. */
    @FunctionalInterface
    interface Import {
        ChildDataImporter.Outcome run(int urn, int year, List<ImportFile> files, ChildDataImporter.Mode mode) throws Exception;
    }

    private final String name;
    private final String usage;
    private final String extension;
    private final String description;
    private final Import importer;

    ImportJourneyCommand(String name, String usage, String extension, String description, Import importer) {
        this.name = name;
        this.usage = usage;
        this.extension = extension;
        this.description = description;
        this.importer = importer;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return usage;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
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
        if (urn == null || paths.isEmpty()) {
            err.println("Usage: bin/oversight " + name + " " + usage);
            return 1;
        }
        List<ImportFile> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension))
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
            outcome = importer.run(urn, year, files, mode);
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
