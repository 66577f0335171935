package org.oversight.childdata.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.oversight.childdata.ssd.CscPayloadImporter;
import org.oversight.shared.cli.CliCommand;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.upload.UploadLimits;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/oversight import-payload --la URN FILE.json}: a DfE children's social care API payload applied to the LA's
 * current journey snapshot, as the API does, in one transaction; each problem printed with its child and JSON path.
 */
@Component
class ImportPayloadCommand implements CliCommand {

    private final CscPayloadImporter importer;
    private final UploadLimits limits;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportPayloadCommand(CscPayloadImporter importer, UploadLimits limits) {
        this.importer = importer;
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
        JsonNode payload;
        try (InputStream in = Files.newInputStream(file)) {
            payload = json.readTree(in);
        } catch (JacksonException e) {
            err.println(file + ": not JSON: " + e.getOriginalMessage());
            out.println("Nothing stored");
            return 2;
        }
        try {
            CscPayloadImporter.Summary s = importer.applyAsBatch(urn, payload);
            out.println("Stored in snapshot " + s.snapshotId() + " (" + s.collectionYear() + (s.snapshotCreated() ? ", made for it" : "") + "): "
                    + s.words() + (s.notStored().isEmpty() ? "" : "; read but not stored: " + s.notStored()));
            return 0;
        } catch (CscPayloadImporter.PayloadProblems e) {
            for (var p : e.problems()) {
                err.println(file.getFileName() + " " + p.path() + ": " + p.message());
            }
            out.println("Nothing stored: " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            return 2;
        } catch (CscPayloadImporter.WrongLocalAuthority | NotFoundException e) {
            err.println(e.getMessage());
            out.println("Nothing stored");
            return 2;
        }
    }
}
