-- A plan action's measure can follow a help-and-protection measure (issue 17): the front door's figures over the 12
-- months to the LA's whole-journey data, e.g. cases stepped down with early help started within the standard.
ALTER TABLE plan_action DROP CONSTRAINT chk_plan_action_bound_measure;
ALTER TABLE plan_action ADD CONSTRAINT chk_plan_action_bound_measure CHECK (bound_measure IS NULL OR bound_measure IN
    ('REVIEWS_ON_TIME', 'CARE_LEAVERS_IN_TOUCH', 'VISITS_ON_TIME', 'HEALTH_ASSESSMENTS_ON_TIME', 'PATHWAY_REVIEWS_ON_TIME',
     'RE_REFERRALS', 'ASSESSMENTS_IN_TIME', 'ICPC_IN_TIME', 'CP_VISITS_IN_TIME', 'STEP_DOWN_EARLY_HELP_STARTED', 'STEP_DOWN_STEPPED_UP'));
