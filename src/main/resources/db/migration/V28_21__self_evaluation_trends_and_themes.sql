-- The self-evaluation (issue 21, second part): a citation freezes the figure's trend and its statistical neighbours'
-- and England's figures as they stood on the day, as well as the value. Citations made before this have none kept
-- (trend_text is null) and say so. The frozen-row trigger now covers the new columns too.

ALTER TABLE self_evaluation_citation
    ADD COLUMN trend_text TEXT,
    ADD COLUMN trend      JSONB,
    ADD COLUMN benchmarks JSONB;
COMMENT ON COLUMN self_evaluation_citation.trend_text IS 'The move since the earlier figure in words, as it stood when cited; null: cited before trends were kept';
COMMENT ON COLUMN self_evaluation_citation.trend IS 'The earlier figures as they stood when cited, newest first: [{"asOf": "2025-03-31", "value": 70.0}]';
COMMENT ON COLUMN self_evaluation_citation.benchmarks IS 'Statistical neighbours'' and England''s figures as they stood when cited: [{"name": …, "valueText": …}]';

CREATE OR REPLACE FUNCTION self_evaluation_citation_frozen() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'A cited figure is kept as it stood on the day it was cited; withdraw the citation instead';
    END IF;
    IF (NEW.id, NEW.la_id, NEW.section_id, NEW.evidence_key, NEW.kind, NEW.label, NEW.value_text, NEW.value_number, NEW.as_of,
        NEW.source, NEW.rating, NEW.cited_by, NEW.cited_at, NEW.trend_text, NEW.trend, NEW.benchmarks, NEW.theme)
       IS DISTINCT FROM
       (OLD.id, OLD.la_id, OLD.section_id, OLD.evidence_key, OLD.kind, OLD.label, OLD.value_text, OLD.value_number, OLD.as_of,
        OLD.source, OLD.rating, OLD.cited_by, OLD.cited_at, OLD.trend_text, OLD.trend, OLD.benchmarks, OLD.theme) THEN
        RAISE EXCEPTION 'A cited figure is kept as it stood on the day it was cited: its value, trend, date and source cannot change';
    END IF;
    RETURN NEW;
END
$$;

-- Themes within each judgement area (selfeval.Theme): a section keeps its themes' texts beside the three questions
-- (JSON, theme code to text; sections written before have none, their text stays at area level), every version keeps
-- them too, and a citation may be made for one theme (null: the area as a whole).
ALTER TABLE self_evaluation_section ADD COLUMN themes JSONB NOT NULL DEFAULT '{}'::jsonb;
COMMENT ON COLUMN self_evaluation_section.themes IS 'The texts of the area''s themes, by theme code (selfeval.Theme); blank themes are left out';
ALTER TABLE self_evaluation_section_version ADD COLUMN themes JSONB NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE self_evaluation_citation ADD COLUMN theme TEXT;
COMMENT ON COLUMN self_evaluation_citation.theme IS 'The theme the evidence is cited for (selfeval.Theme), or null for the area as a whole';
