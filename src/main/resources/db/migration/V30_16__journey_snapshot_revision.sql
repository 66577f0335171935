-- A whole-journey snapshot changed in place by a children's social care payload (issue 16) counts a new revision, so
-- that figures computed from it (stored, or kept in memory on any instance) are known to be out of date: they carry the
-- revision they were computed from. Imports of SSD extracts and CIN censuses make new snapshots and stay at 0.
ALTER TABLE import_snapshot ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
COMMENT ON COLUMN import_snapshot.revision IS 'How many times the snapshot''s rows were changed in place (children''s social care payloads)';
ALTER TABLE front_door_figures ADD COLUMN snapshot_revision INTEGER NOT NULL DEFAULT 0;
COMMENT ON COLUMN front_door_figures.snapshot_revision IS 'The revision of the snapshot the figures were computed from';
