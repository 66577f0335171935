package org.oversight.childdata.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.shared.cli.CliCommand;
import org.oversight.shared.upload.UploadLimitException;
import org.springframework.stereotype.Component;
import org.oversight.childdata.ChildDataImporter;
import org.oversight.childdata.ImportFile;

/**
 * {@code bin/oversight import-903 --la URN [--year 2026] [--accept-good-rows] [--partial] [--confirm-drop] FILES...}: imports
 * SSDA903 CSV tables as a new snapshot, reading the files as streams under the same limits as an upload. Every error is
 * printed with its file, row, column, value and rule; without {@code --accept-good-rows} a return with errors is
 * rejected whole; {@code --partial} and {@code --confirm-drop} as the upload page's partial update and confirmation.
 */
@Component
class Import903Command implements CliCommand {

    private final ChildDataImporter importer;

    Import903Command(ChildDataImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "import-903";
    }

    @Override
    public String usage() {
        return "--la URN [--year YYYY] [--accept-good-rows] [--partial] [--confirm-drop] FILES...";
    }

    @Override
    public String description() {
        return "Import SSDA903 CSV tables (header, episodes, reviews, OC2, OC3, missing, UASC, ...; checked against every DfE rule of the year) and an Annex A workbook (lists 8 and 9, .xlsx) as new "
                + "snapshots of the LA's data; --partial replaces only the tables given and keeps the rest of the current data; --confirm-drop "
                + "stores a return that has many fewer children than the current data";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Integer urn = null;
        int year = java.time.LocalDate.now().getMonthValue() >= 4 ? java.time.LocalDate.now().getYear() : java.time.LocalDate.now().getYear() - 1;
        boolean acceptGood = false;
        boolean partial = false;
        boolean confirmDrop = false;
        List<Path> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--la" -> urn = Integer.valueOf(args.get(++i));
                    case "--year" -> year = Integer.parseInt(args.get(++i));
                    case "--accept-good-rows" -> acceptGood = true;
                    case "--partial" -> partial = true;
                    case "--confirm-drop" -> confirmDrop = true;
                    default -> files.add(Path.of(a));
                }
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            urn = null;
        }
        if (urn == null || files.isEmpty()) {
            err.println("Usage: bin/oversight import-903 " + usage());
            return 1;
        }
        List<ImportFile> contents = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                contents.addAll(ChildDataImporter.folder(f));
            } else if (Files.isRegularFile(f)) {
                contents.add(ImportFile.of(f));
            } else {
                err.println(f + ": no such file or folder");
                return 2;
            }
        }
        ChildDataImporter.Outcome outcome;
        try {
            outcome = importer.importReturn(urn, year, contents, new ChildDataImporter.Options(
                    acceptGood ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, partial, confirmDrop), true, () -> { });
        } catch (UploadLimitException e) {
            err.println(e.getMessage() + (e.setting() == null ? "" : " (limit: " + e.setting() + ")"));
            out.println("Nothing stored");
            return 2;
        }
        for (ValidationError e : outcome.errors()) {
            err.println(e.file() + " row " + e.row() + (e.column() == null ? "" : ", column " + e.column())
                    + (e.value() == null ? "" : ", value '" + e.value() + "'") + ": " + e.ruleCode() + (e.query() ? " (query)" : "")
                    + " " + e.message());
        }
        if (outcome.stored()) {
            out.printf("Stored snapshot %s: %d rows accepted, %d rejected, %d errors%n", outcome.snapshotId(), outcome.accepted(),
                    outcome.rejected(), outcome.errorCount());
            return outcome.errorCount() == 0 ? 0 : 2;
        }
        if (outcome.needsConfirmation()) {
            out.println("Nothing stored: " + outcome.confirmation().replace("confirm it", "run again with --confirm-drop"));
            return 2;
        }
        out.printf("Nothing stored: %d errors (use --accept-good-rows to store the rows without errors)%n", outcome.errorCount());
        return 2;
    }
}
