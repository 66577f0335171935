package org.oversight.childdata.ssd;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.cin.CensusYear;
import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinCensusReader;
import org.oversight.childdata.cin.CinDate;
import org.oversight.childdata.cin.CinError;
import org.oversight.childdata.cin.CinReadResult;
import org.oversight.childdata.cin.CinSeverity;
import org.oversight.childdata.cin.CinValidator;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.support.DemoJourneyFixture;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CIN census XML out of the store, in real PostgreSQL: a real CIN census file (data-to-insight's fake_CIN_data.xml,
 * 332 children) stored, read back and written out, compared field by field with the file; and the City of London demo
 * journey's census checked by Oversight's own validator.
 */
@SpringBootTest
class CinCensusExportIT extends IntegrationTest {

    static final Path FAKE = Path.of("data/child-data/cin-fake/fake_CIN_data.xml");

    @Autowired
    CinCensusExport export;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    LocalAuthorities localAuthorities;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DemoJourneys demo;

    private LocalAuthority city() {
        return localAuthorities.get(80450);
    }

    /** The file's children with what the store cannot hold taken away (docs/cin-census.md, "Out"), by LAchildID. */
    static Map<String, CinCensus.Child> expected(List<CinCensus.Child> children) {
        Map<String, CinCensus.Child> out = new TreeMap<>();
        for (CinCensus.Child c : children) {
            List<CinCensus.CinDetails> details = new ArrayList<>();
            for (CinCensus.CinDetails d : c.cinDetails()) {
                details.add(new CinCensus.CinDetails(d(d.referralDate()), s(d.referralSource()), s(d.primaryNeedCode()), d(d.closureDate()),
                        s(d.reasonForClosure()), d(d.dateOfInitialCpc()), s(d.referralNfa()),
                        d.assessments().stream().map(a -> new CinCensus.Assessment(d(a.actualStartDate()), d(a.internalReviewDate()),
                                d(a.authorisationDate()), a.factors().stream().map(f -> f == null ? "" : f.strip()).toList())).toList(),
                        d.cinPlans().stream().map(p -> new CinCensus.CinPlan(d(p.startDate()), d(p.endDate()))).toList(),
                        d.section47s().stream().map(x -> new CinCensus.Section47(d(x.actualStartDate()), d(x.initialCpcTarget()),
                                d(x.dateOfInitialCpc()), s(x.icpcNotRequired()))).toList(),
                        d.protectionPlans().stream().map(p -> new CinCensus.ProtectionPlan(d(p.startDate()), d(p.endDate()),
                                s(p.initialCategoryOfAbuse()), s(p.latestCategoryOfAbuse()), integer(p.numberOfPreviousCpp()),
                                p.reviewDates().stream().map(CinCensusExportIT::d).filter(x -> x != null).toList())).toList(),
                        List.of()));
            }
            out.put(c.laChildId().strip(), new CinCensus.Child(c.laChildId().strip(), s(c.upn()), s(c.formerUpn()), s(c.upnUnknown()),
                    d(c.personBirthDate()), d(c.expectedPersonBirthDate()), s(c.genderCurrent()), s(c.sex()), d(c.personDeathDate()),
                    s(c.ethnicity()), c.disabilities().stream().map(x -> x == null ? "" : x.strip()).toList(), details));
        }
        return out;
    }

    private static CinDate d(CinDate date) {
        return date == null || date.date() == null ? null : CinDate.of(date.date());
    }

    private static String s(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String integer(String value) {
        try {
            return value == null ? null : Integer.toString(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, CinCensus.Child> byId(List<CinCensus.Child> children) {
        Map<String, CinCensus.Child> out = new TreeMap<>();
        children.forEach(c -> out.put(c.laChildId(), c));
        return out;
    }

    private static CinReadResult reread(byte[] xml) {
        try {
            return new CinCensusReader().read("out.xml", new ByteArrayInputStream(xml));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long count(Map<String, CinCensus.Child> children, java.util.function.ToIntFunction<CinCensus.CinDetails> what) {
        return children.values().stream().flatMap(c -> c.cinDetails().stream()).mapToLong(what::applyAsInt).sum();
    }

    /** Totals over the files: children, referrals, assessments, CIN plans, s47 enquiries, CP plans, CP reviews. */
    private final long[] totals = new long[7];
    /** Censuses exported from the fake files' data, the children in them, and their assessments, plans and enquiries. */
    private final long[] exported = new long[3];

    private static int year(LocalDate reference) {
        return reference.getMonthValue() >= 4 ? reference.getYear() + 1 : reference.getYear();
    }

    @Test
    @WithUserDetails("col.manager")
    void everyRealCensusFileComesBackFieldForFieldFromTheStore() throws Exception {
        List<Path> files;
        try (var list = java.nio.file.Files.list(Path.of("data/child-data/cin-fake"))) {
            files = list.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSize(9);
        for (Path f : files) {
            roundTrip(f);
        }
        System.out.println("CIN round trip of the 9 files of data/child-data/cin-fake, field for field: " + totals[0] + " children, " + totals[1]
                + " referrals, " + totals[2] + " assessments, " + totals[3] + " CIN plans, " + totals[4] + " s47 enquiries, " + totals[5]
                + " CP plans, " + totals[6] + " CP reviews");
        System.out.println("CIN censuses of 2013 to 2027 out of the store, each equal field for field to the same year of its file: "
                + exported[0] + " censuses, " + exported[1] + " children, " + exported[2] + " assessments, plans and enquiries");
        assertThat(exported[2]).as("modules exported through the XML").isPositive();
        assertThat(totals[0]).isGreaterThanOrEqualTo(332 + 8);
        for (int i = 1; i < totals.length; i++) {
            assertThat(totals[i]).as("module " + i + " is in the files").isPositive();
        }
    }

    private void roundTrip(Path path) throws Exception {
        CinReadResult read = new CinCensusReader().read(path);
        assertThat(read.failed()).as(path.toString()).isFalse();
        Map<String, CinCensus.Child> file = expected(read.census().children());
        LocalDate reference = read.census().header().referenceDate().date();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            // The files break DfE rules on purpose, so the importer would refuse them: each is stored here through the
            // importer's own mapping (CinToSsd) and store (SsdStore), as City's only current whole-journey data, and
            // rolled back afterwards.
            jdbc.sql("UPDATE import_snapshot SET superseded_at = now() WHERE la_id = ? AND kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL")
                    .param(city().id()).update();
            SsdStore store = new SsdStore(jdbc, dataSource, clock, 1);
            SsdData data = new SsdData();
            read.census().children().forEach(c -> CinToSsd.add(c, data));
            UUID snapshot = store.newSnapshot(city().id(), (reference.getYear() - 1) + "-" + reference.getYear() % 100, JourneyImporter.CIN_CENSUS,
                    path.getFileName().toString(), "test", reference, data.total(), 0);
            store.write(snapshot, city().id(), data);

            // 1. Everything the store holds, back as census children: the same children, field for field.
            Map<String, CinCensus.Child> back = byId(SsdToCin.children(store.read(snapshot, SsdToCin.TABLES)));
            assertThat(back.keySet()).as(path.toString()).isEqualTo(file.keySet());
            assertThat(back).as(path.toString()).usingRecursiveComparison().isEqualTo(file);
            totals[0] += back.size();
            totals[1] += count(back, d -> 1);
            totals[2] += count(back, d -> d.assessments().size());
            totals[3] += count(back, d -> d.cinPlans().size());
            totals[4] += count(back, d -> d.section47s().size());
            totals[5] += count(back, d -> d.protectionPlans().size());
            totals[6] += count(back, d -> d.protectionPlans().stream().mapToInt(p -> p.reviewDates().size()).sum());

            // 2. The census of every year from 2013 to 2027 out of the store, written as XML and read again, is the
            // file's children and modules of that year (the same CensusYear applied to the file), field for field.
            for (int y = 2013; y <= 2027; y++) {
                CensusYear year = new CensusYear(y);
                Map<String, CinCensus.Child> inYear = byId(year.scope(new ArrayList<>(file.values())));
                if (inYear.isEmpty()) {
                    assertThatThrownBy(() -> export.export(city(), year, true)).as(path + " " + y).isInstanceOf(NotFoundException.class)
                            .hasMessageContaining("has no child in need between");
                    continue;
                }
                CinCensusExport.Export out = export.export(city(), year, true);
                CinReadResult again = reread(out.xml());
                assertThat(again.failed()).isFalse();
                assertThat(again.census().header().referenceDate().date()).isEqualTo(year.reference());
                assertThat(again.census().header().lea()).isEqualTo("201");
                Map<String, CinCensus.Child> written = expected(again.census().children());
                assertThat(written).as(path + " " + y).usingRecursiveComparison().isEqualTo(inYear);
                assertThat(out.counts().children()).isEqualTo(inYear.size());
                assertThat(out.findings()).hasSameSizeAs(CinValidator.rules2025to26().validate("out.xml", again.census(), new int[0]));
                exported[0]++;
                exported[1] += written.size();
                exported[2] += count(written, d -> d.assessments().size() + d.cinPlans().size() + d.section47s().size() + d.protectionPlans().size());
                if (y == year(reference)) {
                    System.out.println(path.getFileName() + " -> CIN census " + year.label() + " (the file's own year) out of the store: "
                            + out.counts() + " of " + file.size() + " children in the file; Oversight's validator: " + out.errors() + " errors, "
                            + out.queries() + " queries, by rule " + out.byRule());
                }
            }
            tx.setRollbackOnly();
        });
    }

    @Test
    @WithUserDetails("col.manager")
    void aSyntheticCensusGoesInAndComesOutTheSameAndPassesEveryRule() throws Exception {
        CinCensus census = org.oversight.childdata.cin.SyntheticCinCensus.for2025to26("201", 500, 11).census();
        assertThat(CinValidator.rules2025to26().validate("in.xml", census, new int[0]).stream().filter(f -> f.severity() == CinSeverity.ERROR))
                .isEmpty();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("UPDATE import_snapshot SET superseded_at = now() WHERE la_id = ? AND kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL")
                    .param(city().id()).update();
            SsdStore store = new SsdStore(jdbc, dataSource, clock, 1);
            SsdData data = new SsdData();
            census.children().forEach(c -> CinToSsd.add(c, data));
            UUID snapshot = store.newSnapshot(city().id(), "2025-26", JourneyImporter.CIN_CENSUS, "in.xml", "test", LocalDate.of(2026, 3, 31),
                    data.total(), 0);
            store.write(snapshot, city().id(), data);
            CinCensusExport.Export out = export.export(city(), new CensusYear(2026), true);
            assertThat(expected(reread(out.xml()).census().children())).usingRecursiveComparison().isEqualTo(expected(census.children()));
            assertThat(out.errors()).as(out.byRule().toString()).isZero();
            assertThat(out.findings().stream().filter(f -> f.severity() == CinSeverity.QUERY).map(CinError::ruleCode).distinct().toList())
                    .isEqualTo(CinValidator.rules2025to26().validate("in.xml", census, new int[0]).stream().map(CinError::ruleCode).distinct().toList());
            tx.setRollbackOnly();
        });
    }

    @Test
    @WithUserDetails("col.manager")
    void theDemoJourneysCensusPassesOversightsValidator() {
        UUID loaded = DemoJourneyFixture.loadIfMissing(demo, jdbc);
        try {
            LocalDate today = LocalDate.now(clock);
            // The census in progress: every day of its period so far is inside the demo's 12 months.
            CinCensusExport.Export now = export.export(city(), new CensusYear(CinCensusExport.latestYear(today)), true);
            report(now);
            assertThat(now.counts().children()).isPositive();
            assertThat(now.counts().cpPlans()).isPositive();
            assertThat(now.findings().stream().filter(f -> f.severity() == CinSeverity.ERROR).map(CinError::describe).toList())
                    .as("errors of the demo's " + now.year().label() + " census").isEmpty();
            // The last complete census: the demo's 12 months begin after its period did, so plans carried into the demo
            // from before its first day have no conference in the data (rules 2883 and 2885), and nothing else fails.
            CinCensusExport.Export last = export.export(city(), new CensusYear(CinCensusExport.lastCompleteYear(today)), true);
            report(last);
            assertThat(last.counts().children()).isPositive();
            assertThat(last.findings().stream().filter(f -> f.severity() == CinSeverity.ERROR).map(CinError::ruleCode).distinct().toList())
                    .as("errors of the demo's " + last.year().label() + " census").isSubsetOf("2883", "2885");
        } finally {
            DemoJourneyFixture.remove(jdbc, loaded);
        }
    }

    private static void report(CinCensusExport.Export out) {
        System.out.println("Demo City of London census " + out.year().label() + ": " + out.counts() + "; " + out.errors() + " errors, "
                + out.queries() + " queries, by rule " + out.byRule());
        out.findings().stream().filter(f -> f.severity() == CinSeverity.ERROR).limit(5).forEach(f -> System.out.println("  " + f.describe()));
    }

    @Test
    @WithUserDetails("col.manager")
    void anLaWithoutWholeJourneyDataIsToldSo() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.sql("UPDATE import_snapshot SET superseded_at = now() WHERE la_id = ? AND kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL")
                    .param(city().id()).update();
            assertThatThrownBy(() -> export.export(city(), new CensusYear(2026), true)).isInstanceOf(NotFoundException.class)
                    .hasMessage("City of London has no whole-journey data: import a CIN census or a Standard Safeguarding Dataset extract on the "
                            + "child-level data page first");
            tx.setRollbackOnly();
        });
    }

    @Test
    @WithUserDetails("southwark.manager")
    void anotherLasManagerIsRefused() {
        assertThatThrownBy(() -> export.export(city(), new CensusYear(2026), true)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("col.staff")
    void theLasStaffAreRefused() {
        assertThatThrownBy(() -> export.export(city(), new CensusYear(2026), true)).isInstanceOf(AccessDeniedException.class);
    }
}
