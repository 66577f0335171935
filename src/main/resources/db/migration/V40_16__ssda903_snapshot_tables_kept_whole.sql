-- Issue 16: a partial SSDA903 update is checked against the current snapshot's other tables as stored. Since V34_16 an
-- import keeps every column and table of the return; a snapshot made before then (or a partial update of one, which
-- copies its tables) does not. Each SSDA903 snapshot now says which of its tables it holds whole, so that the check
-- reads every column of those and reports the rules on the missing columns of the others as not checked.
ALTER TABLE import_snapshot ADD COLUMN tables_whole TEXT[];
COMMENT ON COLUMN import_snapshot.tables_whole IS
    'SSDA903: DfE names of the tables held with every column (tables imported since V34_16); null or absent name: imported before';

-- Snapshots already stored: whole when it and every snapshot it was based on were imported after V34_16 was applied.
DO $$
DECLARE
    since TIMESTAMP;
BEGIN
    IF to_regclass('flyway_schema_history') IS NOT NULL THEN
        SELECT installed_on INTO since FROM flyway_schema_history WHERE version = '34.16' AND success;
    END IF;
    IF since IS NOT NULL THEN
        WITH RECURSIVE chain (start_id, id, based_on, imported_at) AS (
            SELECT id, id, based_on, imported_at FROM import_snapshot WHERE kind = 'SSDA903'
            UNION ALL
            SELECT c.start_id, s.id, s.based_on, s.imported_at FROM chain c JOIN import_snapshot s ON s.id = c.based_on
        )
        UPDATE import_snapshot SET tables_whole = ARRAY['Header', 'Episodes', 'Reviews', 'OC3', 'Missing', 'UASC', 'OC2', 'AD1',
                                                        'PlacedAdoption', 'PrevPerm', 'SWEpisodes', 'DoLo']
         WHERE id IN (SELECT start_id FROM chain GROUP BY start_id HAVING min(imported_at) >= since);
    END IF;
END $$;
