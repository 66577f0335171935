package org.oversight.childdata.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.oversight.childdata.ssd.CscPayloadImporter;
import org.oversight.childdata.ssd.CscPayloadReceipts;
import org.oversight.shared.cli.CliCommand;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.upload.UploadLimits;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight import-payload --la URN FILE.json}: a DfE children's social care API payload applied to the LA's
 * current journey snapshot, as the API does, in one transaction; each problem printed with its child and JSON path. Recorded
 * in the LA's payload history either way (sent by "command line").
 */
@Component
class ImportPayloadCommand implements CliCommand {

    private final CscPayloadReceipts receipts;
    private final UploadLimits limits;

    ImportPayloadCommand(CscPayloadReceipts receipts, UploadLimits limits) {
        this.receipts = receipts;
        this.limits = limits;
    }

    @Override
    public String name() {
        return "import-payload";
    }

    @Override
    public String usage() {
        return "--la URN FILE.json";
    }

    @Override
    public String description() {
        return "Apply a DfE children's social care API payload (JSON, full or partial, with purge flags) to the LA's current journey snapshot, "
                + "as POST /api/v1/local-authorities/{urn}/children does";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Integer urn = null;
        Path file = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--la")) {
                    urn = Integer.valueOf(args.get(++i));
                } else {
                    file = Path.of(args.get(i));
                }
            }
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            urn = null;
        }
        if (urn == null || file == null) {
            err.println("Usage: bin/oversight import-payload " + usage());
            return 1;
        }
        if (!Files.isRegularFile(file)) {
            err.println(file + ": no such file");
            return 2;
        }
        long max = limits.maxJsonBody().toBytes();
        if (Files.size(file) > max) {
            err.println(file + ": the payload is larger than " + UploadLimits.words(max) + " (limit: oversight.imports.max-json-body); send it in parts");
            out.println("Nothing stored");
            return 2;
        }
        byte[] body = Files.readAllBytes(file);
        CscPayloadReceipts.Outcome outcome;
        try {
            outcome = receipts.receive(urn, body, CscPayloadReceipts.Channel.COMMAND_LINE, file.getFileName().toString());
        } catch (NotFoundException e) {
            err.println(e.getMessage());
            out.println("Nothing stored");
            return 2;
        }
        CscPayloadReceipts.Receipt r = outcome.receipt();
        if (outcome.accepted()) {
            CscPayloadImporter.Summary s = outcome.summary();
            out.println("Stored in snapshot " + s.snapshotId() + " (" + s.collectionYear() + (s.snapshotCreated() ? ", made for it" : "") + "): "
                    + s.words() + (s.notStored().isEmpty() ? "" : "; read but not stored: " + s.notStored()) + "; recorded as payload " + r.id());
            return 0;
        }
        if (outcome.problems().isEmpty()) {
            err.println(r.refusal());
            out.println("Nothing stored; recorded as payload " + r.id());
            return 2;
        }
        for (var p : outcome.problems()) {
            err.println(file.getFileName() + " " + p.path() + ": " + p.message());
        }
        out.println("Nothing stored: " + outcome.problems().size() + (outcome.problems().size() == 1 ? " problem" : " problems")
                + "; recorded as payload " + r.id());
        return 2;
    }
}
