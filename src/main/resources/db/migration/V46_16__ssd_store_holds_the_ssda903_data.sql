-- Issue 16 (one store): the SSDA903 data in the SSD store. Every SSDA903 snapshot's children and their looked-after
-- data are written into the SSD tables (V45_16) of the same snapshot, by the function below: this migration runs it
-- on every SSDA903 snapshot already stored, and every SSDA903 import runs it on the snapshot it makes
-- (ChildDataImporter), after the 903 tables, whole or partly copied from the snapshot before. The SSDA903 tables
-- (child, episode, review, care_leaver, missing_episode, ssda903_row) stay as they are and are still what the
-- readers read, but for missing episodes (read from ssd_missing; docs/ssd-store.md, "The looked-after half").
--
-- The mapping, the same as Ssda903ToSsd's (which writes generate-data's SSD extract; Ssda903ToSsdIT keeps them equal):
--  * child -> ssd_person: CHILD, SEX, ETHNIC, DOB, UPN (pers_upn), MOTHER (pers_is_mother);
--  * each episode -> ssd_cla_episodes '<child>/E<DECOM>': DECOM, RNE, CIN, DEC, REC; its period of care (episodes each
--    starting the day the one before ended) clae_cla_id '<child>/C<first DECOM>' and clae_entered_care_date; its
--    placement clae_cla_placement_id;
--  * ssd_cla_placement '<child>/P<start>': a run of a period's episodes changing the legal status only (RNE L) with the
--    same PLACE, PLACE_PROVIDER, PL_POST and URN and no REASON_PLACE_CHANGE before them; the first one's placement,
--    the last one's DEC and REASON_PLACE_CHANGE;
--  * ssd_legal_status '<child>/L<start>': a run of a period's episodes with the same LS, to the last one's DEC;
--  * review -> ssd_cla_reviews '<child>/R<date>' (REVIEW_CODE as the participation; the period it falls in);
--  * missing_episode -> ssd_missing '<child>/M<start>-<kind>'; care_leaver -> ssd_care_leavers '<child>/OC3'.
-- Not in the SSD's tables, so kept only in the 903 tables: HOME_POST (the SSD keeps addresses in ssd_address), MC_DOB,
-- UASC, and the tables of ssda903_row (UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes, DoLo).

-- A snapshot's 903 episodes with the start of their period of care, placement and legal status.
CREATE FUNCTION ssda903_episode_runs(p_snapshot UUID)
    RETURNS TABLE (la_id UUID, child_ref TEXT, decom DATE, rne TEXT, legal_status TEXT, cin TEXT, place TEXT, place_provider TEXT,
                   ceased DATE, rec TEXT, reason_place_change TEXT, pl_post TEXT, urn TEXT, period_start DATE, placement_start DATE, legal_start DATE)
    LANGUAGE sql STABLE AS $$
    WITH f AS (
        SELECT e.la_id, e.child_ref, e.decom, e.rne, e.legal_status, e.cin, e.place, e.place_provider, e.dec, e.rec,
               e.reason_place_change, e.pl_post, e.urn,
               lag(e.dec) OVER w IS DISTINCT FROM e.decom AS new_period,
               lag(e.dec) OVER w IS DISTINCT FROM e.decom OR e.rne IS DISTINCT FROM 'L'
                   OR (lag(e.place) OVER w, lag(e.place_provider) OVER w, lag(e.pl_post) OVER w, lag(e.urn) OVER w)
                      IS DISTINCT FROM (e.place, e.place_provider, e.pl_post, e.urn)
                   OR lag(e.reason_place_change) OVER w IS NOT NULL AS new_placement,
               lag(e.dec) OVER w IS DISTINCT FROM e.decom OR lag(e.legal_status) OVER w IS DISTINCT FROM e.legal_status AS new_legal
          FROM episode e
         WHERE e.snapshot_id = p_snapshot
        WINDOW w AS (PARTITION BY e.child_ref ORDER BY e.decom)
    ), g AS (
        SELECT f.*, count(*) FILTER (WHERE f.new_period) OVER w AS pg, count(*) FILTER (WHERE f.new_placement) OVER w AS plg,
               count(*) FILTER (WHERE f.new_legal) OVER w AS lg
          FROM f
        WINDOW w AS (PARTITION BY f.child_ref ORDER BY f.decom)
    )
    SELECT g.la_id, g.child_ref, g.decom, g.rne, g.legal_status, g.cin, g.place, g.place_provider, g.dec AS ceased, g.rec, g.reason_place_change,
           g.pl_post, g.urn,
           min(g.decom) OVER (PARTITION BY g.child_ref, g.pg), min(g.decom) OVER (PARTITION BY g.child_ref, g.plg),
           min(g.decom) OVER (PARTITION BY g.child_ref, g.lg)
      FROM g
$$;
COMMENT ON FUNCTION ssda903_episode_runs(UUID) IS
    'Issue 16: a snapshot''s SSDA903 episodes with the first day of their period of care, placement and legal status (V46_16)';

-- Writes an SSDA903 snapshot's children and looked-after data into the SSD tables of the same snapshot.
CREATE FUNCTION ssd_from_ssda903(p_snapshot UUID) RETURNS VOID
    LANGUAGE plpgsql AS $$
DECLARE
    n INTEGER;
BEGIN
    SELECT no INTO n FROM import_snapshot WHERE id = p_snapshot AND kind = 'SSDA903';
    IF n IS NULL THEN
        RAISE EXCEPTION 'No SSDA903 snapshot %', p_snapshot;
    END IF;
    INSERT INTO ssd_person (snapshot_no, la_id, pers_person_id, pers_sex, pers_ethnicity, pers_dob, pers_is_mother, pers_upn)
    SELECT n, c.la_id, c.child_ref, c.sex, c.ethnic, c.dob, c.mother, c.upn FROM child c WHERE c.snapshot_id = p_snapshot ORDER BY c.child_ref;

    -- (no temporary table: the application's role may not be allowed to make one, see SsdStore)
    INSERT INTO ssd_cla_episodes (snapshot_no, la_id, clae_cla_episode_id, clae_person_id, clae_cla_episode_start_date, clae_cla_episode_start_reason,
                                  clae_cla_primary_need_code, clae_cla_episode_ceased_date, clae_cla_episode_ceased_reason, clae_cla_id,
                                  clae_cla_placement_id, clae_entered_care_date)
    WITH r AS MATERIALIZED (SELECT * FROM ssda903_episode_runs(p_snapshot))
    SELECT n, r.la_id, r.child_ref || '/E' || to_char(r.decom, 'YYYY-MM-DD'), r.child_ref, r.decom, r.rne, r.cin, r.ceased, r.rec,
           r.child_ref || '/C' || to_char(r.period_start, 'YYYY-MM-DD'), r.child_ref || '/P' || to_char(r.placement_start, 'YYYY-MM-DD'), r.period_start
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
    'Issue 16: an SSDA903 snapshot''s children and looked-after data written into the SSD tables of the same snapshot (V46_16)';

-- Every SSDA903 snapshot already stored, oldest first.
DO $$
DECLARE
    s RECORD;
BEGIN
    FOR s IN SELECT id FROM import_snapshot WHERE kind = 'SSDA903' ORDER BY no LOOP
        PERFORM ssd_from_ssda903(s.id);
    END LOOP;
END
$$;
