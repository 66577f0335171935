-- Row-level security on every LA-private table: every table with an la_id column except the public register and
-- published inspection record, and identity (read before anyone's LA is known). Flyway re-applies this file after the
-- versioned migrations whenever it changes, or a placeholder's value changes (the application role's name): when a
-- migration adds an LA-owned table, add it to the list below so this runs again (RowLevelSecurityIT fails until a table
-- with la_id is either isolated or listed as public). It changes only what is missing, so it takes no lock on a table
-- that is already isolated.
-- Isolated tables, for the checksum: child episode review care_leaver missing_episode annex_a_child import_snapshot
-- child_access child_import_job child_import_job_file improvement_plan plan_item plan_action evidence action_update
-- plan_history governance_body meeting plan_oversight committee_report audit_programme case_audit audit_answer
-- audit_finding audit_event yp_invitation yp_account yp_plan_section yp_contribution yp_feedback yp_safety_alert yp_access
-- yp_sign_in_event ssd_person ssd_disability ssd_contacts ssd_early_help_episodes ssd_cin_episodes ssd_cin_assessments
-- ssd_assessment_factors ssd_cin_plans ssd_cin_visits ssd_s47_enquiry ssd_initial_cp_conference ssd_cp_plans ssd_cp_visits
-- ssd_cp_reviews ssd_department ssd_professionals ssd_involvements ssd_cla_episodes ssd_cla_placement ssd_legal_status
-- ssd_cla_reviews ssd_cla_visits ssd_cla_health ssd_missing ssd_care_leavers ssd_permanence compliance_figures front_door_figures self_evaluation
-- self_evaluation_section self_evaluation_section_version self_evaluation_citation self_evaluation_comment
-- self_evaluation_event self_evaluation_director self_evaluation_share engagement_meeting engagement_action la_api_token
-- la_api_token_event csc_payload_receipt ssda903_row (not isolated: inspector_grant, access-control data)
--
-- The tenant scope cannot be set by a connection for itself. The application's role may log in, but the scope of its
-- session (whose rows it sees) is kept in a temporary table that only the tables' owner can write, through
-- oversight_enter_scope, which accepts a scope only with an HMAC-SHA256 signature made with a key that only the owner
-- can read (oversight_scope_key; the server process reads it at start through the owner's login, which runs the
-- migrations). The signature covers a random challenge issued to this session alone, so a signature seen elsewhere (a
-- statement log) is worth nothing in another session. The policies read the verified scope once per query.

-- The signing key: 32 random bytes, made once, readable by the owner only.
CREATE TABLE IF NOT EXISTS oversight_scope_key (
    id         BOOLEAN     NOT NULL DEFAULT TRUE,
    key        BYTEA       NOT NULL,
    k_ipad     BYTEA       NOT NULL,
    k_opad     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT pk_oversight_scope_key PRIMARY KEY (id),
    CONSTRAINT chk_oversight_scope_key_one CHECK (id),
    CONSTRAINT chk_oversight_scope_key_length CHECK (length(key) = 32 AND length(k_ipad) = 64 AND length(k_opad) = 64)
);
COMMENT ON TABLE oversight_scope_key IS 'Key that signs tenant scopes (HMAC-SHA256); readable by the tables'' owner only';
REVOKE ALL ON oversight_scope_key FROM PUBLIC;
-- Makes a new key (the owner runs it to change the key; every instance must then restart to read it).
CREATE OR REPLACE FUNCTION oversight_rotate_scope_key() RETURNS VOID
    LANGUAGE plpgsql VOLATILE SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    k BYTEA;
    ipad BYTEA := decode(repeat('36', 64), 'hex');
    opad BYTEA := decode(repeat('5c', 64), 'hex');
BEGIN
    -- gen_random_uuid() draws on the server's strong random source: 3 x 122 random bits, hashed to 256.
    k := sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8'));
    FOR i IN 0..31 LOOP
        ipad := set_byte(ipad, i, get_byte(k, i) # 54);   -- 0x36
        opad := set_byte(opad, i, get_byte(k, i) # 92);   -- 0x5c
    END LOOP;
    DELETE FROM oversight_scope_key;
    INSERT INTO oversight_scope_key (key, k_ipad, k_opad) VALUES (k, ipad, opad);
END
$$;
REVOKE ALL ON FUNCTION oversight_rotate_scope_key() FROM PUBLIC;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM oversight_scope_key) THEN
        PERFORM oversight_rotate_scope_key();
    END IF;
END
$$;

-- A new challenge for this session (and no scope until one is entered with it). The session's state lives in a
-- temporary table owned by the owner (this function's definer): the session itself cannot write it.
CREATE OR REPLACE FUNCTION oversight_scope_challenge() RETURNS TEXT
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    state REGCLASS := pg_catalog.to_regclass('pg_temp.oversight_session_scope');
    fresh TEXT := pg_catalog.replace(pg_catalog.gen_random_uuid()::text || pg_catalog.gen_random_uuid()::text, '-', '');
BEGIN
    IF state IS NULL THEN
        CREATE TEMPORARY TABLE oversight_session_scope (challenge TEXT NOT NULL, scope TEXT NOT NULL, la_id UUID);
        INSERT INTO pg_temp.oversight_session_scope VALUES (fresh, '', NULL);
    ELSIF (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = state) <> current_user::pg_catalog.regrole THEN
        RAISE EXCEPTION 'pg_temp.oversight_session_scope was not made by Oversight' USING ERRCODE = '42501';
    ELSE
        UPDATE pg_temp.oversight_session_scope SET challenge = fresh, scope = '', la_id = NULL;
    END IF;
    RETURN fresh;
END
$$;

-- Enters a scope ('' nothing, 'la' one LA, 'national', 'system') signed for this session's challenge:
-- proof = HMAC-SHA256(key, challenge || '|' || scope || '|' || la_id or '').
CREATE OR REPLACE FUNCTION oversight_enter_scope(p_scope TEXT, p_la UUID, p_proof BYTEA) RETURNS VOID
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    session RECORD;
    challenged BOOLEAN := FALSE;
BEGIN
    IF pg_catalog.to_regclass('pg_temp.oversight_session_scope') IS NOT NULL THEN
        -- The session's state, only from a table the owner made (not one the session made itself), and the key.
        SELECT s.challenge, s.scope, s.la_id, k.k_ipad, k.k_opad INTO session
          FROM pg_temp.oversight_session_scope s CROSS JOIN oversight_scope_key k
         WHERE (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'pg_temp.oversight_session_scope'::pg_catalog.regclass)
               = current_user::pg_catalog.regrole;
        challenged := FOUND;
    END IF;
    IF NOT challenged THEN
        RAISE EXCEPTION 'no tenant-scope challenge in this session: call oversight_scope_challenge() first' USING ERRCODE = 'OVS01';
    END IF;
    IF p_scope IS NULL OR p_scope NOT IN ('', 'la', 'national', 'system') OR (p_scope = 'la') <> (p_la IS NOT NULL)
       OR p_proof IS DISTINCT FROM pg_catalog.sha256(session.k_opad || pg_catalog.sha256(session.k_ipad
              || pg_catalog.convert_to(session.challenge || '|' || p_scope || '|' || coalesce(p_la::text, ''), 'UTF8'))) THEN
        RAISE EXCEPTION 'tenant scope refused: it is not signed by this Oversight server for this session' USING ERRCODE = 'OVS02';
    END IF;
    IF session.scope IS DISTINCT FROM p_scope OR session.la_id IS DISTINCT FROM p_la THEN
        -- Written only when it changes: a pooled connection mostly serves the same scope again.
        UPDATE pg_temp.oversight_session_scope SET scope = p_scope, la_id = p_la;
    END IF;
END
$$;

-- For the tables' owner at a psql prompt or in a migration: enter a scope, signing it with the key the owner can read
-- (anyone else gets "permission denied for table oversight_scope_key").
CREATE OR REPLACE FUNCTION oversight_enter_scope_as_owner(p_scope TEXT, p_la UUID DEFAULT NULL) RETURNS VOID
    LANGUAGE plpgsql VOLATILE SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    challenge TEXT;
    signing RECORD;
BEGIN
    SELECT k_ipad, k_opad INTO STRICT signing FROM oversight_scope_key;
    challenge := oversight_scope_challenge();
    PERFORM oversight_enter_scope(p_scope, p_la, sha256(signing.k_opad || sha256(signing.k_ipad
        || convert_to(challenge || '|' || p_scope || '|' || coalesce(p_la::text, ''), 'UTF8'))));
END
$$;
REVOKE ALL ON FUNCTION oversight_enter_scope_as_owner(TEXT, UUID) FROM PUBLIC;

-- What the policies read, once per query and table (an InitPlan): the LA whose rows this session's verified scope
-- sees; all zeros for every LA (national, system); all f's for none (no challenge, no scope, or a session table the
-- session made itself). Neither is ever an LA's id (those are random version-4 UUIDs).
-- PARALLEL RESTRICTED: it runs in the leader (a session's temporary table is its own), and parallel workers get its
-- answer as a parameter, so big scans may still run in parallel.
CREATE OR REPLACE FUNCTION oversight_visible_la() RETURNS UUID
    LANGUAGE plpgsql STABLE PARALLEL RESTRICTED SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    visible UUID;
BEGIN
    IF pg_catalog.to_regclass('pg_temp.oversight_session_scope') IS NOT NULL THEN
        SELECT CASE s.scope WHEN 'la' THEN s.la_id WHEN 'national' THEN '00000000-0000-0000-0000-000000000000'::uuid
                            WHEN 'system' THEN '00000000-0000-0000-0000-000000000000'::uuid END INTO visible
          FROM pg_temp.oversight_session_scope s
         WHERE (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'pg_temp.oversight_session_scope'::pg_catalog.regclass)
               = current_user::pg_catalog.regrole;
    END IF;
    RETURN coalesce(visible, 'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid);
END
$$;

-- Public tables granted to the application role here too: published_report national_dataset_load report_sync_link
-- report_sync_run
DO $$
DECLARE
    t RECORD;
    -- One look-up per query and table; per row, the row's LA against it (every LA's row matches itself when all zeros).
    policy TEXT := 'la_id IS NOT DISTINCT FROM coalesce(nullif((SELECT oversight_visible_la()), ''00000000-0000-0000-0000-000000000000''::uuid), la_id)';
BEGIN
    FOR t IN
        SELECT c.table_name, cl.relrowsecurity AS enabled, cl.relforcerowsecurity AS forced,
               (SELECT p.qual FROM pg_policies p WHERE p.schemaname = c.table_schema AND p.tablename = c.table_name
                   AND p.policyname = 'la_isolation') AS qual
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
        IF t.qual IS NULL THEN
            EXECUTE format('CREATE POLICY la_isolation ON %I USING (%s) WITH CHECK (%s)', t.table_name, policy, policy);
        ELSIF t.qual NOT LIKE '%oversight_visible_la()%' THEN
            -- The policy of an earlier version (a setting any connection could change): replace it.
            EXECUTE format('ALTER POLICY la_isolation ON %I USING (%s) WITH CHECK (%s)', t.table_name, policy, policy);
        END IF;
    END LOOP;
END
$$;
-- Superseded by the signed scope: it trusted a setting that any connection could set for itself.
DROP FUNCTION IF EXISTS oversight_may_see(UUID);
DROP FUNCTION IF EXISTS oversight_scope_sees_all();
DROP FUNCTION IF EXISTS oversight_scope_la();

-- The grants to the application's role and the backup role are in afterMigrate__grant_roles.sql, which runs after
-- every migration, so a start of Oversight restores a grant that was lost (e.g. when a table changed owner).
