package org.oversight.reports;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.oversight.reports.national.NationalDataset;
import org.oversight.reports.national.NationalDataset.DatasetException;
import org.oversight.shared.cli.CliCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled national dataset on start, after the register and the demo activities and before the bundled PDFs
 * (which then link their documents to the activities the dataset made): the first start gives every LA its published
 * history; later starts check the file and find it already loaded. A damaged dataset is refused with its reason in the
 * log and nothing of it is stored; Oversight still starts. Also {@code bin/oversight load-national-dataset [DIR]}.
 */
@Component
@Order(38)
class NationalDatasetStartup implements ApplicationRunner, CliCommand {

    private static final Logger log = LoggerFactory.getLogger(NationalDatasetStartup.class);

    private final NationalDatasetLoader loader;
    private final boolean enabled;

    NationalDatasetStartup(NationalDatasetLoader loader,
                           @Value("${oversight.reports.national-dataset-on-start:true}") boolean enabled) {
        this.loader = loader;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        try {
            if (loader.loadBundled().isEmpty()) {
                log.info("No national dataset in this build ({}{})", NationalDatasetLoader.RESOURCE_DIR, NationalDataset.CSV_FILE);
            }
        } catch (DatasetException e) {
            log.error("The bundled national dataset was refused and nothing of it is stored: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("The bundled national dataset could not be stored; nothing of it is stored", e);
        }
    }

    @Override
    public String name() {
        return "load-national-dataset";
    }

    @Override
    public String usage() {
        return "[DIR]";
    }

    @Override
    public String description() {
        return "Check and load the national dataset (" + NationalDataset.CSV_FILE + " and its manifest in DIR; default: the "
                + "bundled copy); one transaction, the same dataset again changes nothing";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        NationalDatasetLoader.Result result;
        try {
            if (args.isEmpty()) {
                result = loader.loadBundled().orElse(null);
                if (result == null) {
                    err.println("This build has no bundled national dataset");
                    return 2;
                }
            } else {
                Path dir = Path.of(args.getFirst());
                Path csv = dir.resolve(NationalDataset.CSV_FILE);
                Path manifest = dir.resolve(NationalDataset.MANIFEST_FILE);
                if (!Files.isRegularFile(csv) || !Files.isRegularFile(manifest)) {
                    err.println(dir + ": needs " + NationalDataset.CSV_FILE + " and " + NationalDataset.MANIFEST_FILE);
                    return 2;
                }
                try (InputStream c = Files.newInputStream(csv); InputStream m = Files.newInputStream(manifest)) {
                    result = loader.load(c, m);
                }
            }
        } catch (DatasetException e) {
            err.println(e.getMessage());
            err.println("Nothing was loaded.");
            return 2;
        }
        if (result.alreadyLoaded()) {
            out.printf("National dataset already loaded (%d reports); nothing changed%n", result.rows());
        } else {
            out.printf("National dataset: %d reports (%d recorded, %d not recorded); %d activities added, %d updated, "
                    + "%d rows unchanged; %d ms%n", result.rows(), result.recorded(), result.notRecorded(),
                    result.activitiesAdded(), result.activitiesUpdated(), result.unchangedRows(), result.millis());
        }
        return 0;
    }
}
