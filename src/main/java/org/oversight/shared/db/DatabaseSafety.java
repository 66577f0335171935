package org.oversight.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether the database keeps each LA's private rows to that LA: the checks Oversight makes before it starts (and
 * refuses to start on any failure), in readiness, and in {@code bin/oversight check-database}. Each finding says what
 * is wrong and how to fix it. Plain JDBC, so the command can run them without starting the application.
 */
public final class DatabaseSafety {

    /**
     * Tables with an {@code la_id} that are not tenant data: the public register, the published inspection record,
     * uploads of published Ofsted documents, identity and inspectors' grants (read to decide the scope). The same list
     * as {@code R__row_level_security.sql}; every other table with an {@code la_id} is LA-private.
     */
    public static final List<String> PUBLIC_TABLES = List.of("local_authority", "statistical_neighbour", "inspection_activity",
            "judgement", "finding", "source_document", "activity_history", "import_job", "app_user", "inspector_grant");

    static final String KEY_TABLE = "oversight_scope_key";

    /** One thing that is wrong, and what to do about it. */
    public record Finding(String problem, String fix) {
        @Override
        public String toString() {
            return problem + "\n    Fix: " + fix;
        }
    }

    private DatabaseSafety() {
    }

    /**
     * The checks made as the application's own login (a connection of its pool): it is no superuser, has no
     * BYPASSRLS and cannot become a role that has; it owns no table and not the schema; it cannot create objects in
     * the schema nor read the scope-signing key; it has its privileges on every table; every LA-private table has
     * row-level security enabled and forced, with Oversight's policy and no other permissive one.
     *
     * @param appRole the role the migrations grant to ({@code OVERSIGHT_DB_APP_ROLE}), named in the fixes
     */
    public static List<Finding> application(Connection c, String appRole) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        String user = single(c, "SELECT current_user");
        String schema = single(c, "SELECT current_schema()");
        boolean superuser;
        try (PreparedStatement ps = c.prepareStatement("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            superuser = rs.getBoolean(1);
            if (superuser) {
                findings.add(new Finding("The application logs in as \"" + user + "\", a superuser: row-level security does not apply to it, "
                        + "so every LA's private rows would be open to every user.",
                        "Set SPRING_DATASOURCE_USERNAME/SPRING_DATASOURCE_PASSWORD to the application role of the README's runbook "
                                + "(NOSUPERUSER NOBYPASSRLS), or run: ALTER ROLE " + ident(user) + " NOSUPERUSER;"));
            }
            if (rs.getBoolean(2)) {
                findings.add(new Finding("The application logs in as \"" + user + "\", which has BYPASSRLS: row-level security does not apply "
                        + "to it, so every LA's private rows would be open to every user.",
                        "ALTER ROLE " + ident(user) + " NOBYPASSRLS; (keep BYPASSRLS for the backup role only)"));
            }
        }
        if (superuser) {
            return findings; // a superuser is every role: nothing below adds to that
        }
        for (String role : list(c, """
                SELECT r.rolname FROM pg_roles r
                 WHERE r.rolname <> current_user AND (r.rolsuper OR r.rolbypassrls) AND pg_has_role(current_user, r.oid, 'MEMBER')
                 ORDER BY 1""")) {
            findings.add(new Finding("The application's role \"" + user + "\" is a member of \"" + role + "\", which bypasses row-level "
                    + "security: one SET ROLE and every LA's private rows are open.", "REVOKE " + ident(role) + " FROM " + ident(user) + ";"));
        }
        Map<String, List<String>> owned = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT pg_get_userbyid(c.relowner), c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'MEMBER')
                 ORDER BY 1, 2""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owned.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        for (Map.Entry<String, List<String>> o : owned.entrySet()) {
            String who = o.getKey().equals(user) ? "\"" + user + "\" owns" : "\"" + user + "\" is a member of \"" + o.getKey() + "\", which owns";
            findings.add(new Finding("The application's role " + who + " " + o.getValue().size() + " of the tables (" + examples(o.getValue())
                    + "): an owner can switch row-level security off.",
                    "Keep the owner for the migrations only (SPRING_FLYWAY_USER) and log in as a separate application role "
                            + "(SPRING_DATASOURCE_USERNAME, created as in the README's runbook)"
                            + (o.getKey().equals(user) ? "" : "; or REVOKE " + ident(o.getKey()) + " FROM " + ident(user) + ";")));
        }
        if (bool(c, "SELECT pg_has_role(current_user, nspowner, 'MEMBER') FROM pg_namespace WHERE nspname = current_schema()")) {
            findings.add(new Finding("The application's role \"" + user + "\" owns the schema \"" + schema + "\": it could drop or replace "
                    + "Oversight's tables and functions.", "ALTER SCHEMA " + ident(schema) + " OWNER TO <the owner role>;"));
        } else if (bool(c, "SELECT has_schema_privilege(current_user, current_schema(), 'CREATE')")) {
            findings.add(new Finding("The application's role \"" + user + "\" may create objects in the schema \"" + schema + "\": it could "
                    + "shadow the functions the row-level security policies call.",
                    "REVOKE CREATE ON SCHEMA " + ident(schema) + " FROM PUBLIC, " + ident(user) + ";"));
        }
        if (!migrated(c)) {
            return findings; // nothing more to check until the owner's first start creates the tables
        }
        if (bool(c, "SELECT has_table_privilege(current_user, '" + KEY_TABLE + "', 'SELECT')")) {
            findings.add(new Finding("The application's role \"" + user + "\" can read " + KEY_TABLE + ", the key that signs tenant scopes: "
                    + "with it, a connection could give itself any LA's scope.",
                    "REVOKE ALL ON " + KEY_TABLE + " FROM PUBLIC, " + ident(user) + ";"));
        }
        List<String> missing = list(c, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('oversight_scope_key', 'flyway_schema_history')
                   AND NOT (has_table_privilege(current_user, c.oid, 'SELECT') AND has_table_privilege(current_user, c.oid, 'INSERT')
                        AND has_table_privilege(current_user, c.oid, 'UPDATE') AND has_table_privilege(current_user, c.oid, 'DELETE'))
                 ORDER BY 1""");
        if (!missing.isEmpty()) {
            findings.add(new Finding("The application's role \"" + user + "\" lacks SELECT, INSERT, UPDATE or DELETE on " + missing.size()
                    + " tables (" + examples(missing) + "): the migrations grant them to the role named by OVERSIGHT_DB_APP_ROLE, now \""
                    + appRole + "\".", user.equals(appRole) ? "Restart Oversight (every start grants what is missing), or as the tables' owner: GRANT SELECT, INSERT, UPDATE, DELETE ON "
                            + String.join(", ", missing.stream().map(DatabaseSafety::ident).toList()) + " TO " + ident(user) + ";"
                            : "Set OVERSIGHT_DB_APP_ROLE=" + user + " (or log in as " + appRole + ") and restart Oversight."));
        }
        String definer = single(c, "SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'oversight_scope_challenge' LIMIT 1");
        if (definer != null && !bool(c, "SELECT has_database_privilege('" + definer.replace("'", "''")
                + "', current_database(), 'TEMPORARY')")) {
            findings.add(new Finding("The tables' owner \"" + definer + "\" may not create temporary tables in this database, where each "
                    + "session's verified tenant scope is kept.", "GRANT TEMPORARY ON DATABASE " + ident(single(c, "SELECT current_database()"))
                    + " TO " + ident(definer) + ";"));
        }
        findings.addAll(rowLevelSecurity(c));
        return findings;
    }

    /** Whether the migrations have made Oversight's tables (its scope-signing key among them). */
    public static boolean migrated(Connection c) throws SQLException {
        return single(c, "SELECT to_regclass('" + KEY_TABLE + "')::text") != null;
    }

    /** Every LA-private table: row-level security enabled and forced, Oversight's policy, and no other permissive policy. */
    static List<Finding> rowLevelSecurity(Connection c) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       (SELECT count(*) FROM pg_policies p WHERE p.schemaname = n.nspname AND p.tablename = c.relname AND p.policyname = 'la_isolation'
                           AND p.permissive = 'PERMISSIVE' AND p.cmd = 'ALL' AND p.roles = '{public}'
                           AND p.qual LIKE '%oversight_visible_la()%' AND p.with_check LIKE '%oversight_visible_la()%'),
                       (SELECT string_agg(p.policyname, ', ' ORDER BY p.policyname) FROM pg_policies p WHERE p.schemaname = n.nspname
                           AND p.tablename = c.relname AND p.policyname <> 'la_isolation' AND p.permissive = 'PERMISSIVE')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'la_id' AND NOT a.attisdropped)
                   AND NOT c.relname = ANY (?)
                 ORDER BY 1""")) {
            ps.setArray(1, c.createArrayOf("text", PUBLIC_TABLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    if (!rs.getBoolean(2)) {
                        findings.add(new Finding("Row-level security is off on the LA-private table " + table + ": every LA's rows in it "
                                + "are open to every user.", "As the tables' owner: ALTER TABLE " + ident(table) + " ENABLE ROW LEVEL SECURITY;"));
                    }
                    if (!rs.getBoolean(3)) {
                        findings.add(new Finding("Row-level security is not forced on the LA-private table " + table + ": its owner reads "
                                + "every LA's rows in it.", "As the tables' owner: ALTER TABLE " + ident(table) + " FORCE ROW LEVEL SECURITY;"));
                    }
                    if (rs.getInt(4) != 1) {
                        findings.add(new Finding("The LA-private table " + table + " lacks Oversight's policy la_isolation (or it was changed).",
                                "As the tables' owner: DROP POLICY IF EXISTS la_isolation ON " + ident(table)
                                        + "; then restart Oversight after touching R__row_level_security.sql, or create it as that file does."));
                    }
                    if (rs.getString(5) != null) {
                        findings.add(new Finding("The LA-private table " + table + " has other permissive policies (" + rs.getString(5)
                                + "), which widen what each LA sees.", "As the tables' owner: DROP POLICY <name> ON " + ident(table) + ";"));
                    }
                }
            }
        }
        return findings;
    }

    /**
     * The checks of the login that runs the migrations: it owns the tables (or may create them in the schema before the
     * first start), may create the temporary table where each session's verified scope is kept, and reads the
     * scope-signing key.
     */
    public static List<Finding> owner(Connection c) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        String user = single(c, "SELECT current_user");
        String schema = single(c, "SELECT current_schema()");
        String database = single(c, "SELECT current_database()");
        if (!bool(c, "SELECT has_database_privilege(current_user, current_database(), 'TEMPORARY')")) {
            findings.add(new Finding("The tables' owner \"" + user + "\" may not create temporary tables in this database, where each "
                    + "session's verified tenant scope is kept.", "GRANT TEMPORARY ON DATABASE " + ident(database) + " TO " + ident(user) + ";"));
        }
        if (!migrated(c)) {
            if (!bool(c, "SELECT has_schema_privilege(current_user, current_schema(), 'CREATE')")) {
                findings.add(new Finding("The tables' owner \"" + user + "\" may not create tables in the schema \"" + schema + "\".",
                        "As a superuser, in this database: ALTER SCHEMA " + ident(schema) + " OWNER TO " + ident(user) + ";"));
            }
            return findings;
        }
        List<String> others = list(c, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT pg_has_role(current_user, c.relowner, 'MEMBER')
                 ORDER BY 1""");
        if (!others.isEmpty()) {
            findings.add(new Finding("The migrations' login \"" + user + "\" does not own " + others.size() + " of the tables ("
                    + examples(others) + "): it cannot migrate them.",
                    "As a superuser, in this database: ALTER TABLE <each of them> OWNER TO " + ident(user) + ";"));
        }
        return findings;
    }

    /**
     * The checks of the role that {@code bin/oversight backup} (and {@code pg_dump}) use: it bypasses row-level security
     * (BYPASSRLS or superuser) and may read every table and sequence.
     */
    public static List<Finding> backup(Connection c) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        String user = single(c, "SELECT current_user");
        if (!bool(c, "SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            findings.add(new Finding("The backup role \"" + user + "\" is subject to row-level security: a backup made as it would miss "
                    + "every LA's private rows (bin/oversight backup refuses; pg_dump fails).",
                    "As a superuser: ALTER ROLE " + ident(user) + " BYPASSRLS; (the runbook's backup role), or set OVERSIGHT_DB_BACKUP_USER to it."));
        }
        List<String> unreadable = list(c, """
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S') AND NOT has_table_privilege(current_user, c.oid, 'SELECT')
                 ORDER BY 1""");
        if (!unreadable.isEmpty()) {
            findings.add(new Finding("The backup role \"" + user + "\" may not read " + unreadable.size() + " tables or sequences ("
                    + examples(unreadable) + ").", "Restart Oversight with OVERSIGHT_DB_BACKUP_USER=" + user
                    + " (its migrations grant SELECT to that role), or: GRANT SELECT ON ALL TABLES IN SCHEMA "
                    + ident(single(c, "SELECT current_schema()")) + " TO " + ident(user) + ";"));
        }
        return findings;
    }

    private static String examples(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + ", …";
    }

    static String ident(String name) {
        return name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static boolean bool(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> list(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
