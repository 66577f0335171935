-- Why a child's record was opened: chosen by the person on entering the record (capability 8's access log).
ALTER TABLE child_access ADD COLUMN purpose TEXT;
COMMENT ON COLUMN child_access.purpose IS 'The reason the person gave for opening the record (ComplianceService.Purpose), null for exports and older entries';
