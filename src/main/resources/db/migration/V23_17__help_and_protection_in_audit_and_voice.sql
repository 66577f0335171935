-- Issue 17: children on child protection and child-in-need plans can be invited to the young person's portal, and the
-- shipped help-and-protection audit form's questions on step-down and management decisions show the LA's figures.
ALTER TABLE yp_invitation DROP CONSTRAINT chk_yp_invitation_cohort;
ALTER TABLE yp_invitation ADD CONSTRAINT chk_yp_invitation_cohort
    CHECK (cohort IN ('CHILD_IN_CARE', 'CARE_LEAVER', 'CHILD_PROTECTION', 'CHILD_IN_NEED'));

-- The shipped form's version 1 (where already loaded) gains the front-door measures each question refers to; the
-- questions' wording does not change. New installations load the same from audit-templates/help-and-protection.json.
UPDATE audit_template t
   SET questions = (SELECT jsonb_agg(CASE q->>'id'
                        WHEN 'HP1' THEN q || '{"figures": ["STEP_DOWN_EARLY_HELP_STARTED", "STEP_DOWN_NO_EARLY_HELP", "STEP_DOWN_STEPPED_UP"]}'::jsonb
                        WHEN 'HP2' THEN q || '{"figures": ["REFERRALS_NFA", "RE_REFERRALS", "ASSESSMENTS_IN_TIME", "ICPC_IN_TIME"]}'::jsonb
                        ELSE q END ORDER BY n)
                      FROM jsonb_array_elements(t.questions) WITH ORDINALITY AS e(q, n))
 WHERE t.family = 'help-and-protection' AND t.version_no = 1 AND t.created_by = 'oversight';
