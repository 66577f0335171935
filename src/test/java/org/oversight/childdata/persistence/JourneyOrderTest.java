package org.oversight.childdata.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.journey.ChildJourneys.Assessment;
import org.oversight.childdata.journey.ChildJourneys.CpReview;
import org.oversight.childdata.journey.ChildJourneys.Visit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order the journey's lists are sorted into in Java, now that the queries have no {@code ORDER BY}: by child, date
 * and id, a missing date last, text by code point. {@code BinaryCopyRowsIT} compares the text order with PostgreSQL's
 * {@code COLLATE "C"} on a real server.
 */
class JourneyOrderTest {

    @Test
    void visitsAreSortedByChildThenDateThenIdWhateverOrderTheyCameIn() {
        List<Visit> expected = List.of(
                visit("C1-V1", "C1", LocalDate.of(2025, 1, 6)),
                visit("C1-V3", "C1", LocalDate.of(2025, 1, 6)),
                visit("C1-V2", "C1", LocalDate.of(2025, 2, 3)),
                visit("C10-V1", "C10", LocalDate.of(2024, 12, 1)),
                visit("C2-V1", "C2", LocalDate.of(2023, 5, 5)),
                visit("c1-V1", "c1", LocalDate.of(2020, 1, 1)));
        Random random = new Random(17);
        for (int round = 0; round < 20; round++) {
            List<Visit> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, random);
            shuffled.sort(JourneyOrder.VISITS);
            assertThat(shuffled).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aMissingDateComesLastAsPostgresqlPutsNull() {
        Assessment undated = new Assessment("A0", "C1", "R1", null, null, null, false, null, null);
        Assessment dated = new Assessment("A9", "C1", "R1", LocalDate.of(2025, 3, 3), null, null, false, null, null);
        List<Assessment> list = new ArrayList<>(List.of(undated, dated));
        list.sort(JourneyOrder.ASSESSMENTS);
        assertThat(list).containsExactly(dated, undated);
        // reviews go by the date they were held, not the date they were due
        CpReview heldEarly = new CpReview("R2", "C1", "P1", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 4, 1));
        CpReview heldLater = new CpReview("R1", "C1", "P1", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 1));
        List<CpReview> reviews = new ArrayList<>(List.of(heldLater, heldEarly));
        reviews.sort(JourneyOrder.CP_REVIEWS);
        assertThat(reviews).containsExactly(heldEarly, heldLater);
    }

    @Test
    void textIsInCodePointOrderNotUtf16Order() {
        String privateUse = "\uE000";          // U+E000, one UTF-16 unit
        String girl = "\uD83D\uDC67";           // U+1F467, a surrogate pair
        assertThat(privateUse.compareTo(girl)).as("UTF-16 order puts the pair first").isPositive();
        assertThat(JourneyOrder.text(privateUse, girl)).as("code point order puts it last").isNegative();
        assertThat(JourneyOrder.text("é", "z")).isPositive();
        assertThat(JourneyOrder.text("Z", "a")).isNegative();
        assertThat(JourneyOrder.text("", "a")).isNegative();
        assertThat(JourneyOrder.text("a", "ab")).isNegative();
        assertThat(JourneyOrder.text(null, "a")).as("NULL last").isPositive();
        assertThat(JourneyOrder.text("a", null)).isNegative();
        assertThat(JourneyOrder.text(new String("C1"), "C1")).isZero();
    }

    private static Visit visit(String id, String person, LocalDate date) {
        return new Visit(id, person, null, false, date, true, false);
    }
}
