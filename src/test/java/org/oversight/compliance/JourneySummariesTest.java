package org.oversight.compliance;

import java.time.LocalDate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.CinPlan;
import org.oversight.childdata.journey.ChildJourneys.CpPlan;
import org.oversight.childdata.journey.ChildJourneys.EarlyHelp;
import org.oversight.childdata.journey.ChildJourneys.Involvement;
import org.oversight.childdata.journey.ChildJourneys.Person;
import org.oversight.childdata.journey.ChildJourneys.Referral;
import org.oversight.compliance.JourneySummaries.Group;
import org.oversight.compliance.JourneySummaries.JourneyChild;

import static org.assertj.core.api.Assertions.assertThat;

/** Which help-and-protection groups a child is in on the data's date, their age and who holds them, from hand-made rows. */
class JourneySummariesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private static ChildJourneys.Journey journey(List<Person> persons, List<EarlyHelp> eh, List<Referral> referrals, List<CinPlan> cin,
                                                 List<CpPlan> cp, List<Involvement> involvements) {
        var snapshot = new ChildJourneys.JourneySnapshot(UUID.randomUUID(), UUID.randomUUID(), "SSD", "2025-26", AS_OF, Instant.EPOCH);
        return new ChildJourneys.Journey(snapshot, persons, List.of(), eh, referrals, List.of(), List.of(), List.of(), cin, cp, List.of(),
                List.of(), involvements, List.of(new ChildJourneys.Worker("W1", "Sam Social", "T1", 12, false)),
                List.of(new ChildJourneys.Team("T1", "Assessment team"), new ChildJourneys.Team("T2", "Child protection team")));
    }

    private static Referral referral(String id, String child, LocalDate date, LocalDate closed) {
        return new Referral(id, child, date, "1A", "N1", false, closed == null ? null : "RC8", closed, "T1", "W1", null);
    }

    @Test
    void eachChildIsInTheGroupsOpenOnTheDataDate() {
        var j = journey(
                List.of(new Person("A", LocalDate.of(2012, 4, 1), null, "2", "WBRI"), new Person("B", LocalDate.of(2016, 1, 1), null, "1", "WBRI"),
                        new Person("C", null, null, "1", "WBRI"), new Person("D", LocalDate.of(2010, 3, 31), null, "1", "WBRI"),
                        new Person("E", LocalDate.of(2011, 1, 1), null, "1", "WBRI")),
                List.of(new EarlyHelp("EH1", "C", LocalDate.of(2026, 1, 5), null, null, null, "W1"),
                        new EarlyHelp("EH2", "E", LocalDate.of(2025, 1, 5), LocalDate.of(2025, 6, 1), null, null, "W1")),
                List.of(referral("R1", "A", LocalDate.of(2025, 9, 1), null),
                        referral("R2", "B", LocalDate.of(2025, 5, 1), LocalDate.of(2025, 8, 1)),
                        referral("R3", "D", LocalDate.of(2025, 5, 1), AS_OF)),
                List.of(new CinPlan("CIN1", "R2", "B", LocalDate.of(2025, 6, 1), null, "T1", "W1")),
                List.of(new CpPlan("CP1", "R1", null, "A", LocalDate.of(2025, 10, 1), null, "N", 0),
                        new CpPlan("CP2", "R3", null, "D", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 1), "N", 0)),
                List.of(new Involvement("I1", "A", "R1", "W1", "T1", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 10, 1)),
                        new Involvement("I2", "A", "R1", null, "T2", LocalDate.of(2025, 10, 1), null)));
        List<JourneyChild> children = JourneySummaries.children(j, Set.of("E"));

        assertThat(children).extracting(JourneyChild::childRef).containsExactly("A", "B", "C", "E");
        JourneyChild a = children.get(0);
        assertThat(a.groups()).containsExactlyInAnyOrder(Group.CHILD_IN_NEED, Group.CHILD_PROTECTION);
        assertThat(a.age()).isEqualTo(13);
        assertThat(a.team()).as("the latest involvement holds the case").isEqualTo("Child protection team");
        assertThat(a.worker()).isNull();
        assertThat(a.onPlan()).isTrue();
        JourneyChild b = children.get(1);
        assertThat(b.groups()).as("episode closed, CIN plan still open").containsExactly(Group.CHILD_IN_NEED);
        assertThat(b.age()).isEqualTo(10);
        assertThat(b.team()).isEqualTo("Assessment team");
        assertThat(b.worker()).isEqualTo("Sam Social");
        assertThat(children.get(2).groups()).containsExactly(Group.EARLY_HELP);
        assertThat(children.get(2).age()).as("no date of birth").isEqualTo(-1);
        assertThat(children.get(2).onPlan()).isFalse();
        assertThat(children.get(3).groups()).as("early help ended; stepped down in the year").containsExactly(Group.STEPPED_DOWN);
        // D's episode closed on the data's date and the CP plan ended before it: in no group, so not listed.
    }
}
