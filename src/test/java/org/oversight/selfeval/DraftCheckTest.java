package org.oversight.selfeval;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftCheckTest {

    private static final DraftCheck.Cited RED_PATHWAY = new DraftCheck.Cited("Care leavers whose pathway plan was reviewed on time", "62.0%", Rating.RED);
    private static final DraftCheck.Cited GREEN_TOUCH = new DraftCheck.Cited("Care leavers the local authority is in touch with", "96.0%", Rating.GREEN);

    /**
     * The worked example: the care leavers section claims pathway plans are good and reviewed on time while the figure
     * it cites is red; the leaders section claims strength with nothing cited; help and protection is not written; the
     * children in care section is modest and cited.
     */
    @Test
    void theWorkedExampleListsTheUnwrittenTheUnevidencedAndTheContradicted() {
        List<DraftCheck.Problem> problems = DraftCheck.check(List.of(
                new DraftCheck.Section(Area.LEADERS, "Leaders have a strong grip on practice. They meet monthly.", "", "Keep meeting.", List.of()),
                new DraftCheck.Section(Area.HELP_AND_PROTECTION, "", " ", "", List.of()),
                new DraftCheck.Section(Area.IN_CARE, "Most children are reviewed on time.", "The figure beside this.", "",
                        List.of(GREEN_TOUCH)),
                new DraftCheck.Section(Area.CARE_LEAVERS,
                        "Pathway planning is good and plans are reviewed on time. We stay in touch with almost every care leaver.",
                        "See the figures cited.", "Co-produce plans.", List.of(RED_PATHWAY, GREEN_TOUCH))));

        assertThat(problems).extracting(DraftCheck.Problem::area, DraftCheck.Problem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Area.LEADERS, DraftCheck.Kind.NO_EVIDENCE),
                org.assertj.core.groups.Tuple.tuple(Area.HELP_AND_PROTECTION, DraftCheck.Kind.NOT_WRITTEN),
                org.assertj.core.groups.Tuple.tuple(Area.CARE_LEAVERS, DraftCheck.Kind.CONTRADICTION));
        assertThat(problems.get(0).sentence()).isEqualTo("Leaders have a strong grip on practice.");
        DraftCheck.Problem contradiction = problems.get(2);
        assertThat(contradiction.sentence()).isEqualTo("Pathway planning is good and plans are reviewed on time.");
        assertThat(contradiction.evidence()).isEqualTo(RED_PATHWAY);
    }

    @Test
    void negatedPraiseIsNotAClaimThatPracticeIsGood() {
        assertThat(DraftCheck.claimsGood("Practice requires improvement to be good.")).isFalse();
        assertThat(DraftCheck.claimsGood("Supervision is not yet consistently reflective.")).isFalse();
        assertThat(DraftCheck.claimsGood("Risk assessments are not good enough.")).isFalse();
        assertThat(DraftCheck.claimsGood("Visits are timely and purposeful.")).isTrue();
        assertThat(DraftCheck.claimsGood("Outcomes have improved since the visit.")).isTrue();
        // A good word inside another word is not praise.
        assertThat(DraftCheck.claimsGood("We held goodwill sessions with partners.")).isFalse();
    }

    @Test
    void aCriticalClaimNeedsEvidenceTooButIsNeverAContradiction() {
        List<DraftCheck.Problem> uncited = DraftCheck.check(List.of(new DraftCheck.Section(Area.IN_CARE,
                "Health assessments are too slow for children placed outside London.", "", "", List.of())));
        assertThat(uncited).extracting(DraftCheck.Problem::kind).containsExactly(DraftCheck.Kind.NO_EVIDENCE);
        List<DraftCheck.Problem> cited = DraftCheck.check(List.of(new DraftCheck.Section(Area.IN_CARE,
                "Health assessments are too slow for children placed outside London.", "", "", List.of(RED_PATHWAY))));
        assertThat(cited).isEmpty();
    }

    @Test
    void sentencesSplitOnStopsAndLineBreaks() {
        assertThat(DraftCheck.sentences("One. Two!\nThree?  Four")).containsExactly("One.", "Two!", "Three?", "Four");
        assertThat(DraftCheck.sentences("  ")).isEmpty();
    }
}
