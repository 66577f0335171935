-- Issue 16 (performance: the national import): the reference check of V42_16/V44_16 reads only the children of the
-- statement's own snapshots, not every child of the store. Profiled (auto_explain) on bench-protection at 5% of England:
-- the check of a child table's rows against ssd_person was a hash anti-join whose hash read every row of ssd_person,
-- every LA and every superseded snapshot (20,176 rows for 661 CP visits), once per table and import, so each import
-- cost more the more the store held (docs/ssd-store.md, "Why the references are triggers").
--
-- Same guarantees, same refusals and messages as V44_16: a row whose snapshot does not exist (for its LA) or whose
-- child is not in ssd_person is refused with SQLSTATE 23503, naming the first offending row of the statement; the
-- snapshots named are locked FOR KEY SHARE until the transaction ends. What changes is only how the rows are read:
--  * the statement's rows are read once for their snapshots (each checked, then all locked at once), not twice;
--  * a statement of 1,000 rows or more looks its children up in ssd_person under the condition snapshot_no = ANY(the
--    statement's snapshots), which the primary key (snapshot_no, pers_person_id) answers with the range of those
--    snapshots only, in a hash anti-join (nested loops off for that one query: the planner has no statistics for a
--    snapshot being written, estimates its children at one row, and chose a nested loop over all of them for each
--    row, measured at 20% of England as 278 reviews x 592 children); a smaller statement (a payload) looks each child
--    up by the primary key. A child is still matched on its own snapshot and id, so the answer is the same.
--
-- And the four tables that named their LA by a foreign key of their own (fk_ssd_person_la, fk_ssd_assessment_factors_la,
-- fk_ssd_department_la, fk_ssd_professionals_la) have it checked by the same statement trigger: the same auto_explain
-- of bench-ssd showed those foreign keys' row-by-row checks at 570 ms for 10,000 children and 383 ms for 4,339
-- assessment factors, more than the rest of those tables' writing. The guarantee is the same:
--  * a row whose la_id is not a local authority is refused with SQLSTATE 23503 and the foreign key's own message and
--    detail (constraint fk_<table>_la, 'Key (la_id)=(...) is not present in table "local_authority".');
--  * a local authority cannot be deleted while such a row exists: every row's la_id is its snapshot's (checked at every
--    insert and update, above), the snapshot refers to the LA by its own foreign key (fk_import_snapshot_la, NO ACTION)
--    and is locked FOR KEY SHARE by the import, and a snapshot's LA may not change (below), so the LA stays referenced
--    as long as the row exists.

CREATE OR REPLACE FUNCTION ssd_check_references() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    person TEXT := CASE WHEN TG_NARGS > 0 THEN TG_ARGV[0] END;
    bad RECORD;
    named RECORD;
    snapshots INTEGER[] := '{}';
    total BIGINT := 0;
    nestloop TEXT;
BEGIN
    -- Each snapshot named by the statement's rows, once: it exists (for the row's LA) and is kept until commit.
    FOR named IN SELECT snapshot_no, la_id, count(*) AS n FROM added GROUP BY snapshot_no, la_id LOOP
        total := total + named.n;
        -- The tables without a child (no argument) had a foreign key to the LA: its refusal, first, as before.
        IF person IS NULL AND NOT EXISTS (SELECT 1 FROM local_authority l WHERE l.id = named.la_id) THEN
            RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "fk_%_la"', TG_TABLE_NAME, TG_TABLE_NAME
                USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'fk_' || TG_TABLE_NAME || '_la',
                      DETAIL = format('Key (la_id)=(%s) is not present in table "local_authority".', named.la_id);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM import_snapshot s WHERE s.no = named.snapshot_no AND s.la_id = named.la_id) THEN
            RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "fk_%_snapshot"', TG_TABLE_NAME, TG_TABLE_NAME
                USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'fk_' || TG_TABLE_NAME || '_snapshot',
                      DETAIL = format('Key (snapshot_no)=(%s) is not present in table "import_snapshot" for the row''s LA (la_id %s).',
                                      named.snapshot_no, named.la_id);
        END IF;
        snapshots := snapshots || named.snapshot_no;
    END LOOP;
    PERFORM 1 FROM import_snapshot s WHERE s.no = ANY(snapshots) FOR KEY SHARE OF s;
    IF person IS NOT NULL THEN
        -- One anti-join of the statement's rows against the children of its own snapshots; the first offending row in
        -- the statement's order.
        IF total < 1000 THEN
            -- OFFSET 0 keeps the look-up a subquery run per row (by the primary key), never a join over every child.
            EXECUTE format('SELECT n.snapshot_no, n.person FROM (SELECT a.snapshot_no, a.%1$I AS person, row_number() OVER () AS rn FROM added a) n
                             WHERE NOT EXISTS (SELECT 1 FROM ssd_person p WHERE p.snapshot_no = n.snapshot_no AND p.pers_person_id = n.person OFFSET 0)
                             ORDER BY n.rn LIMIT 1', person) INTO bad;
        ELSE
            nestloop := current_setting('enable_nestloop');
            PERFORM set_config('enable_nestloop', 'off', true);
            EXECUTE format('SELECT n.snapshot_no, n.person FROM (SELECT a.snapshot_no, a.%1$I AS person, row_number() OVER () AS rn FROM added a) n
                             WHERE NOT EXISTS (SELECT 1 FROM ssd_person p WHERE p.snapshot_no = ANY($1) AND p.snapshot_no = n.snapshot_no
                                                  AND p.pers_person_id = n.person)
                             ORDER BY n.rn LIMIT 1', person) INTO bad USING snapshots;
            PERFORM set_config('enable_nestloop', nestloop, true);
        END IF;
        IF bad.snapshot_no IS NOT NULL THEN
            RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "fk_%_person"', TG_TABLE_NAME, TG_TABLE_NAME
                USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, CONSTRAINT = 'fk_' || TG_TABLE_NAME || '_person',
                      DETAIL = format('Key (snapshot_no, %s)=(%s, %s) is not present in table "ssd_person".', person, bad.snapshot_no, bad.person);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION ssd_check_references() IS
    'Issue 16: the references of the ssd_* tables to their snapshot (by its number, V44_16) and child, checked once per statement (V42_16), reading only the children of the statement''s snapshots (V47_16)';

ALTER TABLE ssd_person DROP CONSTRAINT fk_ssd_person_la;
ALTER TABLE ssd_assessment_factors DROP CONSTRAINT fk_ssd_assessment_factors_la;
ALTER TABLE ssd_department DROP CONSTRAINT fk_ssd_department_la;
ALTER TABLE ssd_professionals DROP CONSTRAINT fk_ssd_professionals_la;

-- A snapshot's LA may not change either: the store's rows name the LA their snapshot names (nothing in Oversight
-- changes it; an import for another LA is a new snapshot).
DROP TRIGGER ssd_refuse_key_change ON import_snapshot;
CREATE TRIGGER ssd_refuse_key_change BEFORE UPDATE ON import_snapshot
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.no IS DISTINCT FROM NEW.no OR OLD.la_id IS DISTINCT FROM NEW.la_id)
    EXECUTE FUNCTION ssd_refuse_key_change();
