-- Issue 16 (one store): the looked-after half of a child's journey in the SSD store. The Standard Safeguarding Dataset's
-- tables for children looked after, care leavers, missing episodes, legal statuses and permanence, with the SSD's own
-- field names (src/main/resources/childdata/ssd-fields.csv), made exactly as the ssd_* tables are after V44_16:
--  * snapshot_no INTEGER (the import, import_snapshot.no) and la_id UUID first; the primary key (snapshot_no, the SSD
--    key) at fill factor 100 (V43_16); no index by child (no reader reads these by child yet: V42_16 kept those only
--    where one does);
--  * the references to the snapshot and the child checked once per statement by the triggers of V42_16 on the number
--    (V44_16): ck_<table>_insert and ck_<table>_update, refusing a row of no snapshot, of another LA's snapshot, or of a
--    child not in ssd_person with SQLSTATE 23503 and fk_<table>_snapshot / fk_<table>_person; deleting a snapshot or a
--    child deletes these rows too (the two functions below are V44_16's with the new tables added);
--  * row-level security by la_id (R__row_level_security.sql, which lists them and so runs again) and the grants of
--    afterMigrate__grant_roles.sql, as every LA-private table.
-- The SSDA903 tables (child, episode, review, care_leaver, missing_episode, annex_a_child) stay as they are: V46_16
-- copies their rows into these tables.
-- One Oversight addition: ssd_cla_reviews.clar_person_id (the SSD's review names only its period of care, clar_cla_id;
-- the store links every row to its child).

CREATE TABLE ssd_cla_episodes (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    clae_cla_episode_id TEXT NOT NULL,
    clae_person_id TEXT NOT NULL,
    clae_cla_episode_start_date DATE NOT NULL,
    clae_cla_episode_start_reason TEXT,
    clae_cla_primary_need_code TEXT,
    clae_cla_episode_ceased_date DATE,
    clae_cla_episode_ceased_reason TEXT,
    clae_cla_id TEXT,
    clae_referral_id TEXT,
    clae_cla_placement_id TEXT,
    clae_entered_care_date DATE,
    clae_cla_last_iro_contact_date DATE,
    CONSTRAINT pk_ssd_cla_episodes PRIMARY KEY (snapshot_no, clae_cla_episode_id) WITH (fillfactor = 100)
);

CREATE TABLE ssd_cla_placement (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    clap_cla_placement_id TEXT NOT NULL,
    clap_cla_placement_start_date DATE NOT NULL,
    clap_cla_placement_type TEXT,
    clap_cla_placement_urn TEXT,
    clap_cla_placement_distance NUMERIC,
    clap_cla_id TEXT,
    clap_cla_placement_provider TEXT,
    clap_cla_placement_postcode TEXT,
    clap_cla_placement_end_date DATE,
    clap_cla_placement_change_reason TEXT,
    clap_person_id TEXT NOT NULL,
    CONSTRAINT pk_ssd_cla_placement PRIMARY KEY (snapshot_no, clap_cla_placement_id) WITH (fillfactor = 100)
);

CREATE TABLE ssd_legal_status (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    lega_legal_status_id TEXT NOT NULL,
    lega_person_id TEXT NOT NULL,
    lega_legal_status TEXT NOT NULL,
    lega_legal_status_start_date DATE NOT NULL,
    lega_legal_status_end_date DATE,
    CONSTRAINT pk_ssd_legal_status PRIMARY KEY (snapshot_no, lega_legal_status_id) WITH (fillfactor = 100)
);

CREATE TABLE ssd_cla_reviews (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    clar_cla_review_id TEXT NOT NULL,
    clar_cla_id TEXT,
    clar_cla_review_due_date DATE,
    clar_cla_review_date DATE,
    clar_cla_review_cancelled TEXT,
    clar_cla_review_participation TEXT,
    clar_person_id TEXT NOT NULL,
    CONSTRAINT pk_ssd_cla_reviews PRIMARY KEY (snapshot_no, clar_cla_review_id) WITH (fillfactor = 100)
);

CREATE TABLE ssd_cla_visits (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    clav_cla_visit_id TEXT NOT NULL,
    clav_cla_id TEXT,
    clav_person_id TEXT NOT NULL,
    clav_cla_visit_date DATE NOT NULL,
    clav_cla_visit_seen TEXT,
    clav_cla_visit_seen_alone TEXT,
    CONSTRAINT pk_ssd_cla_visits PRIMARY KEY (snapshot_no, clav_cla_visit_id) WITH (fillfactor = 100)
);

CREATE TABLE ssd_cla_health (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    clah_health_check_id TEXT NOT NULL,
    clah_person_id TEXT NOT NULL,
    clah_health_check_type TEXT,
    clah_health_check_date DATE NOT NULL,
    clah_health_check_status TEXT,
    CONSTRAINT pk_ssd_cla_health PRIMARY KEY (snapshot_no, clah_health_check_id) WITH (fillfactor = 100)
);

CREATE TABLE ssd_missing (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    miss_table_id TEXT NOT NULL,
    miss_person_id TEXT NOT NULL,
    miss_missing_episode_start_date DATE NOT NULL,
    miss_missing_episode_type TEXT,
    miss_missing_episode_end_date DATE,
    miss_missing_rhi_offered TEXT,
    miss_missing_rhi_accepted TEXT,
    CONSTRAINT pk_ssd_missing PRIMARY KEY (snapshot_no, miss_table_id) WITH (fillfactor = 100)
);

CREATE TABLE ssd_care_leavers (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    clea_table_id TEXT NOT NULL,
    clea_person_id TEXT NOT NULL,
    clea_care_leaver_eligibility TEXT,
    clea_care_leaver_in_touch TEXT,
    clea_care_leaver_latest_contact DATE,
    clea_care_leaver_accommodation TEXT,
    clea_care_leaver_accom_suitable TEXT,
    clea_care_leaver_activity TEXT,
    clea_pathway_plan_review_date DATE,
    clea_care_leaver_personal_advisor TEXT,
    clea_care_leaver_allocated_team TEXT,
    clea_care_leaver_worker_id TEXT,
    CONSTRAINT pk_ssd_care_leavers PRIMARY KEY (snapshot_no, clea_table_id) WITH (fillfactor = 100)
);

CREATE TABLE ssd_permanence (
    snapshot_no INTEGER NOT NULL,
    la_id UUID NOT NULL,
    perm_table_id TEXT NOT NULL,
    perm_person_id TEXT NOT NULL,
    perm_cla_id TEXT,
    perm_adm_decision_date DATE,
    perm_ffa_cp_decision_date DATE,
    perm_placement_order_date DATE,
    perm_placed_for_adoption_date DATE,
    perm_matched_date DATE,
    perm_adopted_by_carer_flag TEXT,
    perm_placed_ffa_cp_date DATE,
    perm_decision_reversed_date DATE,
    perm_placed_foster_carer_date DATE,
    perm_part_of_sibling_group TEXT,
    perm_siblings_placed_together INTEGER,
    perm_siblings_placed_apart INTEGER,
    perm_placement_provider_urn TEXT,
    perm_decision_reversed_reason TEXT,
    perm_permanence_order_date DATE,
    perm_permanence_order_type TEXT,
    perm_adoption_worker_id TEXT,
    perm_adopter_sex TEXT,
    perm_adopter_legal_status TEXT,
    perm_number_of_adopters TEXT,
    CONSTRAINT pk_ssd_permanence PRIMARY KEY (snapshot_no, perm_table_id) WITH (fillfactor = 100)
);


COMMENT ON COLUMN ssd_cla_episodes.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_cla_placement.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_legal_status.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_cla_reviews.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_cla_visits.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_cla_health.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_missing.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_care_leavers.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_permanence.snapshot_no IS 'The import this row belongs to: import_snapshot.no (its number, not its id: V44_16)';
COMMENT ON COLUMN ssd_cla_reviews.clar_person_id IS 'Oversight addition: Person Unique ID of the child reviewed (the SSD names only the period of care, clar_cla_id)';

CREATE TRIGGER ck_ssd_cla_episodes_insert AFTER INSERT ON ssd_cla_episodes REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clae_person_id');
CREATE TRIGGER ck_ssd_cla_episodes_update AFTER UPDATE ON ssd_cla_episodes REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clae_person_id');
CREATE TRIGGER ck_ssd_cla_placement_insert AFTER INSERT ON ssd_cla_placement REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clap_person_id');
CREATE TRIGGER ck_ssd_cla_placement_update AFTER UPDATE ON ssd_cla_placement REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clap_person_id');
CREATE TRIGGER ck_ssd_legal_status_insert AFTER INSERT ON ssd_legal_status REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('lega_person_id');
CREATE TRIGGER ck_ssd_legal_status_update AFTER UPDATE ON ssd_legal_status REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('lega_person_id');
CREATE TRIGGER ck_ssd_cla_reviews_insert AFTER INSERT ON ssd_cla_reviews REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clar_person_id');
CREATE TRIGGER ck_ssd_cla_reviews_update AFTER UPDATE ON ssd_cla_reviews REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clar_person_id');
CREATE TRIGGER ck_ssd_cla_visits_insert AFTER INSERT ON ssd_cla_visits REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clav_person_id');
CREATE TRIGGER ck_ssd_cla_visits_update AFTER UPDATE ON ssd_cla_visits REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clav_person_id');
CREATE TRIGGER ck_ssd_cla_health_insert AFTER INSERT ON ssd_cla_health REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clah_person_id');
CREATE TRIGGER ck_ssd_cla_health_update AFTER UPDATE ON ssd_cla_health REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clah_person_id');
CREATE TRIGGER ck_ssd_missing_insert AFTER INSERT ON ssd_missing REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('miss_person_id');
CREATE TRIGGER ck_ssd_missing_update AFTER UPDATE ON ssd_missing REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('miss_person_id');
CREATE TRIGGER ck_ssd_care_leavers_insert AFTER INSERT ON ssd_care_leavers REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clea_person_id');
CREATE TRIGGER ck_ssd_care_leavers_update AFTER UPDATE ON ssd_care_leavers REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('clea_person_id');
CREATE TRIGGER ck_ssd_permanence_insert AFTER INSERT ON ssd_permanence REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('perm_person_id');
CREATE TRIGGER ck_ssd_permanence_update AFTER UPDATE ON ssd_permanence REFERENCING NEW TABLE AS added FOR EACH STATEMENT
    EXECUTE FUNCTION ssd_check_references('perm_person_id');

-- Deleting snapshots deletes their rows in every ssd_* table (children of a child first, then the children).
CREATE OR REPLACE FUNCTION ssd_delete_with_snapshot() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ssd_assessment_factors t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_disability t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_contacts t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_early_help_episodes t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cin_episodes t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cin_assessments t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cin_plans t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cin_visits t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_s47_enquiry t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_initial_cp_conference t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cp_plans t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cp_visits t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cp_reviews t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_involvements t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cla_episodes t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cla_placement t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_legal_status t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cla_reviews t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cla_visits t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_cla_health t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_missing t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_care_leavers t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_permanence t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_department t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_professionals t USING gone g WHERE t.snapshot_no = g.no;
    DELETE FROM ssd_person t USING gone g WHERE t.snapshot_no = g.no;
    RETURN NULL;
END
$$;

-- Deleting children deletes their rows in the tables that name a child.
CREATE OR REPLACE FUNCTION ssd_delete_with_person() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ssd_disability t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.disa_person_id = g.pers_person_id;
    DELETE FROM ssd_contacts t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.cont_person_id = g.pers_person_id;
    DELETE FROM ssd_early_help_episodes t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.earl_person_id = g.pers_person_id;
    DELETE FROM ssd_cin_episodes t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.cine_person_id = g.pers_person_id;
    DELETE FROM ssd_cin_assessments t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.cina_person_id = g.pers_person_id;
    DELETE FROM ssd_cin_plans t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.cinp_person_id = g.pers_person_id;
    DELETE FROM ssd_cin_visits t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.cinv_person_id = g.pers_person_id;
    DELETE FROM ssd_s47_enquiry t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.s47e_person_id = g.pers_person_id;
    DELETE FROM ssd_initial_cp_conference t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.icpc_person_id = g.pers_person_id;
    DELETE FROM ssd_cp_plans t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.cppl_person_id = g.pers_person_id;
    DELETE FROM ssd_cp_visits t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.cppv_person_id = g.pers_person_id;
    DELETE FROM ssd_cp_reviews t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.cppr_person_id = g.pers_person_id;
    DELETE FROM ssd_involvements t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.invo_person_id = g.pers_person_id;
    DELETE FROM ssd_cla_episodes t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.clae_person_id = g.pers_person_id;
    DELETE FROM ssd_cla_placement t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.clap_person_id = g.pers_person_id;
    DELETE FROM ssd_legal_status t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.lega_person_id = g.pers_person_id;
    DELETE FROM ssd_cla_reviews t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.clar_person_id = g.pers_person_id;
    DELETE FROM ssd_cla_visits t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.clav_person_id = g.pers_person_id;
    DELETE FROM ssd_cla_health t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.clah_person_id = g.pers_person_id;
    DELETE FROM ssd_missing t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.miss_person_id = g.pers_person_id;
    DELETE FROM ssd_care_leavers t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.clea_person_id = g.pers_person_id;
    DELETE FROM ssd_permanence t USING gone g WHERE t.snapshot_no = g.snapshot_no AND t.perm_person_id = g.pers_person_id;
    RETURN NULL;
END
$$;
