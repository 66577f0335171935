-- A plan action's impact measure can follow a compliance measure computed from the LA's child-level data.
ALTER TABLE plan_action ADD COLUMN bound_measure TEXT;
ALTER TABLE plan_action ADD CONSTRAINT chk_plan_action_bound_measure
    CHECK (bound_measure IS NULL OR bound_measure IN ('REVIEWS_ON_TIME', 'CARE_LEAVERS_IN_TOUCH'));
COMMENT ON COLUMN plan_action.bound_measure IS 'When set, the measure''s current value is the live compliance percentage, not a typed-in number';
