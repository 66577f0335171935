package org.oversight.childdata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Child;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Episode;

import static org.assertj.core.api.Assertions.assertThat;

/** Annex A list 10 (adoption) and list 8's episodes as they stood on an earlier date, from SSDA903 episodes. */
class DayOneAdoptionListTest {

    private static final LocalDate NOTIFIED = LocalDate.of(2026, 4, 6);

    private static Episode ep(String child, String decom, String dec, String legal, String place, String rec) {
        return new Episode(child, LocalDate.parse(decom), dec == null ? null : LocalDate.parse(dec), "S", legal, "N1", place, "PR1", rec);
    }

    @Test
    void placementOrdersPlacementsForAdoptionAndAdoptionsInTheYearAreListedAndOlderOnesAreNot() {
        Map<String, Child> children = Map.of("A", new Child("A", "1", LocalDate.of(2021, 5, 1), "WBRI", false),
                "B", new Child("B", "2", LocalDate.of(2020, 1, 1), "WBRI", false));
        Map<String, List<Episode>> episodes = new java.util.LinkedHashMap<>();
        // A: in care, placement order, placed for adoption, adopted within the year.
        episodes.put("A", List.of(ep("A", "2024-01-10", "2025-02-01", "C2", "U4", null), ep("A", "2025-02-01", "2025-09-01", "E1", "U4", null),
                ep("A", "2025-09-01", "2026-02-20", "E1", "A5", "E11")));
        // B: adopted the day before the window opened.
        episodes.put("B", List.of(ep("B", "2023-01-01", "2025-04-06", "E1", "A4", "E12")));
        // C: a placement order granted after the notification date: not known then.
        episodes.put("C", List.of(ep("C", "2026-04-07", null, "E1", "U3", null)));
        List<Map<String, Object>> rows = DayOnePack.list10(children, episodes, NOTIFIED);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst()).containsEntry("Child Unique ID", "A").containsEntry("Date the Child Entered Care", LocalDate.of(2024, 1, 10))
                .containsEntry("Date of Placement Order", LocalDate.of(2025, 2, 1)).containsEntry("Date Placed for Adoption", LocalDate.of(2025, 9, 1))
                .containsEntry("Date of Adoption Order", LocalDate.of(2026, 2, 20)).containsEntry("Gender", "a) Male").containsEntry("Age of Child (Years)", 4);
    }

    @Test
    void onAnEarlierDateAnEpisodeThatEndedLaterIsStillOpenAndOneBegunLaterIsNotThere() {
        List<Episode> asAt = AnnexAExport.asAt(List.of(ep("A", "2025-01-01", "2025-06-01", "C2", "U4", null),
                ep("A", "2025-06-01", "2026-05-01", "C2", "U4", "E4A"), ep("A", "2026-05-01", null, "C2", "U5", null)), NOTIFIED);
        assertThat(asAt).hasSize(2);
        assertThat(asAt.getLast().dec()).isNull();
        assertThat(asAt.getLast().rec()).isNull();
    }
}
