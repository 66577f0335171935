package org.oversight.shared.db;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.oversight.shared.cli.CliCommand;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code bin/oversight backup FILE} and {@code bin/oversight restore FILE}: see {@link DatabaseBackup}. */
@Configuration(proxyBeanMethods = false)
class BackupCommands {

    @Bean
    CliCommand backupCommand(DatabaseBackup backups) {
        return new Command("backup", "FILE", "Back up the whole database to FILE: every row of every table, from one snapshot, or a failure (the app may keep running)") {
            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
                if (args.size() != 1) {
                    err.println("Usage: bin/oversight backup FILE");
                    return 1;
                }
                Path file = Path.of(args.getFirst());
                if (file.toAbsolutePath().getParent() == null || !Files.isDirectory(file.toAbsolutePath().getParent())) {
                    err.println(file + ": the folder does not exist");
                    return 2;
                }
                try {
                    DatabaseBackup.Summary s = backups.backup(file);
                    out.printf(Locale.UK, "Wrote %s: %d tables, %d rows, %.1f MB, schema version %s%n", file, s.tables().size(), s.rows(),
                            s.bytes() / 1e6, s.schemaVersion());
                    return 0;
                } catch (DatabaseBackup.BackupException e) {
                    err.println("Backup failed, " + e.getMessage());
                    return 2;
                }
            }
        };
    }

    @Bean
    CliCommand restoreCommand(DatabaseBackup backups) {
        return new Command("restore", "FILE",
                "Replace everything in the database with the backup in FILE (checked first; all or nothing; stop the app first)") {
            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
                if (args.size() != 1) {
                    err.println("Usage: bin/oversight restore FILE");
                    return 1;
                }
                try {
                    DatabaseBackup.Summary s = backups.restore(Path.of(args.getFirst()));
                    out.printf(Locale.UK, "Restored %s: %d tables, %d rows, schema version %s%n", args.getFirst(), s.tables().size(),
                            s.rows(), s.schemaVersion());
                    return 0;
                } catch (DatabaseBackup.BackupException e) {
                    err.println("Nothing restored: " + e.getMessage());
                    return 2;
                }
            }
        };
    }

    private abstract static class Command implements CliCommand {
        private final String name;
        private final String usage;
        private final String description;

        Command(String name, String usage, String description) {
            this.name = name;
            this.usage = usage;
            this.description = description;
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
    }
}
