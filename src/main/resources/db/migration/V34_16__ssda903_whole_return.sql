-- Issue 16: the SSDA903 return comes back out of the store field for field. The columns the import used to drop are
-- kept, and the tables Oversight validated but did not store (UASC, OC2, AD1, PlacedAdoption, PrevPerm, SWEpisodes,
-- DoLo) are kept as their rows' values, so that an LA can download its return as DfE's CSV files.
ALTER TABLE child ADD COLUMN upn TEXT;
ALTER TABLE child ADD COLUMN mother TEXT;
ALTER TABLE child ADD COLUMN mc_dob DATE;
COMMENT ON COLUMN child.upn IS 'Header UPN of the SSDA903 return (unique pupil number, or a UN code)';
COMMENT ON COLUMN child.mother IS 'Header MOTHER: 1 if the young woman is a mother, 0 if not, blank for boys';
COMMENT ON COLUMN child.mc_dob IS 'Header MC_DOB: the date of birth of her child';

ALTER TABLE episode ADD COLUMN reason_place_change TEXT;
ALTER TABLE episode ADD COLUMN home_post TEXT;
ALTER TABLE episode ADD COLUMN pl_post TEXT;
ALTER TABLE episode ADD COLUMN urn TEXT;
COMMENT ON COLUMN episode.home_post IS 'HOME_POST: postcode of the child''s home when the episode began';
COMMENT ON COLUMN episode.pl_post IS 'PL_POST: postcode of the placement';
COMMENT ON COLUMN episode.urn IS 'URN: Ofsted unique reference number of the placement provider, or XXXXXXX';

CREATE TABLE ssda903_row (
    snapshot_id  UUID    NOT NULL,
    la_id        UUID    NOT NULL,
    child_ref    TEXT    NOT NULL,
    table_name   TEXT    NOT NULL,
    row_no       INTEGER NOT NULL,
    fields       TEXT[]  NOT NULL,
    CONSTRAINT pk_ssda903_row PRIMARY KEY (snapshot_id, table_name, row_no),
    CONSTRAINT fk_ssda903_row_child FOREIGN KEY (snapshot_id, child_ref) REFERENCES child (snapshot_id, child_ref) ON DELETE CASCADE,
    CONSTRAINT chk_ssda903_row_table CHECK (table_name IN ('UASC', 'OC2', 'AD1', 'PlacedAdoption', 'PrevPerm', 'SWEpisodes', 'DoLo'))
);
COMMENT ON TABLE ssda903_row IS 'Rows of the SSDA903 tables that have no table of their own, as imported: fields in DfE''s column order (blank = null)';
CREATE INDEX ix_ssda903_row_la ON ssda903_row (la_id);
