package org.oversight.childdata.ssd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.ChildDataImporter.Mode;
import org.oversight.childdata.ChildDataImporter.Outcome;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinCensusWriter;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The front half of the journey into the SSD-shaped store, in real PostgreSQL: CIN census XML and SSD extracts. */
@SpringBootTest
class JourneyImportIT extends IntegrationTest {

    @Autowired
    JourneyImporter importer;
    @Autowired
    JdbcClient jdbc;

    private UUID city() {
        return jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
    }

    private int count(String table, UUID snapshot) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)").param(snapshot).query(Integer.class).single();
    }

    private int snapshots(String kind) {
        return jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND kind = ?").params(city(), kind).query(Integer.class).single();
    }

    private static ImportFile census(CinCensus census) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CinCensusWriter.write(census, out);
        return ImportFile.of("census.xml", out.toByteArray());
    }

    @Test
    void theDatabaseHasEveryColumnOfTheSchemaWithItsTypeAndRowLevelSecurity() {
        for (SsdSchema.Table t : SsdSchema.get().tables()) {
            var columns = jdbc.sql("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")
                    .param(t.name()).query((rs, i) -> rs.getString(1) + " " + rs.getString(2)).list();
            assertThat(columns).as(t.name()).contains("snapshot_no integer", "la_id uuid");
            for (SsdSchema.Column c : t.columns()) {
                String type = switch (c.type()) {
                    case TEXT -> "text";
                    case DATE -> "date";
                    case INTEGER -> "integer";
                    case NUMERIC -> "numeric";
                };
                assertThat(columns).as(t.name()).contains(c.name() + " " + type);
            }
            assertThat(columns).as(t.name() + ": every column stored, nothing else").hasSize(t.columns().size() + 2);
            assertThat(jdbc.sql("SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = ?").param(t.name())
                    .query(Boolean.class).single()).as(t.name() + " is behind row-level security").isTrue();
        }
    }

    @Test
    @WithUserDetails("col.manager")
    void aValidCensusIsStoredChildForChildAndANewerOneSupersedesIt() throws IOException {
        CinCensus census = SyntheticCinCensus.for2025to26("201", 300, 4).census();
        Outcome first = importer.importCinCensus(80450, List.of(census(census)), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(first.errors().stream().filter(e -> !e.message().contains("(query")).toList()).as("the synthetic census passes every rule").isEmpty();
        assertThat(first.stored()).isTrue();
        UUID snapshot = first.snapshotId();
        assertThat(jdbc.sql("SELECT kind || ' ' || collection_year FROM import_snapshot WHERE id = ?").param(snapshot).query(String.class).single())
                .isEqualTo("CIN_CENSUS 2025-26");
        assertThat(count("ssd_person", snapshot)).isEqualTo(300);
        long episodes = census.children().stream().mapToLong(c -> c.cinDetails().size()).sum();
        long plans = census.children().stream().flatMap(c -> c.cinDetails().stream()).mapToLong(d -> d.protectionPlans().size()).sum();
        long reviews = census.children().stream().flatMap(c -> c.cinDetails().stream()).flatMap(d -> d.protectionPlans().stream())
                .mapToLong(p -> p.reviewDates().size()).sum();
        long s47 = census.children().stream().flatMap(c -> c.cinDetails().stream()).mapToLong(d -> d.section47s().size()).sum();
        long assessments = census.children().stream().flatMap(c -> c.cinDetails().stream()).mapToLong(d -> d.assessments().size()).sum();
        assertThat((long) count("ssd_cin_episodes", snapshot)).isEqualTo(episodes).isGreaterThanOrEqualTo(300);
        assertThat((long) count("ssd_cp_plans", snapshot)).isEqualTo(plans).isPositive();
        assertThat((long) count("ssd_cp_reviews", snapshot)).isEqualTo(reviews);
        assertThat((long) count("ssd_s47_enquiry", snapshot)).isEqualTo(s47).isPositive();
        assertThat((long) count("ssd_cin_assessments", snapshot)).isEqualTo(assessments).isPositive();
        CinCensus.Child child = census.children().get(7);
        assertThat(jdbc.sql("SELECT coalesce(pers_upn, '') || '|' || coalesce(pers_dob::text, '') FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND pers_person_id = ?")
                .params(snapshot, child.laChildId()).query(String.class).single())
                .isEqualTo((child.upn() == null ? "" : child.upn()) + "|" + (child.personBirthDate() == null ? "" : child.personBirthDate().text()));

        Outcome second = importer.importCinCensus(80450, List.of(census(census)), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(second.stored()).isTrue();
        assertThat(jdbc.sql("SELECT superseded_at IS NOT NULL FROM import_snapshot WHERE id = ?").param(snapshot).query(Boolean.class).single())
                .as("the older census is superseded, not deleted").isTrue();
        assertThat(count("ssd_person", snapshot)).isEqualTo(300);
    }

    @Test
    @WithUserDetails("col.manager")
    void aCensusWithErrorsStoresNothingAndNamesFileLineChildFieldValueAndRule() {
        int before = snapshots("CIN_CENSUS");
        ImportFile fake = ImportFile.of(Path.of("data/child-data/cin-fake/CIN_Census_2021.xml"));
        Outcome outcome = importer.importCinCensus(80450, List.of(fake), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.errors()).isNotEmpty();
        ValidationError e = outcome.errors().stream().filter(x -> x.message().startsWith("Child ") && !x.value().isEmpty()).findFirst().orElseThrow();
        assertThat(e.file()).isEqualTo("CIN_Census_2021.xml");
        assertThat(e.row()).isPositive();
        assertThat(e.column()).isNotBlank();
        assertThat(e.ruleCode()).matches("\\d{3,4}Q?|OV-CIN-.*");
        assertThat(snapshots("CIN_CENSUS")).isEqualTo(before);
    }

    @Test
    @WithUserDetails("col.manager")
    void aDoctypeAnotherLasCensusAndAFileThatIsNotACensusAreRefused() throws IOException {
        int before = snapshots("CIN_CENSUS");
        String doctype = "<?xml version=\"1.0\"?><!DOCTYPE Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Message>&x;</Message>";
        Outcome refused = importer.importCinCensus(80450, List.of(ImportFile.of("evil.xml", doctype.getBytes(StandardCharsets.UTF_8))),
                Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(refused.stored()).isFalse();
        assertThat(refused.errors()).extracting(ValidationError::ruleCode).contains("OV-CIN-DOCTYPE");

        Outcome other = importer.importCinCensus(80450, List.of(census(SyntheticCinCensus.for2025to26("210", 10, 1).census())),
                Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(other.stored()).isFalse();
        assertThat(other.errors()).extracting(ValidationError::ruleCode).containsExactly("OV-CIN-WRONG-LA");

        Outcome notCensus = importer.importCinCensus(80450, List.of(ImportFile.of("x.xml", "<Report><Line/></Report>".getBytes(StandardCharsets.UTF_8))),
                Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(notCensus.stored()).isFalse();
        assertThat(notCensus.errors()).extracting(ValidationError::ruleCode).contains("OV-CIN-NOT-CENSUS");
        assertThat(snapshots("CIN_CENSUS")).isEqualTo(before);
    }

    @Test
    @WithUserDetails("southwark.manager")
    void anotherLasManagerCannotImportIntoTheLasStore() {
        assertThatThrownBy(() -> importer.importCinCensus(80450, List.of(ImportFile.of("c.xml", new byte[0])), Mode.REJECT_IF_ANY_ERROR, false, () -> { }))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> importer.importSsd(80450, 2025, List.of(ImportFile.of("ssd_person.csv", new byte[0])), Mode.REJECT_IF_ANY_ERROR, false,
                () -> { })).isInstanceOf(AccessDeniedException.class);
    }

    static Path extract(int children, long seed) throws IOException {
        Path dir = Files.createTempDirectory("oversight-ssd");
        SyntheticJourney.write(SyntheticJourney.of(SyntheticCinCensus.for2025to26("201", children, seed).census(), seed), dir);
        return dir;
    }

    private static List<ImportFile> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().map(ImportFile::of).toList();
        }
    }

    @Test
    @WithUserDetails("col.manager")
    void anSsdExtractIsStoredWithUnknownTablesAndColumnsReportedNotFatal() throws IOException {
        Path dir = extract(120, 9);
        List<String> person = new ArrayList<>(Files.readAllLines(dir.resolve("ssd_person.csv")));
        person.set(0, person.get(0) + ",pers_forename,favourite_colour");
        for (int i = 1; i < person.size(); i++) {
            person.set(i, person.get(i) + ",Alex,blue");
        }
        Files.write(dir.resolve("ssd_person.csv"), person);
        Files.writeString(dir.resolve("ssd_voice_of_child.csv"), "voch_table_id,voch_person_id\nV1,C2010000001\n");
        Files.writeString(dir.resolve("notes.csv"), "a,b\n1,2\n");
        Outcome outcome = importer.importSsd(80450, 2025, files(dir), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(outcome.stored()).as(outcome.errors().toString()).isTrue();
        assertThat(outcome.errors()).extracting(ValidationError::ruleCode)
                .contains("OV-SSD-UNKNOWN-TABLE", "OV-SSD-NOT-STORED", "OV-SSD-UNKNOWN-COLUMN", "OV-SSD-NOT-KEPT");
        UUID snapshot = outcome.snapshotId();
        assertThat(count("ssd_person", snapshot)).isEqualTo(120);
        assertThat(jdbc.sql("SELECT count(*) FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND pers_legacy_id = 'Alex'").param(snapshot)
                .query(Integer.class).single()).as("a name is never stored").isZero();
        assertThat(count("ssd_contacts", snapshot)).isPositive();
        assertThat(count("ssd_involvements", snapshot)).isPositive();
        assertThat(count("ssd_professionals", snapshot)).isEqualTo(29); // 4 teams of 6 social workers, and 5 early help workers
        assertThat(jdbc.sql("SELECT kind FROM import_snapshot WHERE id = ?").param(snapshot).query(String.class).single()).isEqualTo("SSD");
        // The allocation: each involvement names a worker and a team the extract has.
        assertThat(jdbc.sql("""
                SELECT count(*) FROM ssd_involvements i JOIN ssd_professionals p ON p.snapshot_no = i.snapshot_no AND p.prof_professional_id = i.invo_professional_id
                  JOIN ssd_department d ON d.snapshot_no = i.snapshot_no AND d.dept_team_id = i.invo_professional_team WHERE i.snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)""")
                .param(snapshot).query(Integer.class).single()).isEqualTo(count("ssd_involvements", snapshot));
    }

    @Test
    @WithUserDetails("col.manager")
    void anSsdExtractWithBadRowsStoresNothingOrOnlyItsGoodRowsAndEachErrorSaysWhere() throws IOException {
        Path dir = extract(60, 3);
        List<String> person = new ArrayList<>(Files.readAllLines(dir.resolve("ssd_person.csv")));
        person.add(person.get(2));                                      // a child twice
        Files.write(dir.resolve("ssd_person.csv"), person);
        List<String> contacts = new ArrayList<>(Files.readAllLines(dir.resolve("ssd_contacts.csv")));
        String[] cells = contacts.get(1).split(",", -1);
        cells[2] = "31/02/2025";                                        // an impossible date
        contacts.set(1, String.join(",", cells));
        contacts.add("K-ORPHAN,NOBODY,2025-06-01,1A,,");                 // a child who is not in ssd_person
        Files.write(dir.resolve("ssd_contacts.csv"), contacts);
        List<String> plans = new ArrayList<>(Files.readAllLines(dir.resolve("ssd_cp_plans.csv")));
        String[] plan = plans.get(1).split(",", -1);
        List<String> header = List.of(plans.get(0).split(","));
        plan[header.indexOf("cppl_cp_plan_id")] = "CP-NO-CONFERENCE";
        plan[header.indexOf("cppl_icpc_id")] = "NO-SUCH-ICPC";            // a CP plan without its conference
        plan[header.indexOf("cppl_cp_plan_start_date")] = "2000-01-01";
        plan[header.indexOf("cppl_cp_plan_end_date")] = "";               // still open: overlaps the child's other plan
        plans.add(String.join(",", plan));
        Files.write(dir.resolve("ssd_cp_plans.csv"), plans);
        int before = snapshots("SSD");

        Outcome rejected = importer.importSsd(80450, 2025, files(dir), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(rejected.stored()).isFalse();
        assertThat(snapshots("SSD")).isEqualTo(before);
        assertThat(rejected.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("ssd_contacts.csv");
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.column()).isEqualTo("cont_contact_date");
            assertThat(e.value()).isEqualTo("31/02/2025");
            assertThat(e.ruleCode()).isEqualTo("OV-SSD-DATE");
        });
        assertThat(rejected.errors()).anySatisfy(e -> assertThat(e.ruleCode() + " " + e.file() + " " + e.row())
                .isEqualTo("OV-SSD-DUPLICATE ssd_person.csv " + person.size()));
        assertThat(rejected.errors()).anySatisfy(e -> assertThat(e.ruleCode() + " " + e.value()).isEqualTo("OV-SSD-NO-PERSON NOBODY"));
        assertThat(rejected.errors()).anySatisfy(e -> assertThat(e.ruleCode() + " " + e.value()).isEqualTo("OV-SSD-LINK NO-SUCH-ICPC"));
        assertThat(rejected.errors()).anySatisfy(e -> assertThat(e.ruleCode()).isEqualTo("OV-SSD-OVERLAP"));

        Outcome accepted = importer.importSsd(80450, 2025, files(dir), Mode.ACCEPT_GOOD_ROWS, false, () -> { });
        assertThat(accepted.stored()).as(accepted.errors().toString()).isTrue();
        assertThat(accepted.rejected()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cppl_cp_plan_id = 'CP-NO-CONFERENCE'").param(accepted.snapshotId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    @WithUserDetails("col.manager")
    void aZipOfTheExtractIsReadAndAMissingRequiredColumnIsAnError() throws IOException {
        Path dir = extract(30, 5);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (ImportFile f : files(dir)) {
                z.putNextEntry(new ZipEntry("extract/" + f.name()));
                try (var in = f.open()) {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
        }
        Outcome fromZip = importer.importSsd(80450, 2025, List.of(ImportFile.of("ssd.zip", zip.toByteArray())), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(fromZip.stored()).as(fromZip.errors().toString()).isTrue();
        assertThat(count("ssd_person", fromZip.snapshotId())).isEqualTo(30);

        List<String> contacts = new ArrayList<>(Files.readAllLines(dir.resolve("ssd_contacts.csv")));
        contacts.set(0, contacts.get(0).replace("cont_contact_date", "contact_when"));
        Files.write(dir.resolve("ssd_contacts.csv"), contacts);
        Outcome missing = importer.importSsd(80450, 2025, files(dir), Mode.ACCEPT_GOOD_ROWS, false, () -> { });
        assertThat(missing.stored()).as("a missing required column stops even an import that leaves out bad rows").isFalse();
        assertThat(missing.errors()).anySatisfy(e -> {
            assertThat(e.ruleCode()).isEqualTo("OV-SSD-MISSING-COLUMN");
            assertThat(e.file()).isEqualTo("ssd_contacts.csv");
            assertThat(e.column()).isEqualTo("cont_contact_date");
        });
    }
}
