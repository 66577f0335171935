package org.oversight.childdata.ssd;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading DfE children's social care API payloads: what each part becomes, and each problem named by child and path. */
class CscPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode file(String name) throws Exception {
        return JSON.readTree(Files.readString(Path.of("data/csc-api", name)));
    }

    @Test
    void aFullPayloadBecomesSsdColumnsAndNamesAreNeverKept() throws Exception {
        CscPayload.Read read = CscPayload.read(file("full-201.json"));
        assertThat(read.problems()).isEmpty();
        assertThat(read.laCode()).isEqualTo("201");
        assertThat(read.children()).extracting(CscPayload.Child::id).containsExactly("CSCAPI-001", "CSCAPI-002");
        CscPayload.Child first = read.children().getFirst();
        assertThat(first.details()).containsEntry("pers_dob", "2014-06-02").containsEntry("pers_sex", "F").containsEntry("pers_upn", "A123456789012")
                .containsEntry("pers_legacy_id", "MOSAIC-77001").containsEntry("pers_former_upn", null);
        assertThat(first.details().values()).doesNotContain("Fakename", "Notreal", "EC2V 7HH");
        assertThat(first.disabilities()).containsExactly("NONE");
        CscPayload.Episode e = first.episodes().getFirst();
        assertThat(e.fields()).containsEntry("cine_referral_date", "2025-05-12").containsEntry("cine_referral_source_code", "5A")
                .containsEntry("cine_referral_nfa", "false");
        assertThat(e.workers()).hasSize(2);
        assertThat(e.workers().get(1).fields()).containsEntry("invo_professional_id", "SW-022").containsEntry("invo_involvement_end_date", null);
        assertThat(e.assessments().getFirst().factors()).containsExactly("2B", "3A");
        assertThat(e.section47s().getFirst().fields()).containsEntry("s47e_icpc_not_required", "false").containsEntry("icpc_icpc_date", "2025-09-23");
        assertThat(read.ignored()).as("every field of the specification is known").isEmpty();
        assertThat(read.notStored()).containsEntry("child_looked_after_placements", 1).containsEntry("health_and_wellbeing", 1)
                .containsEntry("child_details.first_name", 2);
    }

    @Test
    void aPartialPayloadNamesOnlyWhatItChanges() throws Exception {
        CscPayload.Read read = CscPayload.read(file("partial-201.json"));
        assertThat(read.problems()).isEmpty();
        CscPayload.Child child = read.children().getFirst();
        assertThat(child.details()).as("no child_details: nothing about the child changes").isNull();
        assertThat(child.disabilities()).isNull();
        CscPayload.Episode e = child.episodes().getFirst();
        assertThat(e.fields()).as("the episode's own fields are not named").isEmpty();
        assertThat(e.workers()).as("care workers not named: kept").isNull();
        assertThat(e.cpPlans().getFirst().fields()).containsOnlyKeys("cppl_cp_plan_end_date");
        assertThat(e.assessments().getFirst().purge()).isTrue();
    }

    @Test
    void eachProblemNamesTheChildAndTheJsonPath() throws Exception {
        CscPayload.Read read = CscPayload.read(file("errors-201.json"));
        assertThat(read.problems()).extracting(CscPayload.Problem::path).containsExactlyInAnyOrder(
                "Children[0].child_details.date_of_birth",
                "Children[0].child_details.sex",
                "Children[0].social_care_episodes[0].closure_reason",
                "Children[0].social_care_episodes[0].child_protection_plans[0].child_protection_plan_id");
        assertThat(read.problems()).allSatisfy(p -> {
            assertThat(p.childId()).isEqualTo("CSCAPI-003");
            assertThat(p.message()).startsWith("Child CSCAPI-003: ");
        });
        assertThat(read.problems().getFirst().message()).contains("2019-02-30").contains("not a real day");
        assertThat(read.problems().get(1).message()).contains("'X' is not a known code");
    }

    @Test
    void malformedDatesMissingIdsAndTheLaCode() {
        CscPayload.Read read = CscPayload.read(JSON.readTree("""
                {"la_code": "2O1", "Children": [{"la_child_id": "C1", "purge": "yes",
                  "social_care_episodes": [{"social_care_episode_id": "E1", "referral_date": "12/05/2025",
                    "section_47_assessments": [{"section_47_assessment_id": "S1", "start_date": "2025-06-01", "end_date": "2025-05-01"}]}]},
                  {"mis_child_id": "M2"}, {"la_child_id": "C1"}]}"""));
        assertThat(read.problems()).extracting(CscPayload.Problem::path).containsExactlyInAnyOrder("la_code", "Children[0].purge",
                "Children[0].social_care_episodes[0].referral_date", "Children[0].social_care_episodes[0].section_47_assessments[0].end_date",
                "Children[1].la_child_id", "Children[2].la_child_id");
        assertThat(read.problems()).filteredOn(p -> p.path().endsWith("referral_date")).first()
                .satisfies(p -> assertThat(p.message()).isEqualTo("Child C1: referral_date '12/05/2025' is not a date as YYYY-MM-DD"));
        assertThat(read.problems()).filteredOn(p -> p.path().equals("Children[2].la_child_id")).first()
                .satisfies(p -> assertThat(p.message()).contains("twice"));
    }

    @Test
    void oneChildMayBeSentWithoutAListAndUnknownFieldsAreReported() {
        CscPayload.Read read = CscPayload.read(JSON.readTree("""
                {"la_code": 201, "sent_at": "2026-01-01", "Children": {"la_child_id": "C9", "favourite_colour": "blue"}}"""));
        assertThat(read.problems()).isEmpty();
        assertThat(read.children()).singleElement().extracting(CscPayload.Child::id).isEqualTo("C9");
        assertThat(read.ignored()).containsExactlyInAnyOrder("sent_at", "Children.favourite_colour");
    }
}
