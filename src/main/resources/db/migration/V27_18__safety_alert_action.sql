-- Safety alerts (issue 18): what the member of staff who acknowledged an alert did about it (required from now on;
-- alerts acknowledged before this have none), and when the young person last added words to an alert they had raised
-- (pressing the button and then writing makes one alert, not two).
ALTER TABLE yp_safety_alert ADD COLUMN action_taken TEXT;
ALTER TABLE yp_safety_alert ADD COLUMN words_added_at TIMESTAMPTZ;
COMMENT ON COLUMN yp_safety_alert.action_taken IS 'What the member of staff did, written when acknowledging the alert';
COMMENT ON COLUMN yp_safety_alert.words_added_at IS 'When the young person last added words to this alert';
CREATE INDEX ix_yp_safety_alert_account ON yp_safety_alert (account_id, raised_at DESC);
