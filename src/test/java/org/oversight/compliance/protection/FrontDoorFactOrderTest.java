package org.oversight.compliance.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oversight.compliance.protection.FrontDoor.Fact;
import org.oversight.compliance.protection.FrontDoor.Measure;
import org.oversight.compliance.protection.FrontDoor.Owner;

import static org.assertj.core.api.Assertions.assertThat;

/** The front door's facts placed by day, then sorted within each day: the order one stable sort by date, child and measure gives. */
class FrontDoorFactOrderTest {

    private static final Comparator<Fact> STABLE_SORT = Comparator.comparing(Fact::date).thenComparing(Fact::child)
            .thenComparing(f -> f.measure().ordinal());

    @Test
    void theSameOrderAsOneStableSortTiesKeptInTheOrderTheyCame() {
        Random random = new Random(17);
        Owner owner = new Owner("T1", "Team", "W1", "Worker");
        for (int round = 0; round < 50; round++) {
            List<Fact> facts = new ArrayList<>();
            int n = random.nextInt(2_000);
            for (int i = 0; i < n; i++) {
                // few days and children, every measure, so that many facts tie and their subjects tell them apart
                facts.add(new Fact(Measure.values()[random.nextInt(Measure.values().length)], "C" + random.nextInt(20), "S" + i,
                        LocalDate.of(2025, 4, 1).plusDays(random.nextInt(round % 2 == 0 ? 30 : 400)), random.nextBoolean(), owner));
            }
            List<Fact> expected = new ArrayList<>(facts);
            expected.sort(STABLE_SORT);
            assertThat(FrontDoor.inOrder(facts)).as("round " + round).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void factsCenturiesApartAreSortedToo() {
        Owner owner = new Owner("", "Not recorded", "", "Not recorded");
        Fact late = new Fact(Measure.CONTACTS, "A", "1", LocalDate.of(2500, 1, 1), true, owner);
        Fact early = new Fact(Measure.CONTACTS, "B", "2", LocalDate.of(1900, 1, 1), true, owner);
        Fact sameDayFirstChild = new Fact(Measure.CONTACTS, "A", "3", LocalDate.of(1900, 1, 1), false, owner);
        assertThat(FrontDoor.inOrder(List.of(late, early, sameDayFirstChild))).containsExactly(sameDayFirstChild, early, late);
        assertThat(FrontDoor.inOrder(List.of())).isEmpty();
    }
}
