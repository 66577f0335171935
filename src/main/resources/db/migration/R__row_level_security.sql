-- Row-level security on every LA-private table: every table with an la_id column except the public register and
-- published inspection record, and identity (read before anyone's LA is known). Re-applied after the migrations
-- on every start (${flyway:timestamp}), and checked by RowLevelSecurityIT, which fails when a table with la_id is neither isolated here nor listed as public.
DO $$
DECLARE
    t RECORD;
BEGIN
    FOR t IN
        SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables tb
            ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
         WHERE c.table_schema = current_schema() AND c.column_name = 'la_id'
           AND c.table_name NOT IN (
               'local_authority', 'statistical_neighbour',                                      -- the public register
               'inspection_activity', 'judgement', 'finding', 'source_document', 'activity_history', -- published inspections
               'import_job',                                                                    -- uploads of published Ofsted documents
               'app_user')                                                                      -- identity: read at sign-in
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
        EXECUTE format('DROP POLICY IF EXISTS la_isolation ON %I', t.table_name);
        EXECUTE format('CREATE POLICY la_isolation ON %I USING (oversight_may_see(la_id)) WITH CHECK (oversight_may_see(la_id))', t.table_name);
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oversight_app') THEN
        GRANT USAGE ON SCHEMA public TO oversight_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO oversight_app;
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO oversight_app;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO oversight_app;
    END IF;
END
$$;
