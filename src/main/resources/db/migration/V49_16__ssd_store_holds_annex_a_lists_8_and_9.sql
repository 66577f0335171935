-- Issue 16 (one store): Annex A lists 8 (children in care) and 9 (care leavers) in the SSD store. Every ANNEX_A
-- snapshot's rows of annex_a_child are written into the SSD tables of the same snapshot (its number), by the function
-- below: this migration runs it on every ANNEX_A snapshot already stored, and every Annex A import runs it on the
-- snapshot it makes (ChildDataImporter), in the same transaction. The readers of lists 8 and 9 (compliance, the Annex A
-- export, the day-one pack: ChildDataSnapshots.annexA) read the store; annex_a_child stays as it is (the subject-access
-- export still shows it, and it is what this function copies).
--
-- The mapping (docs/ssd-store.md, "Annex A lists 8 and 9"). <c> is the child's id, <L> the list (8 or 9): a child in
-- both lists has the rows of each, apart.
--  * every child of either list -> ssd_person <c> (lists 8 and 9 carry nothing else about the person that is stored);
--  * a list 8 row is always an ssd_cla_episodes row <c>/A8-E, the child's current episode as Annex A tells it, of the
--    period of care clae_cla_id <c>/A8; a list 9 row is always an ssd_care_leavers row <c>/A9-L. Those rows say which
--    list a child is in;
--  * "Date of Last IRO Visit / Contact to the Child" -> clae_cla_last_iro_contact_date (the SSD's field) and "What is
--    the permanence plan for this child?" -> clae_cla_permanence_plan (an Oversight addition: the SSD keeps it in
--    ssd_cla_care_plan.lacp_cla_care_plan_json, a table the store does not hold) of the episode <c>/A<L>-E;
--  * "Date of Last Social Work Visit" -> ssd_cla_visits <c>/A<L>-V (clav_cla_id <c>/A<L>);
--  * "Date of Last Health Assessment" -> ssd_cla_health <c>/A<L>-H, type 'Health Assessment'; "Date of Last Dental
--    Check" -> ssd_cla_health <c>/A<L>-D, type 'Dental Check';
--  * "Start Date of Most Recent Placement" -> ssd_cla_placement <c>/A<L>-P (clap_cla_id <c>/A<L>), which the episode
--    names (clae_cla_placement_id);
--  * "Latest Pathway Plan Review Date" -> clea_pathway_plan_review_date, "Latest Date of Contact" ->
--    clea_care_leaver_latest_contact, "Eligibility Category" -> clea_care_leaver_eligibility of the care leaver <c>/A<L>-L;
--  * list 8's "Allocated Team" and "Allocated Worker" -> ssd_involvements <c>/A8-I (invo_professional_team,
--    invo_professional_id) naming an ssd_department row (dept_team_id and dept_team_name the team as written) and an
--    ssd_professionals row (prof_professional_id and prof_professional_name the worker as written); none when both
--    are blank. List 9's "Allocated Team" -> clea_care_leaver_allocated_team (an ssd_department row, as above) and its
--    "Allocated Personal Advisor" -> clea_care_leaver_personal_advisor.
-- A list's own columns are the above; the workbook reader also keeps another list's column when a sheet has it (a
-- visit date in list 9), so those go the same way: an episode <c>/A9-E (the period of a list 9 row's visit or placement)
-- or a care leaver <c>/A8-L only when there is such a value.
-- A blank date is no row (a visit, health check or placement) or a NULL (the episode's, the care leaver's); text is
-- kept as written. So every value of annex_a_child is in the store and read back the same (AnnexAStoreIT).
--
-- Annex A does not say when the current episode began, nor since when the team and worker hold the case: the store's
-- clae_cla_episode_start_date and invo_involvement_start_date, required of every SSD extract's and payload's rows (the
-- importers refuse a row without them, OV-SSD-REQUIRED), are NULL in an Annex A snapshot's rows only, rather than a date
-- Annex A does not give. Their NOT NULL goes; a comment on each says so.

ALTER TABLE ssd_cla_episodes ALTER COLUMN clae_cla_episode_start_date DROP NOT NULL;
ALTER TABLE ssd_involvements ALTER COLUMN invo_involvement_start_date DROP NOT NULL;
COMMENT ON COLUMN ssd_cla_episodes.clae_cla_episode_start_date IS
    'Date Episode Commenced; required of an SSD extract''s rows, NULL only in an Annex A snapshot''s (list 8 does not give it: V49_16)';
COMMENT ON COLUMN ssd_involvements.invo_involvement_start_date IS
    'Start Date for team/worker involvement; required of an SSD extract''s and payload''s rows, NULL only in an Annex A snapshot''s (list 8 names the allocated team and worker, not since when: V49_16)';

ALTER TABLE ssd_cla_episodes ADD COLUMN clae_cla_permanence_plan TEXT;
COMMENT ON COLUMN ssd_cla_episodes.clae_cla_permanence_plan IS
    'Oversight addition: Annex A list 8 "What is the permanence plan for this child?" as written (the SSD keeps it in ssd_cla_care_plan.lacp_cla_care_plan_json, a table not stored: V49_16)';

-- Writes an ANNEX_A snapshot's list 8 and 9 rows into the SSD tables of the same snapshot.
CREATE FUNCTION ssd_from_annex_a(p_snapshot UUID) RETURNS VOID
    LANGUAGE plpgsql AS $$
DECLARE
    n INTEGER;
    la UUID;
BEGIN
    SELECT s.no, s.la_id INTO n, la FROM import_snapshot s WHERE s.id = p_snapshot AND s.kind = 'ANNEX_A';
    IF n IS NULL THEN
        RAISE EXCEPTION 'No Annex A snapshot %', p_snapshot;
    END IF;
    IF EXISTS (SELECT 1 FROM ssd_person p WHERE p.snapshot_no = n) THEN
        RAISE EXCEPTION 'The Annex A snapshot % is already in the SSD store', p_snapshot;
    END IF;
    -- (no temporary table: the application's role may not be allowed to make one, see SsdStore)
    INSERT INTO ssd_person (snapshot_no, la_id, pers_person_id)
    SELECT DISTINCT n, la, a.child_ref FROM annex_a_child a WHERE a.snapshot_id = p_snapshot ORDER BY 3;

    INSERT INTO ssd_department (snapshot_no, la_id, dept_team_id, dept_team_name)
    SELECT DISTINCT n, la, a.team, a.team FROM annex_a_child a WHERE a.snapshot_id = p_snapshot AND a.team IS NOT NULL ORDER BY 3;

    INSERT INTO ssd_professionals (snapshot_no, la_id, prof_professional_id, prof_professional_name)
    SELECT DISTINCT n, la, a.worker, a.worker FROM annex_a_child a
     WHERE a.snapshot_id = p_snapshot AND a.list = 8 AND a.worker IS NOT NULL ORDER BY 3;

    INSERT INTO ssd_involvements (snapshot_no, la_id, invo_involvements_id, invo_person_id, invo_professional_id, invo_professional_team)
    SELECT n, la, a.child_ref || '/A8-I', a.child_ref, a.worker, a.team FROM annex_a_child a
     WHERE a.snapshot_id = p_snapshot AND a.list = 8 AND (a.team IS NOT NULL OR a.worker IS NOT NULL) ORDER BY 3;

    INSERT INTO ssd_cla_placement (snapshot_no, la_id, clap_cla_placement_id, clap_person_id, clap_cla_placement_start_date, clap_cla_id)
    SELECT n, la, a.child_ref || '/A' || a.list || '-P', a.child_ref, a.placement_start, a.child_ref || '/A' || a.list FROM annex_a_child a
     WHERE a.snapshot_id = p_snapshot AND a.placement_start IS NOT NULL ORDER BY 3;

    INSERT INTO ssd_cla_episodes (snapshot_no, la_id, clae_cla_episode_id, clae_person_id, clae_cla_id, clae_cla_placement_id,
                                  clae_cla_last_iro_contact_date, clae_cla_permanence_plan)
    SELECT n, la, a.child_ref || '/A' || a.list || '-E', a.child_ref, a.child_ref || '/A' || a.list,
           CASE WHEN a.placement_start IS NOT NULL THEN a.child_ref || '/A' || a.list || '-P' END, a.last_iro_contact, a.permanence_plan
      FROM annex_a_child a
     WHERE a.snapshot_id = p_snapshot
       AND (a.list = 8 OR a.last_iro_contact IS NOT NULL OR a.permanence_plan IS NOT NULL OR a.placement_start IS NOT NULL OR a.last_visit IS NOT NULL)
     ORDER BY 3;

    INSERT INTO ssd_cla_visits (snapshot_no, la_id, clav_cla_visit_id, clav_cla_id, clav_person_id, clav_cla_visit_date)
    SELECT n, la, a.child_ref || '/A' || a.list || '-V', a.child_ref || '/A' || a.list, a.child_ref, a.last_visit FROM annex_a_child a
     WHERE a.snapshot_id = p_snapshot AND a.last_visit IS NOT NULL ORDER BY 3;

    INSERT INTO ssd_cla_health (snapshot_no, la_id, clah_health_check_id, clah_person_id, clah_health_check_type, clah_health_check_date)
    SELECT n, la, h.id, h.child_ref, h.type, h.checked FROM (
        SELECT a.child_ref || '/A' || a.list || '-H' AS id, a.child_ref, 'Health Assessment' AS type, a.last_health AS checked FROM annex_a_child a
         WHERE a.snapshot_id = p_snapshot AND a.last_health IS NOT NULL
        UNION ALL
        SELECT a.child_ref || '/A' || a.list || '-D', a.child_ref, 'Dental Check', a.last_dental FROM annex_a_child a
         WHERE a.snapshot_id = p_snapshot AND a.last_dental IS NOT NULL) h ORDER BY 3;

    INSERT INTO ssd_care_leavers (snapshot_no, la_id, clea_table_id, clea_person_id, clea_care_leaver_eligibility, clea_care_leaver_latest_contact,
                                  clea_pathway_plan_review_date, clea_care_leaver_personal_advisor, clea_care_leaver_allocated_team)
    SELECT n, la, a.child_ref || '/A' || a.list || '-L', a.child_ref, a.eligibility, a.latest_contact, a.pathway_review,
           CASE WHEN a.list = 9 THEN a.worker END, CASE WHEN a.list = 9 THEN a.team END
      FROM annex_a_child a
     WHERE a.snapshot_id = p_snapshot AND (a.list = 9 OR a.eligibility IS NOT NULL OR a.latest_contact IS NOT NULL OR a.pathway_review IS NOT NULL)
     ORDER BY 3;
END
$$;
COMMENT ON FUNCTION ssd_from_annex_a(UUID) IS
    'Issue 16: an Annex A snapshot''s lists 8 and 9 (annex_a_child) written into the SSD tables of the same snapshot (V49_16)';

-- Every ANNEX_A snapshot already stored, oldest first.
DO $$
DECLARE
    s RECORD;
BEGIN
    FOR s IN SELECT id FROM import_snapshot WHERE kind = 'ANNEX_A' ORDER BY no LOOP
        PERFORM ssd_from_annex_a(s.id);
    END LOOP;
END
$$;
