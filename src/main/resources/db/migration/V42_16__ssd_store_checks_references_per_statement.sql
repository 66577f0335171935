-- Issue 16 (performance): the SSD store's references are checked once per statement instead of once per row, and the
-- indexes by child that no reader uses are dropped. Measured on 386,000 rows of Birmingham's synthetic extract (see
-- docs/ssd-store.md, "Why the references are triggers"): the foreign keys' per-row checks were more than half the time
-- of writing the rows (to the snapshot about 40%, to the child about 20%), the same checks as one anti-join per
-- statement cost almost nothing.
--
-- Same guarantees as the foreign keys they replace (fk_<table>_snapshot on every ssd_* table, fk_<table>_person on
-- each table with a child):
--  * a row whose snapshot does not exist, or whose child (snapshot_id, *_person_id) has no ssd_person row, is refused
--    with SQLSTATE 23503 (foreign_key_violation) and the message and detail PostgreSQL gives for the foreign key,
--    naming the first offending row of the statement; the whole statement (and so the import's transaction) fails;
--  * the snapshots the rows belong to are locked FOR KEY SHARE until the transaction ends, as the foreign key did, so
--    a snapshot cannot be deleted under an import that is writing into it;
--  * deleting a snapshot deletes its rows in every ssd_* table, and deleting a child (ssd_person) deletes the child's
--    rows, as ON DELETE CASCADE did; changing the key a row is referenced by is refused (NO ACTION did).
-- One difference: the check reads under the session's row-level security (a foreign key's check does not), so a row
-- is also refused when its snapshot belongs to another LA than the row's own la_id.

CREATE FUNCTION ssd_check_references() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    person TEXT := CASE WHEN TG_NARGS > 0 THEN TG_ARGV[0] END;
    bad RECORD;
BEGIN
    -- Each snapshot named by the statement's rows, once: it exists (for the row's LA) and is kept until commit.
    SELECT a.snapshot_id, a.la_id INTO bad
      FROM (SELECT DISTINCT snapshot_id, la_id FROM added) a
     WHERE NOT EXISTS (SELECT 1 FROM import_snapshot s WHERE s.id = a.snapshot_id AND s.la_id = a.la_id)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "fk_%_snapshot"', TG_TABLE_NAME, TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'fk_' || TG_TABLE_NAME || '_snapshot',
                  DETAIL = format('Key (snapshot_id)=(%s) is not present in table "import_snapshot" for the row''s LA (la_id %s).',
                                  bad.snapshot_id, bad.la_id);
    END IF;
    PERFORM 1 FROM import_snapshot s WHERE s.id IN (SELECT snapshot_id FROM added) FOR KEY SHARE OF s;
    IF person IS NOT NULL THEN
        -- One anti-join of the statement's rows against the children; the first offending row in the statement's order.
        EXECUTE format('SELECT n.snapshot_id, n.person FROM (SELECT a.snapshot_id, a.%1$I AS person, row_number() OVER () AS rn FROM added a) n
                         WHERE NOT EXISTS (SELECT 1 FROM ssd_person p WHERE p.snapshot_id = n.snapshot_id AND p.pers_person_id = n.person)
                         ORDER BY n.rn LIMIT 1', person) INTO bad;
        IF bad.snapshot_id IS NOT NULL THEN
            RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "fk_%_person"', TG_TABLE_NAME, TG_TABLE_NAME
                USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'fk_' || TG_TABLE_NAME || '_person',
                      DETAIL = format('Key (snapshot_id, %s)=(%s, %s) is not present in table "ssd_person".', person, bad.snapshot_id, bad.person);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION ssd_check_references() IS 'Issue 16: the references of the ssd_* tables to their snapshot and child, checked once per statement (V42_16)';

-- Deleting snapshots deletes their rows in every ssd_* table (children of a child first, then the children).
CREATE FUNCTION ssd_delete_with_snapshot() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ssd_assessment_factors t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_disability t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_contacts t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_early_help_episodes t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_cin_episodes t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_cin_assessments t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_cin_plans t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_cin_visits t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_s47_enquiry t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_initial_cp_conference t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_cp_plans t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_cp_visits t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_cp_reviews t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_involvements t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_department t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_professionals t USING gone g WHERE t.snapshot_id = g.id;
    DELETE FROM ssd_person t USING gone g WHERE t.snapshot_id = g.id;
    RETURN NULL;
END
$$;

-- Deleting children deletes their rows in the tables that name a child.
CREATE FUNCTION ssd_delete_with_person() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ssd_disability t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.disa_person_id = g.pers_person_id;
    DELETE FROM ssd_contacts t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.cont_person_id = g.pers_person_id;
    DELETE FROM ssd_early_help_episodes t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.earl_person_id = g.pers_person_id;
    DELETE FROM ssd_cin_episodes t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.cine_person_id = g.pers_person_id;
    DELETE FROM ssd_cin_assessments t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.cina_person_id = g.pers_person_id;
    DELETE FROM ssd_cin_plans t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.cinp_person_id = g.pers_person_id;
    DELETE FROM ssd_cin_visits t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.cinv_person_id = g.pers_person_id;
    DELETE FROM ssd_s47_enquiry t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.s47e_person_id = g.pers_person_id;
    DELETE FROM ssd_initial_cp_conference t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.icpc_person_id = g.pers_person_id;
    DELETE FROM ssd_cp_plans t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.cppl_person_id = g.pers_person_id;
    DELETE FROM ssd_cp_visits t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.cppv_person_id = g.pers_person_id;
    DELETE FROM ssd_cp_reviews t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.cppr_person_id = g.pers_person_id;
    DELETE FROM ssd_involvements t USING gone g WHERE t.snapshot_id = g.snapshot_id AND t.invo_person_id = g.pers_person_id;
    RETURN NULL;
END
$$;

-- A key other rows are referenced by may not change (the foreign keys were NO ACTION on update).
CREATE FUNCTION ssd_refuse_key_change() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'update on table "%" would change a key that ssd_* rows reference', TG_TABLE_NAME
        USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
END
$$;

DO $$
DECLARE
    t RECORD;
BEGIN
    FOR t IN
        SELECT c.relname AS name,
               (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname LIKE '%\_person\_id'
                   AND a.attname <> 'pers_person_id' AND NOT a.attisdropped) AS person
          FROM pg_class c
         WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
           AND c.relname IN ('ssd_person', 'ssd_disability', 'ssd_contacts', 'ssd_early_help_episodes', 'ssd_cin_episodes',
                             'ssd_cin_assessments', 'ssd_assessment_factors', 'ssd_cin_plans', 'ssd_cin_visits', 'ssd_s47_enquiry',
                             'ssd_initial_cp_conference', 'ssd_cp_plans', 'ssd_cp_visits', 'ssd_cp_reviews', 'ssd_department',
                             'ssd_professionals', 'ssd_involvements')
    LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t.name, 'fk_' || t.name || '_snapshot');
        IF t.person IS NOT NULL THEN
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t.name, 'fk_' || t.name || '_person');
        END IF;
        -- Transition tables allow one event per trigger: one for inserts, one for updates.
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS added FOR EACH STATEMENT
                        EXECUTE FUNCTION ssd_check_references(%s)', 'ck_' || t.name || '_insert', t.name, coalesce(quote_literal(t.person), ''));
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS added FOR EACH STATEMENT
                        EXECUTE FUNCTION ssd_check_references(%s)', 'ck_' || t.name || '_update', t.name, coalesce(quote_literal(t.person), ''));
    END LOOP;
END
$$;

CREATE TRIGGER ssd_delete_with_snapshot AFTER DELETE ON import_snapshot REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION ssd_delete_with_snapshot();
CREATE TRIGGER ssd_delete_with_person AFTER DELETE ON ssd_person REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION ssd_delete_with_person();
CREATE TRIGGER ssd_refuse_key_change BEFORE UPDATE ON import_snapshot
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ssd_refuse_key_change();
CREATE TRIGGER ssd_refuse_key_change BEFORE UPDATE ON ssd_person
    FOR EACH ROW WHEN (OLD.snapshot_id IS DISTINCT FROM NEW.snapshot_id OR OLD.pers_person_id IS DISTINCT FROM NEW.pers_person_id)
    EXECUTE FUNCTION ssd_refuse_key_change();

-- Indexes by child that no query uses: these tables are read whole per snapshot (the primary key's snapshot_id leads),
-- never by child. Kept where a reader or the payload import asks for one child's rows (disability, contacts, early
-- help, CIN episodes, assessments, involvements).
DROP INDEX ix_ssd_cin_plans_person;
DROP INDEX ix_ssd_cin_visits_person;
DROP INDEX ix_ssd_s47_enquiry_person;
DROP INDEX ix_ssd_initial_cp_conference_person;
DROP INDEX ix_ssd_cp_plans_person;
DROP INDEX ix_ssd_cp_visits_person;
DROP INDEX ix_ssd_cp_reviews_person;
