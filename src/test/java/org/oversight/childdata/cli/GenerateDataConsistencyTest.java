package org.oversight.childdata.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinCensusReader;
import org.oversight.childdata.cin.CinError;
import org.oversight.childdata.cin.CinReadResult;
import org.oversight.childdata.cin.CinValidator;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.Rows;
import org.oversight.childdata.ssda903.Ssda903Return;
import org.oversight.childdata.ssda903.ValidationError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate-data} writes, per LA, the SSDA903 files, a CIN census and an SSD extract of the same children: every
 * 903 child is a person of the SSD extract with the same id, date of birth and sex; every child looked after at the
 * census date is in the census with an episode of need open since before the period of care began; the census passes
 * all 109 CIN rules (errors and queries) and the 903 return every SSDA903 rule Oversight implements (no error).
 */
class GenerateDataConsistencyTest {

    private static Map<String, CSVRecord> byId(Path csv, String id) throws IOException {
        Map<String, CSVRecord> out = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord r : p) {
                assertThat(out.put(r.get(id), r)).as(id + " " + r.get(id) + " twice").isNull();
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"201, 5", "210, 8"})
    void theSameChildrenInTheSsda903TheCinCensusAndTheSsdExtract(String la, long seed, @TempDir Path dir) throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = GenerateDataCommand.execute(List.of("--scale", "la", "--la", la, "--seed", Long.toString(seed), "--out", dir.toString()),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(rc).as(err.toString()).isZero();
        Path folder = dir.resolve(la);

        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        String ons = la.equals("201") ? "E09000001" : "E09000028";
        Ssda903Return ssda903 = Ssda903Return.read(files, Ssda903Return.Options.of(CollectionYear.current()).withLa(ons));
        Map<String, Long> errors903 = new TreeMap<>();
        ssda903.errors().stream().filter(e -> !e.query()).map(ValidationError::ruleCode).forEach(c -> errors903.merge(c, 1L, Long::sum));
        assertThat(errors903).as("SSDA903 errors by rule").isEmpty();
        assertThat(ssda903.errorCount()).isZero();

        Map<String, CSVRecord> persons = byId(folder.resolve("ssd/ssd_person.csv"), "pers_person_id");
        List<Rows.Header> header = ssda903.header();
        assertThat(header).hasSizeGreaterThan(5);
        for (Rows.Header h : header) {
            CSVRecord p = persons.get(h.child());
            assertThat(p).as("903 child " + h.child() + " in ssd_person").isNotNull();
            assertThat(LocalDate.parse(p.get("pers_dob").substring(0, 10))).as(h.child() + " date of birth").isEqualTo(h.dob());
            assertThat(p.get("pers_sex")).as(h.child() + " sex").isEqualTo(h.sex());
        }

        CinReadResult read = new CinCensusReader().read(folder.resolve("cin-census.xml"));
        assertThat(read.failed()).isFalse();
        CinCensus census = read.census();
        assertThat(census.header().referenceDate().date()).isEqualTo(CollectionYear.current().end());
        List<CinError> cinErrors = CinValidator.rules2025to26().validate(read);
        cinErrors.stream().limit(10).forEach(e -> System.out.println(e.describe()));
        assertThat(cinErrors).as("CIN census findings, errors and queries").isEmpty();

        Map<String, CinCensus.Child> inCensus = new HashMap<>();
        census.children().forEach(c -> inCensus.put(c.laChildId(), c));
        Map<String, LocalDate> careStart = new HashMap<>();
        ssda903.episodes().forEach(e -> careStart.merge(e.child(), e.decom(), (a, b) -> a.isBefore(b) ? a : b));
        assertThat(careStart).isNotEmpty();
        for (Rows.Header h : header) {
            LocalDate started = careStart.get(h.child());
            if (started == null) {
                continue; // a care leaver: a person of the extract, not in the census
            }
            CinCensus.Child c = inCensus.get(h.child());
            assertThat(c).as("looked-after child " + h.child() + " in the CIN census").isNotNull();
            assertThat(c.personBirthDate().date()).isEqualTo(h.dob());
            assertThat(c.sex()).isEqualTo(h.sex());
            assertThat(c.cinDetails()).as(h.child() + " has an episode of need open since before care began").anySatisfy(d -> {
                assertThat(d.referralDate().date()).isBeforeOrEqualTo(started);
                assertThat(d.closureDate()).isNull();
            });
        }
        long lookedAfter = careStart.size();
        System.out.printf("generate-data %s seed %d: %d children in the 903 header (%d looked after), %d in the CIN census, %d SSD persons%n", la, seed,
                header.size(), lookedAfter, census.children().size(), persons.size());
        assertThat(persons.keySet()).as("the census's children are the extract's persons").containsAll(inCensus.keySet());
        lookedAfterAsIn903(folder, ssda903);
    }

    /**
     * The SSD extract's looked-after tables hold the 903's episodes (each with its dates, reasons, legal status and
     * placement), reviews, missing episodes and care leavers, and the extract passes the import's own checks (required
     * fields, links, periods, no overlapping episodes, placements or legal statuses).
     */
    private static void lookedAfterAsIn903(Path folder, Ssda903Return ssda903) throws IOException {
        Map<String, CSVRecord> episodes = byId(folder.resolve("ssd/ssd_cla_episodes.csv"), "clae_cla_episode_id");
        Map<String, CSVRecord> placements = byId(folder.resolve("ssd/ssd_cla_placement.csv"), "clap_cla_placement_id");
        Map<String, CSVRecord> legal = byId(folder.resolve("ssd/ssd_legal_status.csv"), "lega_legal_status_id");
        assertThat(episodes).as("one CLA episode per 903 episode").hasSize(ssda903.episodes().size());
        for (Rows.Episode e : ssda903.episodes()) {
            CSVRecord c = episodes.get(e.child() + "/E" + e.decom());
            assertThat(c).as("903 episode " + e.child() + " " + e.decom()).isNotNull();
            assertThat(c.get("clae_person_id")).isEqualTo(e.child());
            assertThat(c.get("clae_cla_episode_start_reason")).isEqualTo(e.rne());
            assertThat(c.get("clae_cla_episode_ceased_date")).isEqualTo(e.dec() == null ? "" : e.dec().toString());
            assertThat(c.get("clae_cla_episode_ceased_reason")).isEqualTo(e.rec() == null ? "" : e.rec());
            assertThat(c.get("clae_cla_primary_need_code")).isEqualTo(e.cin());
            CSVRecord placement = placements.get(c.get("clae_cla_placement_id"));
            assertThat(placement).as(e.child() + " " + e.decom() + "'s placement").isNotNull();
            assertThat(placement.get("clap_cla_placement_type")).isEqualTo(e.place());
            assertThat(placement.get("clap_cla_id")).isEqualTo(c.get("clae_cla_id"));
            assertThat(LocalDate.parse(placement.get("clap_cla_placement_start_date"))).isBeforeOrEqualTo(e.decom());
            assertThat(legal.values()).as(e.child() + " " + e.decom() + "'s legal status " + e.ls()).anySatisfy(l -> {
                assertThat(l.get("lega_person_id")).isEqualTo(e.child());
                assertThat(l.get("lega_legal_status")).isEqualTo(e.ls());
                assertThat(LocalDate.parse(l.get("lega_legal_status_start_date"))).isBeforeOrEqualTo(e.decom());
                assertThat(l.get("lega_legal_status_end_date").isEmpty() || e.dec() != null
                        && !LocalDate.parse(l.get("lega_legal_status_end_date")).isBefore(e.dec())).isTrue();
            });
        }
        assertThat(placements.size()).as("placements: at most one per episode (a change of legal status only keeps the placement)")
                .isLessThanOrEqualTo(episodes.size()).isPositive();
        Map<String, CSVRecord> reviews = byId(folder.resolve("ssd/ssd_cla_reviews.csv"), "clar_cla_review_id");
        assertThat(reviews).hasSize(ssda903.reviews().size());
        ssda903.reviews().forEach(r -> assertThat(reviews.get(r.child() + "/R" + r.review()).get("clar_cla_review_participation"))
                .isEqualTo(r.reviewCode()));
        Map<String, CSVRecord> leavers = byId(folder.resolve("ssd/ssd_care_leavers.csv"), "clea_table_id");
        assertThat(leavers).hasSize(ssda903.oc3().size()).isNotEmpty();
        ssda903.oc3().forEach(o -> assertThat(leavers.get(o.child() + "/OC3").get("clea_care_leaver_activity")).isEqualTo(o.activ()));
        // a table without rows is not written
        Map<String, CSVRecord> missing = Files.exists(folder.resolve("ssd/ssd_missing.csv"))
                ? byId(folder.resolve("ssd/ssd_missing.csv"), "miss_table_id") : Map.of();
        assertThat(missing).hasSize(ssda903.missing().size());

        List<org.oversight.childdata.ImportFile> extract;
        try (Stream<Path> list = Files.list(folder.resolve("ssd"))) {
            extract = list.sorted().map(org.oversight.childdata.ImportFile::of).toList();
        }
        var read = org.oversight.childdata.ssd.SsdExtract.read(extract, org.oversight.shared.upload.UploadLimits.defaults(), CollectionYear.current().end());
        assertThat(read.errors()).as("the extract passes the import's checks").isEmpty();
        assertThat(read.rejected()).isZero();
    }
}
