package org.oversight.childdata.snapshots;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Episode;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;

import static org.assertj.core.api.Assertions.assertThat;

/** The two rules the published read side carries: the date a snapshot describes, and the start of a period of care. */
class ChildDataSnapshotsTest {

    @Test
    void aSnapshotDescribesItsLatestEventOrTodayOrTheEndOfItsCollectionYear() {
        LocalDate today = LocalDate.of(2026, 12, 6);
        assertThat(Snapshot.describedOn("2026-27", LocalDate.of(2026, 10, 31), today)).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(Snapshot.describedOn("2026-27", null, today)).as("this year's return: today").isEqualTo(today);
        assertThat(Snapshot.describedOn("2023-24", null, today)).as("an earlier year: its 31 March").isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void thePeriodOfCareRunsBackThroughEpisodesThatFollowOnWithoutAGap() {
        Episode first = episode(LocalDate.of(2022, 1, 10), LocalDate.of(2022, 6, 1));
        Episode gapAfter = episode(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 11, 1));
        Episode continuing = episode(LocalDate.of(2023, 11, 1), null);
        assertThat(Episode.periodStart(List.of(first, gapAfter, continuing))).isEqualTo(LocalDate.of(2023, 6, 1));
        assertThat(Episode.periodStart(List.of(continuing))).isEqualTo(LocalDate.of(2023, 11, 1));
        assertThat(Episode.periodStart(List.of(episode(LocalDate.of(2022, 1, 10), LocalDate.of(2023, 6, 1)), gapAfter, continuing)))
                .as("three episodes end to end").isEqualTo(LocalDate.of(2022, 1, 10));
    }

    private static Episode episode(LocalDate start, LocalDate end) {
        return new Episode("A1", start, end, "P", "C2", "N1", "U1", "PR1", null);
    }
}
