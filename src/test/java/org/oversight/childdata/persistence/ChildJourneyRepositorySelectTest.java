package org.oversight.childdata.persistence;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.journey.ChildJourneys.Reading;
import org.oversight.childdata.persistence.ChildJourneyRepository.Selected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journey queries for a reading: the columns in braces read whole, left out for the clocks and the front door. */
class ChildJourneyRepositorySelectTest {

    private static final String QUERY = """
            SELECT snapshot_no, cina_assessment_id, {cina_assessment_child_seen}, cina_assessment_outcome_nfa,
                   {cina_assessment_team}
              FROM ssd_cin_assessments WHERE snapshot_no = ANY(?)""";

    @Test
    void readsEveryColumnWholeAndKeepsTheirPlaces() {
        Selected whole = ChildJourneyRepository.select(QUERY, Reading.WHOLE);

        assertThat(whole.sql()).isEqualTo("SELECT snapshot_no, cina_assessment_id, cina_assessment_child_seen, cina_assessment_outcome_nfa, "
                + "cina_assessment_team FROM ssd_cin_assessments WHERE snapshot_no = ANY(?)");
        assertThat(whole.columns()).isNull();
    }

    @Test
    void leavesTheBracedColumnsOutForTheClocksAndTheFrontDoor() {
        Selected timescales = ChildJourneyRepository.select(QUERY, Reading.TIMESCALES);

        assertThat(timescales.sql()).isEqualTo("SELECT snapshot_no, cina_assessment_id, cina_assessment_outcome_nfa FROM ssd_cin_assessments "
                + "WHERE snapshot_no = ANY(?)");
        assertThat(timescales.columns()).containsExactly(0, 1, -1, 2, -1);
    }

    @Test
    void refusesAQueryWithoutASelectListOfColumns() {
        assertThatThrownBy(() -> ChildJourneyRepository.select("TABLE ssd_contacts", Reading.TIMESCALES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Not a query of plain columns");
    }
}
