package org.oversight.shared.db;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.oversight.shared.cli.CliCommand;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight check-database}: the checks Oversight makes before it starts ({@link DatabaseSafety}), made on
 * demand for each login it uses (the application, the tables' owner, the backup role) without starting anything or
 * changing anything. Exit 0 when all pass, 2 on any problem (each printed with its fix).
 */
@Component
public class DatabaseCheckCommand implements CliCommand {

    private final Environment env;

    DatabaseCheckCommand(Environment env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "check-database";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String description() {
        return "Check the database's roles and row-level security as Oversight does before it starts (exit 2 on a problem)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return execute(DatabaseSettings.from(env), out, err);
    }

    /** Runs every check and prints the result; bin/oversight calls this before (instead of) starting the application. */
    public static int execute(DatabaseSettings db, PrintStream out, PrintStream err) {
        if (db.url().isBlank()) {
            err.println("No database: set SPRING_DATASOURCE_URL (or leave it unset to check the embedded one)");
            return 2;
        }
        out.println("Database " + db.url());
        List<DatabaseSafety.Finding> findings = new ArrayList<>();
        check(out, "application role", db.appUser(), db.appDataSource(), findings, c -> {
            if (!DatabaseSafety.migrated(c)) {
                out.println("  (no Oversight tables yet: the first start creates them as the tables' owner; run this again after it)");
            }
            return DatabaseSafety.application(c, db.appRole());
        });
        if (!db.owner().equals(db.appUser())) {
            check(out, "tables' owner (migrations)", db.owner(), db.ownerDataSource(), findings, DatabaseSafety::owner);
        }
        if (db.hasBackupRole()) {
            check(out, "backup role", db.backupUser(), db.backupDataSource(), findings, DatabaseSafety::backup);
        } else {
            // Not a reason to refuse to start: only bin/oversight backup needs it, and it refuses on its own.
            List<DatabaseSafety.Finding> asOwner = new ArrayList<>();
            try (Connection c = db.ownerDataSource().getConnection()) {
                asOwner.addAll(DatabaseSafety.backup(c));
            } catch (SQLException e) {
                asOwner.add(new DatabaseSafety.Finding(e.getMessage(), ""));
            }
            out.println(asOwner.isEmpty()
                    ? "  backups (no OVERSIGHT_DB_BACKUP_USER): as the tables' owner \"" + db.owner() + "\", which bypasses row-level security: OK"
                    : "  backups (no OVERSIGHT_DB_BACKUP_USER): WARNING: row-level security applies to the tables' owner \"" + db.owner()
                            + "\", so bin/oversight backup will refuse; set OVERSIGHT_DB_BACKUP_USER to the runbook's backup role");
        }
        if (findings.isEmpty()) {
            out.println("All checks passed: Oversight will start on this database.");
            return 0;
        }
        for (int i = 0; i < findings.size(); i++) {
            err.println((i + 1) + ". " + findings.get(i).toString().replace("\n", "\n   "));
        }
        err.println(findings.size() + (findings.size() == 1 ? " problem" : " problems")
                + ": fix " + (findings.size() == 1 ? "it" : "them") + " and run bin/oversight check-database again.");
        return 2;
    }

    private interface Check {
        List<DatabaseSafety.Finding> run(Connection c) throws SQLException;
    }

    private static void check(PrintStream out, String what, String user, DataSource ds, List<DatabaseSafety.Finding> findings, Check check) {
        try (Connection c = ds.getConnection()) {
            List<DatabaseSafety.Finding> found = check.run(c);
            out.println("  " + what + " \"" + user + "\": " + (found.isEmpty() ? "OK" : found.size() + (found.size() == 1 ? " problem" : " problems")));
            findings.addAll(found);
        } catch (SQLException e) {
            out.println("  " + what + " \"" + user + "\": could not log in");
            findings.add(new DatabaseSafety.Finding("Could not log in as \"" + user + "\" (" + e.getMessage().strip() + ").",
                    "Check the role exists with LOGIN and the password and URL set for it (README, Configuration)."));
        }
    }
}
