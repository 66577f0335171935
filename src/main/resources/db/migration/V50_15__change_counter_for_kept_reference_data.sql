-- Issue 15: the register (local_authority, statistical_neighbour) and the published judgements (inspection_activity,
-- on_site_range, judgement) are kept in memory and read again when their tables change. Whether they changed was
-- asked of PostgreSQL on every page by counting the tables' rows and their newest row version (a scan of each table,
-- about 0.4 and 0.8 ms of PostgreSQL's CPU, the whole database work of the national picture). Every statement that
-- writes one of these tables now also moves one counter; a page reads the counter (one small read) and asks for the
-- tables' full state only when the counter moved or a second has passed (shared/db/ChangeCheckedState).
CREATE SEQUENCE reference_change_seq;
COMMENT ON SEQUENCE reference_change_seq IS
    'Moved by every statement writing the register or the published judgements (issue 15): a reader that sees it unchanged need not count their rows';

CREATE FUNCTION oversight_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('reference_change_seq');
    RETURN NULL;
END
$$;

CREATE TRIGGER local_authority_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON local_authority
    FOR EACH STATEMENT EXECUTE FUNCTION oversight_reference_changed();
CREATE TRIGGER statistical_neighbour_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON statistical_neighbour
    FOR EACH STATEMENT EXECUTE FUNCTION oversight_reference_changed();
CREATE TRIGGER inspection_activity_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON inspection_activity
    FOR EACH STATEMENT EXECUTE FUNCTION oversight_reference_changed();
CREATE TRIGGER on_site_range_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON on_site_range
    FOR EACH STATEMENT EXECUTE FUNCTION oversight_reference_changed();
CREATE TRIGGER judgement_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON judgement
    FOR EACH STATEMENT EXECUTE FUNCTION oversight_reference_changed();
