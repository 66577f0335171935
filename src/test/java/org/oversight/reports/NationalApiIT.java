package org.oversight.reports;

import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class NationalApiIT extends HttpTest {

    @Test
    void latestJudgementsFilterByRegionGradeTypeAndYear() {
        JsonNode all = http.get("/api/v1/national/latest-judgements").json();
        assertThat(all.size()).isEqualTo(153);
        JsonNode outstandingLondon = http.get("/api/v1/national/latest-judgements?region=GL&judgement=OUTSTANDING").json();
        assertThat(outstandingLondon.toString()).contains("City of London");
        outstandingLondon.forEach(la -> assertThat(la.get("overall").asString()).isEqualTo("OUTSTANDING"));
        JsonNode short2024 = http.get("/api/v1/national/latest-judgements?type=SHORT_INSPECTION&year=2024").json();
        assertThat(short2024.size()).isGreaterThan(0);
        short2024.forEach(la -> {
            assertThat(la.get("inspectionType").asString()).isEqualTo("SHORT_INSPECTION");
            assertThat(la.get("startDate").asString()).startsWith("2024-");
        });
    }

    @Test
    void gradesByRegionAddUpToTheRegister() {
        JsonNode regions = http.get("/api/v1/national/grades-by-region").json();
        assertThat(regions.size()).isEqualTo(9);
        int total = 0;
        int graded = 0;
        for (JsonNode r : regions) {
            total += r.get("total").asInt();
            graded += r.get("outstanding").asInt() + r.get("good").asInt() + r.get("requiresImprovement").asInt() + r.get("inadequate").asInt();
        }
        assertThat(total).isEqualTo(153);
        // every LA's latest report, from the national dataset; the 11 inspected from 27 April 2026 have no overall grade
        assertThat(graded).isEqualTo(142);
    }

    @Test
    void theCsvHasOneRowPerLa() {
        Http.Response csv = http.get("/national/latest-judgements.csv?region=GL");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).as("byte order mark for spreadsheet programs").startsWith("\uFEFF");
        String[] lines = csv.body().substring(1).split("\r?\n");
        assertThat(lines[0]).isEqualTo("urn,la_code,local_authority,region,inspection_type,start_date,overall,leaders,help_and_protection,in_care,care_leavers");
        assertThat(lines).hasSize(1 + 33);
        assertThat(csv.body()).contains("80450,201,City of London,London,short_inspection,23/09/2024,outstanding,outstanding,good,outstanding,outstanding");
    }

    @Test
    void theRegisterDownloadsAsCsvWithItsFilters() {
        Http.Response csv = http.get("/local-authorities.csv?region=GL&judgement=OUTSTANDING");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().replace("\uFEFF", "").split("\r?\n");
        assertThat(lines[0]).startsWith("urn,la_code,la_code_new,name,region");
        assertThat(csv.body()).contains("80450,201,E09000001,City of London,London,London Borough,1987,");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("Doncaster"));
        assertThat(http.get("/local-authorities.csv").body().split("\r?\n")).hasSize(154);
    }

    @Test
    void storedDocumentsAreServedByChecksum() {
        JsonNode inspections = http.get("/api/v1/local-authorities/80450/inspections").json();
        assertThat(http.get("/documents/" + "0".repeat(64)).status()).isEqualTo(404);
        assertThat(inspections.size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void importingNeedsAnAccount() {
        assertThat(http.get("/imports/reports").status()).isEqualTo(302);
        assertThat(http.get("/imports/reports", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/imports/reports", "inspector").status()).isEqualTo(403);
        assertThat(http.get("/imports/reports", "col.manager").status()).isEqualTo(200);
    }
}
