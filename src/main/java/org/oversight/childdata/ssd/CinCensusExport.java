package org.oversight.childdata.ssd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.oversight.access.AccessLog;
import org.oversight.access.CurrentUser;
import org.oversight.childdata.cin.CensusYear;
import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinCensusWriter;
import org.oversight.childdata.cin.CinError;
import org.oversight.childdata.cin.CinSeverity;
import org.oversight.childdata.cin.CinValidator;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CIN census XML of a collection year made from the LA's current whole-journey snapshot (an SSD extract or a CIN
 * census, whichever is current): the store's rows back as census children ({@link SsdToCin}), the children and modules
 * of the year ({@link CensusYear}), written by {@link CinCensusWriter} and checked against the 109 DfE rules by
 * Oversight's own {@link CinValidator}. For the LA's managers; each export is written to the access log.
 */
@Service
public class CinCensusExport {

    /** What the census holds, counted. */
    public record Counts(int children, int episodes, int assessments, int cinPlans, int section47s, int cpPlans) {
    }

    /**
     * One export.
     *
     * @param fileName the download's name, e.g. {@code cin-census-201-2026.xml}
     * @param source   the snapshot it was made from
     * @param findings every error and query of Oversight's validator, in file order
     */
    public record Export(CensusYear year, String fileName, byte[] xml, JourneySnapshot source, Counts counts, List<CinError> findings) {

        public long errors() {
            return findings.stream().filter(f -> f.severity() == CinSeverity.ERROR).count();
        }

        public long queries() {
            return findings.stream().filter(f -> f.severity() == CinSeverity.QUERY).count();
        }

        /** How many findings each rule has, by code. */
        public Map<String, Long> byRule() {
            Map<String, Long> out = new TreeMap<>();
            findings.forEach(f -> out.merge(f.ruleCode() + (f.severity() == CinSeverity.QUERY ? " (query)" : ""), 1L, Long::sum));
            return out;
        }
    }

    private final ChildJourneys journeys;
    private final SsdStore store;
    private final CurrentUser currentUser;
    private final AccessLog accessLog;
    private final Clock clock;
    private final CinValidator validator = CinValidator.rules2025to26();

    CinCensusExport(ChildJourneys journeys, JdbcClient jdbc, CurrentUser currentUser, AccessLog accessLog, Clock clock) {
        this.journeys = journeys;
        this.store = new SsdStore(jdbc, clock);
        this.currentUser = currentUser;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The census year {@code year} names, or a 400 in words: four digits, from 2013 to the census in progress. */
    public CensusYear year(String year) {
        int latest = latestYear(LocalDate.now(clock.withZone(Dates.LONDON)));
        Integer y = null;
        try {
            y = year == null ? null : Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            y = null;
        }
        if (y == null || y < 2013 || y > latest) {
            throw new InvalidInputException(List.of(new FieldProblem("year", "Give the census year as the year of its reference date (31 March), "
                    + "four digits from 2013 to " + latest + ": for example " + (latest - 1) + " for " + new CensusYear(latest - 1).label()
                    + (year == null || year.isBlank() ? "" : "; '" + year + "' is not one"))));
        }
        return new CensusYear(y);
    }

    /** The census in progress on a day: 2027 from 1 April 2026 to 31 March 2027. */
    public static int latestYear(LocalDate today) {
        return today.getMonthValue() >= 4 ? today.getYear() + 1 : today.getYear();
    }

    /** The last census whose reference date has passed on a day: the default year to offer. */
    public static int lastCompleteYear(LocalDate today) {
        return latestYear(today) - 1;
    }

    public boolean mayUse(UUID laId) {
        return currentUser.canManage(laId);
    }

    /**
     * The census of the year for the LA. 403 for anyone but its managers; 404 in words when it has no whole-journey data,
     * or none with a child in need in the year.
     *
     * @param download true for the file (logged as its download), false to show its check on a page (logged as read)
     */
    @Transactional
    public Export export(LocalAuthority la, CensusYear year, boolean download) {
        if (!mayUse(la.id())) {
            throw new AccessDeniedException("The CIN census holds children's records: only " + la.name() + "'s managers can produce it");
        }
        JourneySnapshot source = journeys.current(la.id()).orElseThrow(() -> new NotFoundException(la.name() + " has no whole-journey data: "
                + "import a CIN census or a Standard Safeguarding Dataset extract on the child-level data page first"));
        List<CinCensus.Child> history = SsdToCin.children(store.read(source.id(), SsdToCin.TABLES));
        List<CinCensus.Child> children = year.scope(history);
        if (children.isEmpty()) {
            throw new NotFoundException("The whole-journey data of " + la.name() + " (" + describe(source) + ") has no child in need between "
                    + Dates.day(year.start()) + " and " + Dates.day(year.reference()) + ", so there is no " + year.label() + " CIN census to make");
        }
        CinCensus census = new CinCensus(year.header(la.laCode(), LocalDateTime.now(clock.withZone(Dates.LONDON)).truncatedTo(ChronoUnit.SECONDS)
                .toString()), children);
        String fileName = "cin-census-" + la.laCode() + "-" + year.year() + ".xml";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CinCensusWriter.write(census, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CinError> findings = validator.validate(fileName, census, new int[0]);
        accessLog.record(la.id(), AccessLog.ALL_CHILDREN, "CIN census " + year.label() + " (" + children.size() + " children) "
                + (download ? "export" : "check, read on screen"), null);
        return new Export(year, fileName, out.toByteArray(), source, counts(children), findings);
    }

    static Counts counts(List<CinCensus.Child> children) {
        int episodes = 0;
        int assessments = 0;
        int cinPlans = 0;
        int s47 = 0;
        int cp = 0;
        for (CinCensus.Child c : children) {
            for (CinCensus.CinDetails d : c.cinDetails()) {
                episodes++;
                assessments += d.assessments().size();
                cinPlans += d.cinPlans().size();
                s47 += d.section47s().size();
                cp += d.protectionPlans().size();
            }
        }
        return new Counts(children.size(), episodes, assessments, cinPlans, s47, cp);
    }

    /** "CIN census 2025-26, imported 6 April 2026". */
    public static String describe(JourneySnapshot s) {
        return s.describe();
    }
}
