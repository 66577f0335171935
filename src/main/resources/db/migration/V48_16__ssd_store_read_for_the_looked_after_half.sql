-- Issue 16 (one store): the readers of an SSDA903 snapshot's children, episodes, reviews and care leavers read the SSD
-- tables of the same snapshot (ChildDataSnapshotRepository: children, episodes, reviews, careLeavers; as missing does
-- since V46_16), no longer child, episode, review and care_leaver. Two things they return were not in the store yet:
--  * whether a child is an unaccompanied asylum-seeking child (child.uasc: the child is in the return's UASC table).
--    The SSD keeps it in ssd_immigration_status, which Oversight does not store; it is the Oversight addition
--    ssd_person.pers_uasc_flag: Y or N for every child of an SSDA903 snapshot, none when not known (an SSD extract
--    without the column, a CIN census, a payload);
--  * an episode's legal status. The store had it in ssd_legal_status, one row per run of a period's episodes with the
--    same LS, but nothing said which run an episode is of: a run of episodes without LS has no row, so "the latest
--    legal status begun on or before the episode" would give such an episode the run before's. It is the Oversight
--    addition ssd_cla_episodes.clae_legal_status_id, the ssd_legal_status row of the episode's run (as
--    clae_cla_placement_id names its placement), none when the episode has no legal status.
-- ssd_from_ssda903 (V46_16) writes both; Ssda903ToSsd (generate-data's SSD extract) does the same; this migration fills
-- them for every SSDA903 snapshot stored before it. An episode's placement and provider are its placement's
-- (clae_cla_placement_id): a placement is a run of episodes with the same PLACE and PLACE_PROVIDER, so nothing is added
-- for them. Nothing else changes: no table, so the statement triggers, row-level security and grants stay as they are.

ALTER TABLE ssd_person ADD COLUMN pers_uasc_flag TEXT;
ALTER TABLE ssd_cla_episodes ADD COLUMN clae_legal_status_id TEXT;
COMMENT ON COLUMN ssd_person.pers_uasc_flag IS
    'Oversight addition: Y when the child is an unaccompanied asylum-seeking child (SSDA903 UASC table), N when not, none when not known; the SSD keeps immigration status in ssd_immigration_status, not stored';
COMMENT ON COLUMN ssd_cla_episodes.clae_legal_status_id IS
    'Oversight addition: the legal status the child had in this episode (ssd_legal_status.lega_legal_status_id), none when the episode has none; the SSD does not link them';

-- V46_16's function, with the two columns written.
CREATE OR REPLACE FUNCTION ssd_from_ssda903(p_snapshot UUID) RETURNS VOID
    LANGUAGE plpgsql AS $$
DECLARE
    n INTEGER;
BEGIN
    SELECT no INTO n FROM import_snapshot WHERE id = p_snapshot AND kind = 'SSDA903';
    IF n IS NULL THEN
        RAISE EXCEPTION 'No SSDA903 snapshot %', p_snapshot;
    END IF;
    INSERT INTO ssd_person (snapshot_no, la_id, pers_person_id, pers_sex, pers_ethnicity, pers_dob, pers_is_mother, pers_upn, pers_uasc_flag)
    SELECT n, c.la_id, c.child_ref, c.sex, c.ethnic, c.dob, c.mother, c.upn, CASE WHEN c.uasc THEN 'Y' ELSE 'N' END
      FROM child c WHERE c.snapshot_id = p_snapshot ORDER BY c.child_ref;

    -- (no temporary table: the application's role may not be allowed to make one, see SsdStore)
    INSERT INTO ssd_cla_episodes (snapshot_no, la_id, clae_cla_episode_id, clae_person_id, clae_cla_episode_start_date, clae_cla_episode_start_reason,
                                  clae_cla_primary_need_code, clae_cla_episode_ceased_date, clae_cla_episode_ceased_reason, clae_cla_id,
                                  clae_cla_placement_id, clae_entered_care_date, clae_legal_status_id)
    WITH r AS MATERIALIZED (SELECT * FROM ssda903_episode_runs(p_snapshot))
    SELECT n, r.la_id, r.child_ref || '/E' || to_char(r.decom, 'YYYY-MM-DD'), r.child_ref, r.decom, r.rne, r.cin, r.ceased, r.rec,
           r.child_ref || '/C' || to_char(r.period_start, 'YYYY-MM-DD'), r.child_ref || '/P' || to_char(r.placement_start, 'YYYY-MM-DD'), r.period_start,
           CASE WHEN r.legal_status IS NOT NULL THEN r.child_ref || '/L' || to_char(r.legal_start, 'YYYY-MM-DD') END
      FROM r ORDER BY 3;

    INSERT INTO ssd_cla_placement (snapshot_no, la_id, clap_cla_placement_id, clap_person_id, clap_cla_placement_start_date, clap_cla_placement_type,
                                   clap_cla_placement_urn, clap_cla_id, clap_cla_placement_provider, clap_cla_placement_postcode,
                                   clap_cla_placement_end_date, clap_cla_placement_change_reason)
    WITH r AS MATERIALIZED (SELECT * FROM ssda903_episode_runs(p_snapshot))
    SELECT n, r.la_id, r.child_ref || '/P' || to_char(r.placement_start, 'YYYY-MM-DD'), r.child_ref, r.placement_start,
           (array_agg(r.place ORDER BY r.decom))[1], (array_agg(r.urn ORDER BY r.decom))[1],
           r.child_ref || '/C' || to_char(min(r.period_start), 'YYYY-MM-DD'),
           (array_agg(r.place_provider ORDER BY r.decom))[1], (array_agg(r.pl_post ORDER BY r.decom))[1],
           (array_agg(r.ceased ORDER BY r.decom DESC))[1], (array_agg(r.reason_place_change ORDER BY r.decom DESC))[1]
      FROM r GROUP BY r.la_id, r.child_ref, r.placement_start ORDER BY 3;

    INSERT INTO ssd_legal_status (snapshot_no, la_id, lega_legal_status_id, lega_person_id, lega_legal_status, lega_legal_status_start_date,
                                  lega_legal_status_end_date)
    WITH r AS MATERIALIZED (SELECT * FROM ssda903_episode_runs(p_snapshot))
    SELECT n, r.la_id, r.child_ref || '/L' || to_char(r.legal_start, 'YYYY-MM-DD'), r.child_ref,
           (array_agg(r.legal_status ORDER BY r.decom))[1], r.legal_start, (array_agg(r.ceased ORDER BY r.decom DESC))[1]
      FROM r GROUP BY r.la_id, r.child_ref, r.legal_start
    HAVING (array_agg(r.legal_status ORDER BY r.decom))[1] IS NOT NULL ORDER BY 3;

    -- a review's period: that of the latest episode it falls in (from its start to its end, both days)
    INSERT INTO ssd_cla_reviews (snapshot_no, la_id, clar_cla_review_id, clar_person_id, clar_cla_id, clar_cla_review_date, clar_cla_review_participation)
    WITH r AS MATERIALIZED (SELECT * FROM ssda903_episode_runs(p_snapshot)),
         v AS (SELECT v.*, (SELECT e.decom FROM episode e WHERE e.snapshot_id = p_snapshot AND e.child_ref = v.child_ref AND e.decom <= v.review_date
                                AND (e.dec IS NULL OR v.review_date <= e.dec) ORDER BY e.decom DESC LIMIT 1) AS in_episode
                 FROM review v WHERE v.snapshot_id = p_snapshot)
    SELECT n, v.la_id, v.child_ref || '/R' || to_char(v.review_date, 'YYYY-MM-DD'), v.child_ref,
           v.child_ref || '/C' || to_char(r.period_start, 'YYYY-MM-DD'), v.review_date, v.review_code
      FROM v LEFT JOIN r ON r.child_ref = v.child_ref AND r.decom = v.in_episode ORDER BY 3;

    INSERT INTO ssd_missing (snapshot_no, la_id, miss_table_id, miss_person_id, miss_missing_episode_start_date, miss_missing_episode_type,
                             miss_missing_episode_end_date)
    SELECT n, m.la_id, m.child_ref || '/M' || to_char(m.started, 'YYYY-MM-DD') || '-' || m.kind, m.child_ref, m.started, m.kind, m.ended
      FROM missing_episode m WHERE m.snapshot_id = p_snapshot ORDER BY 3;

    INSERT INTO ssd_care_leavers (snapshot_no, la_id, clea_table_id, clea_person_id, clea_care_leaver_in_touch, clea_care_leaver_activity,
                                  clea_care_leaver_accommodation)
    SELECT n, l.la_id, l.child_ref || '/OC3', l.child_ref, l.in_touch, l.activity, l.accommodation
      FROM care_leaver l WHERE l.snapshot_id = p_snapshot ORDER BY 3;
END
$$;
COMMENT ON FUNCTION ssd_from_ssda903(UUID) IS
    'Issue 16: an SSDA903 snapshot''s children and looked-after data written into the SSD tables of the same snapshot (V46_16; UASC and each episode''s legal status, V48_16)';

-- Every SSDA903 snapshot already stored, oldest first: the two columns as the function now writes them.
DO $$
DECLARE
    s RECORD;
BEGIN
    FOR s IN SELECT id, no FROM import_snapshot WHERE kind = 'SSDA903' ORDER BY no LOOP
        UPDATE ssd_person p SET pers_uasc_flag = CASE WHEN c.uasc THEN 'Y' ELSE 'N' END
          FROM child c
         WHERE c.snapshot_id = s.id AND p.snapshot_no = s.no AND p.pers_person_id = c.child_ref;
        UPDATE ssd_cla_episodes t SET clae_legal_status_id = r.child_ref || '/L' || to_char(r.legal_start, 'YYYY-MM-DD')
          FROM ssda903_episode_runs(s.id) r
         WHERE t.snapshot_no = s.no AND t.clae_person_id = r.child_ref AND t.clae_cla_episode_start_date = r.decom AND r.legal_status IS NOT NULL;
    END LOOP;
END
$$;
