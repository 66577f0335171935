-- Row-level security on every LA-private table: every table with an la_id column except the public register and
-- published inspection record, and identity (read before anyone's LA is known). Flyway re-applies this file after the
-- versioned migrations whenever it changes: when a migration adds an LA-owned table, add it to the list below so this
-- runs again (RowLevelSecurityIT fails until a table with la_id is either isolated or listed as public). It changes
-- only what is missing, so it takes no lock on a table that is already isolated.
-- Isolated tables, for the checksum: child episode review care_leaver missing_episode annex_a_child import_snapshot
-- child_access child_import_job child_import_job_file improvement_plan plan_item plan_action evidence action_update
-- plan_history governance_body meeting plan_oversight committee_report audit_programme case_audit audit_answer
-- audit_finding audit_event yp_invitation yp_account yp_plan_section yp_contribution yp_feedback yp_safety_alert yp_access
-- yp_sign_in_event (not isolated: inspector_grant, access-control data)
-- Public tables granted to the application role here too: published_report national_dataset_load report_sync_link
-- report_sync_run
DO $$
DECLARE
    t RECORD;
BEGIN
    FOR t IN
        SELECT c.table_name, cl.relrowsecurity AS enabled, cl.relforcerowsecurity AS forced,
               EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = c.table_schema AND p.tablename = c.table_name
                          AND p.policyname = 'la_isolation') AS has_policy
          FROM information_schema.columns c
          JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
          JOIN pg_class cl ON cl.oid = to_regclass(quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))
         WHERE c.table_schema = current_schema() AND c.column_name = 'la_id'
           AND c.table_name NOT IN (
               'local_authority', 'statistical_neighbour',                                      -- the public register
               'inspection_activity', 'judgement', 'finding', 'source_document', 'activity_history', -- published inspections
               'import_job',                                                                    -- uploads of published Ofsted documents
               'app_user', 'inspector_grant')                                                   -- identity and grants: read to decide the scope
    LOOP
        IF NOT t.enabled THEN
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
        END IF;
        IF NOT t.forced THEN
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.table_name);
        END IF;
        IF NOT t.has_policy THEN
            EXECUTE format('CREATE POLICY la_isolation ON %I USING (oversight_may_see(la_id)) WITH CHECK (oversight_may_see(la_id))',
                           t.table_name);
        END IF;
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oversight_app') THEN
        GRANT USAGE ON SCHEMA public TO oversight_app;
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
                   AND NOT has_table_privilege('oversight_app', quote_ident(schemaname) || '.' || quote_ident(tablename), 'SELECT')
        LOOP
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I TO oversight_app', t.tablename);
        END LOOP;
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO oversight_app;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO oversight_app;
    END IF;
END
$$;
