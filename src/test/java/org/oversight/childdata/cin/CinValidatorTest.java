package org.oversight.childdata.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * Oversight's rules where they deliberately differ from the reference implementation (docs/cin-census.md), and the
 * validator's own behaviour: streaming, the rule catalogue, the description of each finding.
 */
class CinValidatorTest {

    static final String HEADER = "<Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>"
            + "<ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails><Source><LEA>201</LEA></Source></Header>";

    static CinReadResult read(String children) throws IOException {
        String xml = "<Message>" + HEADER + "<Children>" + children + "</Children></Message>";
        CinReadResult r = new CinCensusReader().read("t.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.failed()).isFalse();
        return r;
    }

    static List<CinError> check(String rule, String children) throws IOException {
        return CinValidator.rules2025to26().only(rule).validate(read(children));
    }

    static String child(String id, String episodes) {
        return "<Child><ChildIdentifiers><LAchildID>" + id + "</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate>"
                + "<Sex>F</Sex></ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities>"
                + "<Disability>NONE</Disability></Disabilities></ChildCharacteristics>" + episodes + "</Child>";
    }

    static String episode(String body) {
        return "<CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>1A</ReferralSource>"
                + "<PrimaryNeedCode>N1</PrimaryNeedCode>" + body + "</CINdetails>";
    }

    static List<String> where(List<CinError> errors) {
        return errors.stream().map(e -> e.path() + " " + e.field() + " '" + e.value() + "'").toList();
    }

    @Test
    void theCatalogueHasTheRuleFilesHundredAndNineRulesEachImplemented() {
        CinValidator v = CinValidator.rules2025to26();
        assertThat(v.rules()).hasSize(109);
        assertThat(v.rules()).extracting(CinRule::code).containsExactlyElementsOf(CinRuleCatalog.all().keySet());
        assertThat(v.rules().stream().filter(r -> r.severity() == CinSeverity.QUERY)).hasSize(26);
    }

    @Test
    void disability8540IsReportedThoughTheReferenceEngineDropsIt() throws IOException {
        String noDisability = "<Child><ChildIdentifiers><LAchildID>A1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate>"
                + "</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>XYZ</Disability>"
                + "</Disabilities></ChildCharacteristics>" + episode("<ReferralNFA>false</ReferralNFA>") + "</Child>";
        assertThat(where(check("8540", noDisability))).containsExactlyInAnyOrder(" PersonBirthDate '2015-01-01'",
                "Disabilities[1] Disability 'XYZ'", "CINdetails[1] ReferralNFA 'false'");
    }

    @Test
    void factorRulesLookAtEachFactorOfAnAssessment() throws IOException {
        String a = child("A1", episode("<Assessments><AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>"
                + "<AssessmentAuthorisationDate>2025-06-02</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment>"
                + "<AssessmentFactors>21</AssessmentFactors><AssessmentFactors>18A</AssessmentFactors>"
                + "<AssessmentFactors>19A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>"
                + "<ReferralNFA>false</ReferralNFA>"));
        for (String rule : List.of("8869", "8945Q", "8950Q")) {
            assertThat(where(check(rule, a))).as(rule).containsExactly("CINdetails[1]/Assessments[1] AssessmentFactors '21, 18A, 19A'");
        }
    }

    @Test
    void targetConferenceDateOnAWeekendIsQueried() throws IOException {
        String c = child("A1", episode("<Section47><S47ActualStartDate>2025-05-02</S47ActualStartDate>"
                + "<InitialCPCtarget>2025-05-24</InitialCPCtarget><ICPCnotRequired>true</ICPCnotRequired></Section47>"
                + "<ReferralNFA>false</ReferralNFA>"));
        assertThat(where(check("8870Q", c))).containsExactly("CINdetails[1]/Section47[1] InitialCPCtarget '2025-05-24'");
    }

    @Test
    void fewerThanEightDifferentDisabilityCodesIsQueriedHoweverManyNoneThereAre() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            many.append(child("N" + i, ""));
        }
        assertThat(check("2887Q", many.toString())).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo("0 different codes"));
        StringBuilder eight = new StringBuilder();
        for (String code : List.of("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS")) {
            eight.append("<Child><ChildIdentifiers><LAchildID>").append(code).append("</LAchildID></ChildIdentifiers>"
                    + "<ChildCharacteristics><Disabilities><Disability>").append(code)
                    .append("</Disability></Disabilities></ChildCharacteristics></Child>");
        }
        assertThat(check("2887Q", eight.toString())).isEmpty();
    }

    @Test
    void activityAfterClosureIncludesAProtectionPlanEndingAfterIt() throws IOException {
        String c = child("A1", episode("<CINclosureDate>2025-09-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>"
                + "<ReferralNFA>false</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-05-10</CPPstartDate>"
                + "<CPPendDate>2025-10-01</CPPendDate></ChildProtectionPlans>"));
        assertThat(where(check("8565", c))).containsExactlyInAnyOrder("CINdetails[1]/ChildProtectionPlans[1] CPPendDate '2025-10-01'",
                "CINdetails[1] CINclosureDate '2025-09-01'", "CINdetails[1] DateOfInitialCPC ''");
    }

    @Test
    void flagsReadTheSameWhicheverSpellingTheSchemaAllows() throws IOException {
        String stale = child("A1", episode("<Section47><S47ActualStartDate>2024-12-02</S47ActualStartDate>"
                + "<ICPCnotRequired>false</ICPCnotRequired></Section47><ReferralNFA>False</ReferralNFA>"));
        assertThat(check("8740", stale)).isNotEmpty();
        String noConferenceNeeded = child("A1", episode("<DateOfInitialCPC>2025-05-09</DateOfInitialCPC><Section47>"
                + "<S47ActualStartDate>2025-05-02</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired></Section47>"
                + "<ReferralNFA>false</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-05-09</CPPstartDate>"
                + "</ChildProtectionPlans>"));
        assertThat(check("2885", noConferenceNeeded)).isEmpty();
    }

    @Test
    void everyReviewDateOfAPlanIsChecked() throws IOException {
        String c = child("A1", episode("<ReferralNFA>false</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-05-10</CPPstartDate>"
                + "<Reviews><CPPreviewDate>2025-08-10</CPPreviewDate><CPPreviewDate>2025-05-01</CPPreviewDate></Reviews>"
                + "</ChildProtectionPlans>"));
        assertThat(where(check("8841", c))).containsExactlyInAnyOrder(
                "CINdetails[1]/ChildProtectionPlans[1] CPPstartDate '2025-05-10'",
                "CINdetails[1]/ChildProtectionPlans[1]/Reviews[2] CPPreviewDate '2025-05-01'");
    }

    @Test
    void plansInDifferentEpisodesAreComparedAsThemselvesNotByTheirNumber() throws IOException {
        String overlapping = child("A1", episode("<CINclosureDate>2025-12-01</CINclosureDate><ReasonForClosure>RC7</ReasonForClosure>"
                + "<ReferralNFA>false</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-05-10</CPPstartDate>"
                + "<CPPendDate>2025-12-01</CPPendDate></ChildProtectionPlans>")
                + episode("<ReferralNFA>false</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-06-10</CPPstartDate>"
                + "</ChildProtectionPlans>"));
        assertThat(check("8940", overlapping)).isNotEmpty();
        String twoOpen = child("A1", episode("<ReferralNFA>false</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-05-10"
                + "</CPPstartDate></ChildProtectionPlans><ChildProtectionPlans><CPPstartDate>2025-06-10</CPPstartDate>"
                + "</ChildProtectionPlans>"));
        assertThat(where(check("8935", twoOpen))).containsExactly("CINdetails[1]/ChildProtectionPlans[1] CPPendDate ''",
                "CINdetails[1]/ChildProtectionPlans[2] CPPendDate ''");
    }

    @Test
    void numberOfPreviousPlansMustBeAWholeNumber() throws IOException {
        String c = child("A1", episode("<ReferralNFA>false</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-05-10</CPPstartDate>"
                + "<NumberOfPreviousCPP>two</NumberOfPreviousCPP></ChildProtectionPlans><ChildProtectionPlans>"
                + "<NumberOfPreviousCPP>2</NumberOfPreviousCPP></ChildProtectionPlans>"));
        assertThat(where(check("8730", c))).containsExactly("CINdetails[1]/ChildProtectionPlans[1] NumberOfPreviousCPP 'two'");
    }

    @Test
    void aChildTwiceIsFlaggedTwiceAndEachRecordIsCheckedOnItsOwn() throws IOException {
        String twice = child("A1", episode("<ReferralNFA>false</ReferralNFA>")) + child("B2", episode("<ReferralNFA>false</ReferralNFA>"))
                + child("A1", episode("<ReferralNFA>true</ReferralNFA><CINPlanDates><CINPlanStartDate>2025-06-01</CINPlanStartDate>"
                + "</CINPlanDates>"));
        List<CinError> dup = check("8510", twice);
        assertThat(dup).extracting(CinError::childIndex).containsExactly(0, 2);
        assertThat(dup.getFirst().describe()).isEqualTo("t.xml line 1, child A1, ChildIdentifiers, LAchildID 'A1': 8510 error:"
                + " More than one child record with the same LA Child ID");
        assertThat(check("4000", twice)).extracting(CinError::childIndex).containsOnly(2);
    }

    @Test
    void returnLevelRulesSayWhatTheyCounted() throws IOException {
        String plan = child("A1", episode("<ReferralNFA>false</ReferralNFA><ChildProtectionPlans><CPPstartDate>2025-05-10"
                + "</CPPstartDate></ChildProtectionPlans>"));
        CinError e = check("2883", plan).getFirst();
        assertThat(e.childIndex()).isEqualTo(-1);
        assertThat(e.describe()).isEqualTo("t.xml, ChildProtectionPlans, CPPstartDate '1 plans started in the census year, 0"
                + " initial conferences': 2883 error: There are more child protection plans starting than initial conferences"
                + " taking place");
    }

    @Test
    void streamingGivesWhatValidatingTheWholeCensusGives() throws IOException {
        CinReadResult r = new CinCensusReader().read(java.nio.file.Path.of("data/child-data/cin-fake/fake_CIN_data.xml"));
        CinValidator v = CinValidator.rules2025to26();
        List<CinError> streamed = new ArrayList<>();
        CinCensusReader.Outcome o = new CinCensusReader().stream(java.nio.file.Path.of("data/child-data/cin-fake/fake_CIN_data.xml"),
                new CinCensusReader.Listener() {
                    CinValidator.Session s;

                    @Override
                    public void header(CinCensus.Header header) {
                        s = v.open("fake_CIN_data.xml", header, streamed::add);
                    }

                    @Override
                    public void child(CinCensus.Child child, int index, int line) {
                        s.child(child, index, line);
                        if (index == 331) {
                            s.finish();
                        }
                    }
                });
        assertThat(o.children()).isEqualTo(332);
        assertThat(streamed).hasSizeGreaterThan(2000).isEqualTo(v.validate(r));
    }

    @Test
    void workingDaysAreCountedAsDfesToolCountsThem() {
        CensusContext c = CensusContext.of(CinCensus.Header.EMPTY, new WorkingDayCalendar(BankHolidays.fromClasspath()));
        // values computed with the reference's england_working_days (pandas CustomBusinessDay with its holiday list)
        assertThat(c.minusWorkingDays(LocalDate.of(2023, 4, 1), 1)).isEqualTo(LocalDate.of(2023, 4, 3));
        assertThat(c.minusWorkingDays(LocalDate.of(2023, 4, 1), 2)).isEqualTo(LocalDate.of(2023, 3, 31));
        assertThat(c.minusWorkingDays(LocalDate.of(2024, 3, 31), 15)).isEqualTo(LocalDate.of(2024, 3, 11));
        assertThat(c.minusWorkingDays(LocalDate.of(2024, 3, 31), 45)).isEqualTo(LocalDate.of(2024, 1, 29));
        assertThat(c.minusWorkingDays(LocalDate.of(2023, 4, 7), 45)).isEqualTo(LocalDate.of(2023, 2, 6));
        assertThat(c.minusWorkingDays(LocalDate.of(2025, 3, 31), 15)).isEqualTo(LocalDate.of(2025, 3, 11));
        assertThat(c.minusWorkingDays(LocalDate.of(2023, 12, 25), 45)).isEqualTo(LocalDate.of(2023, 10, 24));
    }
}
