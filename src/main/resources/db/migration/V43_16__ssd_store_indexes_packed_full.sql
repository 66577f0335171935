-- Issue 16 (performance: the store at no more than 3 times the size of its CSV files): every index of the ssd_* tables
-- is packed full (fill factor 100 instead of B-tree's 90). An import writes each table's rows in the order of its
-- primary key (SsdStore), so its new keys come one after another: a page that fills splits at its end, leaving the
-- full page behind, and nothing later is inserted among a snapshot's rows but a payload's changes (a payload that adds
-- a row to a full page splits it in two, as with any fill factor). Measured on bench-ssd's extract (10,000 children of
-- Birmingham, 228,458 rows): the primary key of the CIN visits 5.6 MB at 90, 5.1 MB at 100; all indexes 1.5 MB less.
--
-- Each index is rebuilt at once so that the rows already stored take the new packing too. Only the indexes change:
-- every row, constraint, row-level security policy, grant, trigger and comment of the tables stays as it was.
DO $$
DECLARE
    i RECORD;
BEGIN
    FOR i IN
        SELECT ic.relname AS name
          FROM pg_index x
          JOIN pg_class ic ON ic.oid = x.indexrelid
          JOIN pg_class tc ON tc.oid = x.indrelid
         WHERE tc.relnamespace = current_schema()::regnamespace AND tc.relkind = 'r'
           AND tc.relname IN ('ssd_person', 'ssd_disability', 'ssd_contacts', 'ssd_early_help_episodes', 'ssd_cin_episodes',
                              'ssd_cin_assessments', 'ssd_assessment_factors', 'ssd_cin_plans', 'ssd_cin_visits', 'ssd_s47_enquiry',
                              'ssd_initial_cp_conference', 'ssd_cp_plans', 'ssd_cp_visits', 'ssd_cp_reviews', 'ssd_department',
                              'ssd_professionals', 'ssd_involvements')
         ORDER BY ic.relname
    LOOP
        EXECUTE format('ALTER INDEX %I SET (fillfactor = 100)', i.name);
        EXECUTE format('REINDEX INDEX %I', i.name);
    END LOOP;
END
$$;
