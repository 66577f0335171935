-- Runs after every migration (a Flyway callback), as the tables' owner: grants the application's role and the backup
-- role what they need on every table, so restarting Oversight mends a grant that was lost since the last migration
-- (a table that changed owner, a role created after the tables). Idempotent: grants only what is missing.

-- The application's role (OVERSIGHT_DB_APP_ROLE): reads and writes every table but the key, and enters scopes.
DO $$
DECLARE
    t RECORD;
    app TEXT := '${app-role}';
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'oversight_scope_key'
                   AND NOT (has_table_privilege(app, quote_ident(schemaname) || '.' || quote_ident(tablename), 'SELECT')
                        AND has_table_privilege(app, quote_ident(schemaname) || '.' || quote_ident(tablename), 'INSERT')
                        AND has_table_privilege(app, quote_ident(schemaname) || '.' || quote_ident(tablename), 'UPDATE')
                        AND has_table_privilege(app, quote_ident(schemaname) || '.' || quote_ident(tablename), 'DELETE'))
        LOOP
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I TO %I', t.tablename, app);
        END LOOP;
        EXECUTE format('REVOKE ALL ON TABLE oversight_scope_key FROM %I', app);
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), app);
        EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I', current_schema(), app);
        EXECUTE format('REVOKE EXECUTE ON FUNCTION oversight_enter_scope_as_owner(TEXT, UUID), oversight_rotate_scope_key() FROM %I', app);
    END IF;
END
$$;

-- The backup role (OVERSIGHT_DB_BACKUP_USER, with BYPASSRLS; see README): reads every table and sequence, for
-- bin/oversight backup and pg_dump. It writes nothing.
DO $$
DECLARE
    backup TEXT := '${backup-role}';
BEGIN
    IF backup <> '' AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = backup) THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), backup);
        EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), backup);
        EXECUTE format('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), backup);
    END IF;
END
$$;
