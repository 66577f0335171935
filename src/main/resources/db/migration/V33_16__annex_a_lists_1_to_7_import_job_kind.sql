-- Issue 16: Annex A lists 1 to 7 come into the whole-journey store through the import jobs of the upload page and the
-- API, as a job of their own kind. The snapshot they make is of kind SSD (its source names the workbook), so
-- import_snapshot's kinds do not change.
ALTER TABLE child_import_job DROP CONSTRAINT chk_child_import_job_kind;
ALTER TABLE child_import_job ADD CONSTRAINT chk_child_import_job_kind CHECK (kind IN ('SSDA903', 'SSD', 'CIN_CENSUS', 'ANNEX_A_JOURNEY'));
