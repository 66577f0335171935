-- Tenant isolation in the database (capability 8). The application sets oversight.scope and oversight.la_id on every
-- connection it uses (see shared/db/TenantScopedDataSource); the policies (R__row_level_security.sql) let a row be
-- seen or written only when it belongs to the LA of the scope, or the scope is national (aggregates for analysts) or
-- system (start-up, batch commands, background jobs). Unset, nothing is seen.
CREATE OR REPLACE FUNCTION oversight_may_see(row_la UUID) RETURNS BOOLEAN
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE coalesce(current_setting('oversight.scope', true), '')
        WHEN 'system' THEN TRUE
        WHEN 'national' THEN TRUE
        WHEN 'la' THEN row_la = nullif(current_setting('oversight.la_id', true), '')::uuid
        ELSE FALSE
    END
$$;
COMMENT ON FUNCTION oversight_may_see(UUID) IS 'Row-level security: whether the current tenant scope may see a row of this LA';

-- With the embedded database the application logs in as oversight_app: not a superuser, not the tables' owner, no
-- BYPASSRLS. On an external server the operator creates such a role (see the README) and leaves this off.
DO $$
BEGIN
    IF '${create-app-role}' = 'true' AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'oversight_app') THEN
        CREATE ROLE oversight_app LOGIN PASSWORD 'oversight_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END
$$;
