-- Issue 16: the front half of the child's journey, in a store shaped on the Standard Safeguarding Dataset (SSD). Each
-- table is the SSD table of the same name with the SSD's own field names (so an SSD extract maps column for column),
-- plus snapshot_id and la_id: every row belongs to one dated import (import_snapshot, kinds SSD and CIN_CENSUS) of
-- one LA, and row-level security isolates it like the looked-after tables (R__row_level_security.sql picks up every
-- table with la_id). Never stored: a person's names and NHS number (pers_forename, pers_surname,
-- pers_common_child_id). Columns the SSD does not have but the CIN census needs are marked "Oversight addition".
-- The person id (pers_person_id and every *_person_id) is the same identifier as child.child_ref of the SSDA903 tables
-- (the CIN census LAchildID, the SSDA903 CHILD): the looked-after part stays in those tables, linked by it.

ALTER TABLE import_snapshot DROP CONSTRAINT chk_import_snapshot_kind;
ALTER TABLE import_snapshot ADD CONSTRAINT chk_import_snapshot_kind CHECK (kind IN ('SSDA903', 'ANNEX_A', 'SSD', 'CIN_CENSUS'));

ALTER TABLE child_import_job ADD COLUMN kind TEXT NOT NULL DEFAULT 'SSDA903';
ALTER TABLE child_import_job ADD CONSTRAINT chk_child_import_job_kind CHECK (kind IN ('SSDA903', 'SSD', 'CIN_CENSUS'));
COMMENT ON COLUMN child_import_job.kind IS 'What was uploaded: an SSDA903 return and/or Annex A workbook, an SSD extract (CSV tables or ZIP), or a CIN census XML';

CREATE TABLE ssd_person (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    pers_person_id TEXT NOT NULL,
    pers_sex TEXT,
    pers_gender TEXT,
    pers_ethnicity TEXT,
    pers_dob DATE,
    pers_legacy_id TEXT,
    pers_upn_unknown TEXT,
    pers_send_flag TEXT,
    pers_expected_dob DATE,
    pers_death_date DATE,
    pers_is_mother TEXT,
    pers_nationality TEXT,
    pers_upn TEXT,
    pers_former_upn TEXT,
    CONSTRAINT pk_ssd_person PRIMARY KEY (snapshot_id, pers_person_id),
    CONSTRAINT fk_ssd_person_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_person_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);
COMMENT ON COLUMN ssd_person.pers_upn IS 'Oversight addition: Unique pupil number (CIN census UPN, N00001); the SSD keeps it in ssd_linked_identifiers';
COMMENT ON COLUMN ssd_person.pers_former_upn IS 'Oversight addition: Former UPN (CIN census FormerUPN, N00002)';

CREATE TABLE ssd_disability (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    disa_person_id TEXT NOT NULL,
    disa_table_id TEXT NOT NULL,
    disa_disability_code TEXT NOT NULL,
    CONSTRAINT pk_ssd_disability PRIMARY KEY (snapshot_id, disa_table_id),
    CONSTRAINT fk_ssd_disability_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_disability_person FOREIGN KEY (snapshot_id, disa_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_disability_person ON ssd_disability (snapshot_id, disa_person_id);

CREATE TABLE ssd_contacts (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cont_contact_id TEXT NOT NULL,
    cont_person_id TEXT NOT NULL,
    cont_contact_date DATE NOT NULL,
    cont_contact_source_code TEXT,
    cont_contact_source_desc TEXT,
    cont_contact_outcome_json TEXT,
    CONSTRAINT pk_ssd_contacts PRIMARY KEY (snapshot_id, cont_contact_id),
    CONSTRAINT fk_ssd_contacts_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_contacts_person FOREIGN KEY (snapshot_id, cont_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_contacts_person ON ssd_contacts (snapshot_id, cont_person_id);

CREATE TABLE ssd_early_help_episodes (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    earl_episode_id TEXT NOT NULL,
    earl_person_id TEXT NOT NULL,
    earl_episode_start_date DATE NOT NULL,
    earl_episode_end_date DATE,
    earl_episode_reason TEXT,
    earl_episode_end_reason TEXT,
    earl_episode_organisation TEXT,
    earl_episode_worker_id TEXT,
    CONSTRAINT pk_ssd_early_help_episodes PRIMARY KEY (snapshot_id, earl_episode_id),
    CONSTRAINT fk_ssd_early_help_episodes_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_early_help_episodes_person FOREIGN KEY (snapshot_id, earl_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_early_help_episodes_person ON ssd_early_help_episodes (snapshot_id, earl_person_id);

CREATE TABLE ssd_cin_episodes (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cine_referral_id TEXT NOT NULL,
    cine_person_id TEXT NOT NULL,
    cine_referral_date DATE NOT NULL,
    cine_cin_primary_need_code TEXT,
    cine_referral_source_code TEXT,
    cine_referral_source_desc TEXT,
    cine_referral_outcome_json TEXT,
    cine_referral_nfa TEXT,
    cine_close_reason TEXT,
    cine_close_date DATE,
    cine_referral_team TEXT,
    cine_referral_worker_id TEXT,
    cine_initial_cpc_date DATE,
    CONSTRAINT pk_ssd_cin_episodes PRIMARY KEY (snapshot_id, cine_referral_id),
    CONSTRAINT fk_ssd_cin_episodes_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_cin_episodes_person FOREIGN KEY (snapshot_id, cine_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_cin_episodes_person ON ssd_cin_episodes (snapshot_id, cine_person_id);
COMMENT ON COLUMN ssd_cin_episodes.cine_initial_cpc_date IS 'Oversight addition: Date of initial child protection conference recorded on the episode (CIN census CINdetails/DateOfInitialCPC, N00110)';

CREATE TABLE ssd_cin_assessments (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cina_assessment_id TEXT NOT NULL,
    cina_person_id TEXT NOT NULL,
    cina_referral_id TEXT NOT NULL,
    cina_assessment_start_date DATE,
    cina_assessment_child_seen TEXT,
    cina_assessment_auth_date DATE,
    cina_assessment_outcome_json TEXT,
    cina_assessment_outcome_nfa TEXT,
    cina_assessment_team TEXT,
    cina_assessment_worker_id TEXT,
    cina_assessment_internal_review_date DATE,
    CONSTRAINT pk_ssd_cin_assessments PRIMARY KEY (snapshot_id, cina_assessment_id),
    CONSTRAINT fk_ssd_cin_assessments_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_cin_assessments_person FOREIGN KEY (snapshot_id, cina_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_cin_assessments_person ON ssd_cin_assessments (snapshot_id, cina_person_id);
COMMENT ON COLUMN ssd_cin_assessments.cina_assessment_internal_review_date IS 'Oversight addition: CIN census AssessmentInternalReviewDate';

CREATE TABLE ssd_assessment_factors (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cinf_table_id TEXT NOT NULL,
    cinf_assessment_id TEXT NOT NULL,
    cinf_assessment_factors_json TEXT,
    CONSTRAINT pk_ssd_assessment_factors PRIMARY KEY (snapshot_id, cinf_table_id),
    CONSTRAINT fk_ssd_assessment_factors_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_assessment_factors_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);

CREATE TABLE ssd_cin_plans (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cinp_cin_plan_id TEXT NOT NULL,
    cinp_referral_id TEXT,
    cinp_person_id TEXT NOT NULL,
    cinp_cin_plan_start_date DATE NOT NULL,
    cinp_cin_plan_end_date DATE,
    cinp_cin_plan_team TEXT,
    cinp_cin_plan_worker_id TEXT,
    CONSTRAINT pk_ssd_cin_plans PRIMARY KEY (snapshot_id, cinp_cin_plan_id),
    CONSTRAINT fk_ssd_cin_plans_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_cin_plans_person FOREIGN KEY (snapshot_id, cinp_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_cin_plans_person ON ssd_cin_plans (snapshot_id, cinp_person_id);

CREATE TABLE ssd_cin_visits (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cinv_cin_visit_id TEXT NOT NULL,
    cinv_person_id TEXT NOT NULL,
    cinv_cin_visit_date DATE NOT NULL,
    cinv_cin_visit_seen TEXT,
    cinv_cin_visit_seen_alone TEXT,
    cinv_cin_visit_bedroom TEXT,
    CONSTRAINT pk_ssd_cin_visits PRIMARY KEY (snapshot_id, cinv_cin_visit_id),
    CONSTRAINT fk_ssd_cin_visits_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_cin_visits_person FOREIGN KEY (snapshot_id, cinv_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_cin_visits_person ON ssd_cin_visits (snapshot_id, cinv_person_id);

CREATE TABLE ssd_s47_enquiry (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    s47e_s47_enquiry_id TEXT NOT NULL,
    s47e_referral_id TEXT,
    s47e_person_id TEXT NOT NULL,
    s47e_s47_start_date DATE NOT NULL,
    s47e_s47_end_date DATE,
    s47e_s47_nfa TEXT,
    s47e_s47_outcome_json TEXT,
    s47e_s47_completed_by_worker_id TEXT,
    s47e_s47_completed_by_team TEXT,
    s47e_icpc_not_required TEXT,
    CONSTRAINT pk_ssd_s47_enquiry PRIMARY KEY (snapshot_id, s47e_s47_enquiry_id),
    CONSTRAINT fk_ssd_s47_enquiry_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_s47_enquiry_person FOREIGN KEY (snapshot_id, s47e_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_s47_enquiry_person ON ssd_s47_enquiry (snapshot_id, s47e_person_id);
COMMENT ON COLUMN ssd_s47_enquiry.s47e_icpc_not_required IS 'Oversight addition: CIN census ICPCnotRequired (N00111): true when no initial conference was needed';

CREATE TABLE ssd_initial_cp_conference (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    icpc_icpc_id TEXT NOT NULL,
    icpc_icpc_meeting_id TEXT,
    icpc_s47_enquiry_id TEXT,
    icpc_person_id TEXT NOT NULL,
    icpc_cp_plan_id TEXT,
    icpc_referral_id TEXT,
    icpc_icpc_transfer_in TEXT,
    icpc_icpc_target_date DATE,
    icpc_icpc_date DATE,
    icpc_icpc_outcome_cp_flag TEXT,
    icpc_icpc_outcome_json TEXT,
    icpc_icpc_team TEXT,
    icpc_icpc_worker_id TEXT,
    CONSTRAINT pk_ssd_initial_cp_conference PRIMARY KEY (snapshot_id, icpc_icpc_id),
    CONSTRAINT fk_ssd_initial_cp_conference_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_initial_cp_conference_person FOREIGN KEY (snapshot_id, icpc_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_initial_cp_conference_person ON ssd_initial_cp_conference (snapshot_id, icpc_person_id);

CREATE TABLE ssd_cp_plans (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cppl_cp_plan_id TEXT NOT NULL,
    cppl_referral_id TEXT,
    cppl_icpc_id TEXT,
    cppl_person_id TEXT NOT NULL,
    cppl_cp_plan_start_date DATE NOT NULL,
    cppl_cp_plan_end_date DATE,
    cppl_cp_plan_initial_category TEXT,
    cppl_cp_plan_ola TEXT,
    cppl_cp_plan_latest_category TEXT,
    cppl_number_of_previous_cpp INTEGER,
    CONSTRAINT pk_ssd_cp_plans PRIMARY KEY (snapshot_id, cppl_cp_plan_id),
    CONSTRAINT fk_ssd_cp_plans_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_cp_plans_person FOREIGN KEY (snapshot_id, cppl_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_cp_plans_person ON ssd_cp_plans (snapshot_id, cppl_person_id);
COMMENT ON COLUMN ssd_cp_plans.cppl_number_of_previous_cpp IS 'Oversight addition: CIN census NumberOfPreviousCPP (N00106)';

CREATE TABLE ssd_cp_visits (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cppv_cp_visit_id TEXT NOT NULL,
    cppv_person_id TEXT NOT NULL,
    cppv_cp_plan_id TEXT,
    cppv_cp_visit_date DATE NOT NULL,
    cppv_cp_visit_seen TEXT,
    cppv_cp_visit_seen_alone TEXT,
    cppv_cp_visit_bedroom TEXT,
    CONSTRAINT pk_ssd_cp_visits PRIMARY KEY (snapshot_id, cppv_cp_visit_id),
    CONSTRAINT fk_ssd_cp_visits_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_cp_visits_person FOREIGN KEY (snapshot_id, cppv_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_cp_visits_person ON ssd_cp_visits (snapshot_id, cppv_person_id);

CREATE TABLE ssd_cp_reviews (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    cppr_cp_review_id TEXT NOT NULL,
    cppr_person_id TEXT NOT NULL,
    cppr_cp_plan_id TEXT,
    cppr_cp_review_due DATE,
    cppr_cp_review_date DATE,
    cppr_cp_review_meeting_id TEXT,
    cppr_cp_review_outcome_continue_cp TEXT,
    cppr_cp_review_quorate TEXT,
    cppr_cp_review_participation TEXT,
    CONSTRAINT pk_ssd_cp_reviews PRIMARY KEY (snapshot_id, cppr_cp_review_id),
    CONSTRAINT fk_ssd_cp_reviews_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_cp_reviews_person FOREIGN KEY (snapshot_id, cppr_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_cp_reviews_person ON ssd_cp_reviews (snapshot_id, cppr_person_id);

CREATE TABLE ssd_department (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    dept_team_id TEXT NOT NULL,
    dept_team_name TEXT NOT NULL,
    dept_team_parent_id TEXT,
    dept_team_parent_name TEXT,
    CONSTRAINT pk_ssd_department PRIMARY KEY (snapshot_id, dept_team_id),
    CONSTRAINT fk_ssd_department_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_department_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);

CREATE TABLE ssd_professionals (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    prof_professional_id TEXT NOT NULL,
    prof_staff_id TEXT,
    prof_professional_name TEXT,
    prof_social_worker_registration_no TEXT,
    prof_professional_job_title TEXT,
    prof_professional_caseload INTEGER,
    prof_professional_department TEXT,
    prof_full_time_equivalency NUMERIC,
    prof_agency_worker_flag TEXT,
    CONSTRAINT pk_ssd_professionals PRIMARY KEY (snapshot_id, prof_professional_id),
    CONSTRAINT fk_ssd_professionals_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_professionals_la FOREIGN KEY (la_id) REFERENCES local_authority (id)
);

CREATE TABLE ssd_involvements (
    snapshot_id UUID NOT NULL,
    la_id UUID NOT NULL,
    invo_involvements_id TEXT NOT NULL,
    invo_professional_id TEXT,
    invo_professional_role_id TEXT,
    invo_professional_team TEXT,
    invo_involvement_start_date DATE NOT NULL,
    invo_involvement_end_date DATE,
    invo_worker_change_reason TEXT,
    invo_person_id TEXT NOT NULL,
    invo_referral_id TEXT,
    CONSTRAINT pk_ssd_involvements PRIMARY KEY (snapshot_id, invo_involvements_id),
    CONSTRAINT fk_ssd_involvements_snapshot FOREIGN KEY (snapshot_id) REFERENCES import_snapshot (id) ON DELETE CASCADE,
    CONSTRAINT fk_ssd_involvements_person FOREIGN KEY (snapshot_id, invo_person_id) REFERENCES ssd_person (snapshot_id, pers_person_id) ON DELETE CASCADE
);
CREATE INDEX ix_ssd_involvements_person ON ssd_involvements (snapshot_id, invo_person_id);

COMMENT ON COLUMN ssd_person.pers_person_id IS 'The child''s id in the LA''s system: the SSDA903 CHILD and CIN census LAchildID (child.child_ref), never a name';
CREATE INDEX ix_ssd_person_ref ON ssd_person (pers_person_id);
