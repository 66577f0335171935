package org.oversight;

import java.util.Arrays;

import org.oversight.childdata.cli.GenerateDataCommand;
import org.oversight.childdata.cin.CinCli;
import org.oversight.reports.cli.ReportsCli;
import org.oversight.shared.db.DatabaseCheckCommand;
import org.oversight.shared.db.DatabaseSettings;
import org.oversight.shared.db.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.StandardEnvironment;

/**
 * Oversight: Ofsted ILACS readiness, inspection history and improvement tracking.
 *
 * <p>Started with no arguments it serves the web application. Started as {@code cli <command> ...}
 * (what {@code bin/oversight} does) it runs one batch command and exits with its status.
 * Without {@code SPRING_DATASOURCE_URL} it starts an embedded PostgreSQL on a persistent data directory.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OversightApplication {

    public static void main(String[] args) throws Exception {
        boolean cli = args.length > 0 && args[0].equals("cli");
        if (cli) {
            // Batch commands keep stdout for their results; logs (from the first line on) go to stderr.
            System.setProperty("logback.configurationFile", "logback-cli.xml");
        }
        if (cli && args.length > 1 && ReportsCli.handles(args[1])) {
            // Reading documents needs no database: start nothing else.
            System.exit(ReportsCli.run(args[1], Arrays.asList(args).subList(2, args.length), System.out, System.err));
        }
        if (cli && args.length > 1 && CinCli.handles(args[1])) {
            // Reading, checking or writing CIN census files needs no database either.
            System.exit(CinCli.run(args[1], Arrays.asList(args).subList(2, args.length), System.out, System.err));
        }
        if (cli && args.length > 1 && args[1].equals("generate-data")) {
            System.exit(GenerateDataCommand.execute(Arrays.asList(args).subList(2, args.length), System.out, System.err));
        }
        boolean benchLoad = cli && args.length > 1 && args[1].equals("bench-load");
        if (benchLoad) {
            // The load benchmark drives the web application on a random loopback port, signing in with demo accounts.
            System.setProperty("server.port", "0");
            System.setProperty("server.address", "127.0.0.1");
            System.setProperty("oversight.demo.password", java.util.UUID.randomUUID().toString());
        }
        boolean benchDataset = cli && args.length > 1 && args[1].equals("bench-national-dataset");
        if (benchDataset) {
            // The benchmark times the first load itself, on an empty database of its own.
            System.setProperty("oversight.reports.national-dataset-on-start", "false");
            System.setProperty("oversight.reports.import-on-start", "false");
        }
        if (cli && args.length > 1 && (args[1].equals("bench-ssd") || args[1].equals("bench-protection"))) {
            // The SSD benchmarks need the register only, and time one large LA's whole extract: an upload's row cap
            // per table (oversight.imports.ssd.max-rows) could refuse its largest table, so it is lifted unless set.
            System.setProperty("oversight.reports.national-dataset-on-start", "false");
            System.setProperty("oversight.reports.import-on-start", "false");
            if (System.getenv("OVERSIGHT_IMPORTS_MAX_ROWS") == null) {
                System.setProperty("oversight.imports.max-rows", "1000000");
            }
            if (System.getenv("OVERSIGHT_IMPORTS_SSD_MAX_ROWS") == null) {
                System.setProperty("oversight.imports.ssd.max-rows", "1000000");
            }
        }
        if (benchLoad) {
            // The load benchmark gives City of London the largest LA's volume of whole-journey data: lifted as above.
            if (System.getenv("OVERSIGHT_IMPORTS_MAX_ROWS") == null) {
                System.setProperty("oversight.imports.max-rows", "1000000");
            }
            if (System.getenv("OVERSIGHT_IMPORTS_SSD_MAX_ROWS") == null) {
                System.setProperty("oversight.imports.ssd.max-rows", "1000000");
            }
        }
        if (cli && args.length > 1 && (args[1].equals("bench-compliance") || args[1].equals("bench-ssd")
                || args[1].equals("bench-protection") || benchLoad || benchDataset)
                && System.getenv("SPRING_DATASOURCE_URL") == null) {
            // The benchmark loads the national data set: give it a database of its own, never the user's.
            java.nio.file.Path temporary = java.nio.file.Files.createTempDirectory("oversight-bench-db");
            System.setProperty("oversight.data-dir", temporary.toString());
            EmbeddedDatabase.deleteWhenStopped(temporary);
        }
        if (cli && args.length > 1 && (args[1].equals("restore") || args[1].equals("backup"))) {
            // A backup holds what is there, and a restore replaces everything: importing the bundled reports or loading
            // demo data first would change the first and be wasted on the second.
            System.setProperty("oversight.reports.import-on-start", "false");
            System.setProperty("oversight.demo.enabled", "false");
            System.setProperty("oversight.demo.child-data", "false");
            System.setProperty("oversight.reports.national-dataset-on-start", "false");
        }
        EmbeddedDatabase.startIfNoDatasourceConfigured();
        if (cli && args.length > 1 && args[1].equals("check-database")) {
            // Checks the database as it is, without migrating or loading anything (and without refusing to start).
            System.exit(DatabaseCheckCommand.execute(DatabaseSettings.from(new StandardEnvironment()), System.out, System.err));
        }
        if (cli) {
            System.clearProperty("logback.configurationFile"); // Spring Boot takes over logging from here (logback-spring.xml)
            SpringApplication app = new SpringApplication(OversightApplication.class);
            app.setWebApplicationType(benchLoad ? WebApplicationType.SERVLET : WebApplicationType.NONE);
            app.setAdditionalProfiles("cli");
            String[] commandArgs = Arrays.copyOfRange(args, 1, args.length);
            var context = app.run(prefixed(commandArgs));
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(OversightApplication.class, args);
    }

    /** The command words go to the CLI runner as non-option arguments, after a marker so Spring leaves them alone. */
    private static String[] prefixed(String[] commandArgs) {
        String[] result = new String[commandArgs.length + 1];
        result[0] = "--oversight.cli=true";
        System.arraycopy(commandArgs, 0, result, 1, commandArgs.length);
        return result;
    }
}
