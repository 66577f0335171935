-- Each import keeps what every DfE rule of its collection year found: rows flagged, passed, or not checked and why,
-- so the result page can show the return rule by rule.
ALTER TABLE child_import_job ADD COLUMN rule_outcomes JSONB;
COMMENT ON COLUMN child_import_job.rule_outcomes IS 'Per DfE rule: code, severity, message, checked, reason (if not checked), rows flagged';
