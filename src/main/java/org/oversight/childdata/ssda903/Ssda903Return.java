package org.oversight.childdata.ssda903;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.oversight.childdata.ssda903.Rows.Episode;
import org.oversight.childdata.ssda903.Rows.Header;
import org.oversight.childdata.ssda903.Rows.Missing;
import org.oversight.childdata.ssda903.Rows.Oc3;
import org.oversight.childdata.ssda903.Rows.Review;
import org.oversight.childdata.ssda903.Rows.Ssda903Row;
import org.oversight.childdata.ssda903.Rows.Uasc;

/**
 * A set of SSDA903 tables validated together. Holds every file's own errors plus the cross-table errors, in one
 * list. {@link #acceptWithBadRows()} keeps only the rows that have no error.
 *
 * <p>Year-dependent DfE rules (301, 354, 357, 385, 391) only run when a {@link CollectionYear} is given.
 */
public final class Ssda903Return {

    private final List<ReadResult> files;
    private final Optional<CollectionYear> year;
    private final List<ValidationError> errors;
    private final long errorTotal;

    private Ssda903Return(List<ReadResult> files, Optional<CollectionYear> year, ErrorList errors) {
        this.files = List.copyOf(files);
        this.year = year;
        this.errors = List.copyOf(errors);
        this.errorTotal = errors.total();
    }

    /** Reads and validates files given as name → bytes, without year-dependent rules. */
    public static Ssda903Return read(Map<String, byte[]> files) {
        return read(files, null);
    }

    /** Reads and validates files given as name → bytes; year may be null. */
    public static Ssda903Return read(Map<String, byte[]> files, CollectionYear year) {
        List<ReadResult> read = new ArrayList<>();
        files.forEach((name, bytes) -> read.add(Ssda903Reader.read(name, bytes)));
        return validate(read, year);
    }

    /** Validates files already read; year may be null. */
    public static Ssda903Return validate(List<ReadResult> files, CollectionYear year) {
        return validate(files, List.of(), year, Integer.MAX_VALUE);
    }

    /**
     * Validates files already read against each other and, for a partial update, against {@code context}: the tables
     * of the current snapshot that the files do not replace (their own rows are not checked again and give no errors).
     * Errors are kept up to {@code maxErrors} and counted beyond ({@link #errorTotal()}).
     */
    public static Ssda903Return validate(List<ReadResult> files, List<ReadResult> context, CollectionYear year, int maxErrors) {
        ErrorList errors = new ErrorList(maxErrors);
        for (ReadResult f : files) {
            errors.addAll(f.errors());
            errors.countWithoutKeeping(f.errorTotal() - f.errors().size());
        }
        new CrossChecks(files, context, year, errors).run();
        return new Ssda903Return(files, Optional.ofNullable(year), errors);
    }

    /** The errors kept (all of them unless {@link #errorTotal()} is larger). */
    public List<ValidationError> errors() {
        return errors;
    }

    /** Every error found, kept or not. */
    public long errorTotal() {
        return errorTotal;
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<ReadResult> files() {
        return files;
    }

    public Optional<CollectionYear> collectionYear() {
        return year;
    }

    public List<Header> header() {
        return rows(Header.class);
    }

    public List<Episode> episodes() {
        return rows(Episode.class);
    }

    public List<Review> reviews() {
        return rows(Review.class);
    }

    public List<Oc3> oc3() {
        return rows(Oc3.class);
    }

    public List<Missing> missing() {
        return rows(Missing.class);
    }

    public List<Uasc> uasc() {
        return rows(Uasc.class);
    }

    private <T extends Ssda903Row> List<T> rows(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ReadResult f : files) {
            out.addAll(f.rows(type));
        }
        return out;
    }

    /**
     * "Accept with bad rows": the same tables with every row that has any error (its own or cross-table) removed.
     * The returned object keeps the full error list, so the caller can still show what was dropped.
     */
    public Accepted acceptWithBadRows() {
        Map<String, Set<Integer>> bad = new HashMap<>();
        for (ValidationError e : errors) {
            bad.computeIfAbsent(e.file(), k -> new HashSet<>()).add(e.row());
        }
        Map<Ssda903Table, List<Ssda903Row>> kept = new EnumMap<>(Ssda903Table.class);
        int dropped = 0;
        for (ReadResult f : files) {
            if (f.table() == null) {
                continue;
            }
            Set<Integer> badRows = bad.getOrDefault(f.file(), Set.of());
            boolean wholeFileBad = badRows.contains(0);
            for (Ssda903Row r : f.rows()) {
                if (wholeFileBad || badRows.contains(r.row())) {
                    dropped++;
                } else {
                    kept.computeIfAbsent(f.table(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        return new Accepted(kept, dropped, errors);
    }

    /** The rows that passed every check, by table, plus how many were dropped and why. */
    public record Accepted(Map<Ssda903Table, List<Ssda903Row>> rows, int droppedRows,
                           List<ValidationError> errors) {

        public <T extends Ssda903Row> List<T> rows(Class<T> type) {
            List<T> out = new ArrayList<>();
            rows.values().forEach(l -> l.stream().filter(type::isInstance).map(type::cast).forEach(out::add));
            return out;
        }

        public int acceptedRows() {
            return rows.values().stream().mapToInt(List::size).sum();
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Cross-table rules. */
    private static final class CrossChecks {
        private final List<ReadResult> files;
        private final CollectionYear year;
        private final List<ValidationError> errors;
        private final Map<String, Header> headerByChild = new HashMap<>();
        private final Map<String, List<Episode>> episodesByChild = new HashMap<>();
        private final boolean hasHeader;
        private final boolean hasEpisodes;

        CrossChecks(List<ReadResult> files, List<ReadResult> context, CollectionYear year, List<ValidationError> errors) {
            this.files = files;
            this.year = year;
            this.errors = errors;
            boolean h = false;
            boolean e = false;
            List<ReadResult> all = new ArrayList<>(files);
            all.addAll(context);
            for (ReadResult f : all) {
                if (f.table() == Ssda903Table.HEADER) {
                    h = true;
                    for (Header r : f.rows(Header.class)) {
                        headerByChild.putIfAbsent(r.child(), r);
                    }
                } else if (f.table() == Ssda903Table.EPISODES) {
                    e = true;
                    Ssda903Reader.episodesByChildForReturn(f.rows(Episode.class))
                            .forEach((c, l) -> episodesByChild.computeIfAbsent(c, k -> new ArrayList<>()).addAll(l));
                }
            }
            episodesByChild.values().forEach(l -> l.sort(Comparator.comparing(Episode::decom)));
            this.hasHeader = h;
            this.hasEpisodes = e;
        }

        void run() {
            for (ReadResult f : files) {
                if (f.table() == null) {
                    continue;
                }
                switch (f.table()) {
                    case HEADER -> headerChecks(f);
                    case EPISODES -> episodeChecks(f);
                    case REVIEWS -> reviewChecks(f);
                    case OC3 -> oc3Checks(f);
                    case MISSING -> missingChecks(f);
                    case UASC -> uascChecks(f);
                }
            }
        }

        private void add(String file, int row, String column, String value, String rule) {
            errors.add(ValidationError.of(file, row, column, value, rule));
        }

        /** INT0x: child not in header. Returns the header row or null. */
        private Header inHeader(String file, Ssda903Row r, String rule) {
            if (!hasHeader || r.child().isEmpty()) {
                return null;
            }
            Header h = headerByChild.get(r.child());
            if (h == null) {
                add(file, r.row(), "CHILD", r.child(), rule);
            }
            return h;
        }

        private void sameDob(String file, Ssda903Row r, LocalDate dob, Header h, String rule) {
            if (h != null && dob != null && h.dob() != null && !dob.equals(h.dob())) {
                add(file, r.row(), "DOB", Dates.format(dob), rule);
            }
        }

        private void headerChecks(ReadResult f) {
            for (Header h : f.rows(Header.class)) {
                if (year != null && h.dob() != null && h.dob().isAfter(year.end())) {
                    add(f.file(), h.row(), "DOB", Dates.format(h.dob()), "301");
                }
                if (h.upn().isEmpty() && hasEpisodes) {
                    List<Episode> eps = episodesByChild.getOrDefault(h.child(), List.of());
                    if (eps.stream().anyMatch(e -> !Set.of("V3", "V4").contains(e.ls()))) {
                        add(f.file(), h.row(), "UPN", "", "442");
                    }
                }
            }
        }

        private void episodeChecks(ReadResult f) {
            Map<String, Episode> first = new HashMap<>();
            for (Map.Entry<String, List<Episode>> en : episodesByChild.entrySet()) {
                first.put(en.getKey(), en.getValue().getFirst());
            }
            for (Episode e : f.rows(Episode.class)) {
                Header h = inHeader(f.file(), e, "INT03");
                String decom = Dates.format(e.decom());
                if (year != null) {
                    if (e.decom() != null && e.decom().isAfter(year.end())) {
                        add(f.file(), e.row(), "DECOM", decom, "354");
                    }
                    if (e.dec() != null && e.dec().isAfter(year.end())) {
                        add(f.file(), e.row(), "DEC", Dates.format(e.dec()), "385");
                    }
                    if (first.get(e.child()) == e && !e.decom().isBefore(year.start()) && !e.rne().equals("S")) {
                        add(f.file(), e.row(), "RNE", e.rne(), "357");
                    }
                }
                if (h == null || h.dob() == null || e.decom() == null) {
                    continue;
                }
                LocalDate dob = h.dob();
                if (first.get(e.child()) == e && e.decom().isBefore(dob)) {
                    add(f.file(), e.row(), "DECOM", decom, "302");
                }
                if (e.rne().equals("S") && !e.decom().isBefore(dob.plusYears(18))) {
                    add(f.file(), e.row(), "DECOM", decom, "352");
                }
                if (Set.of("J1", "J2", "J3").contains(e.ls()) && !e.decom().isAfter(dob.plusYears(10))) {
                    add(f.file(), e.row(), "LS", e.ls(), "358");
                }
                if (e.place().equals("R5") && e.decom().isBefore(dob.plusYears(10))) {
                    add(f.file(), e.row(), "PLACE", e.place(), "372");
                }
                if (e.place().equals("S1") && e.decom().isBefore(dob.plusYears(4))) {
                    add(f.file(), e.row(), "PLACE", e.place(), "373");
                }
                if (Set.of("E11", "E12").contains(e.rec()) && e.dec() != null
                        && !e.dec().isBefore(dob.plusYears(18))) {
                    add(f.file(), e.row(), "REC", e.rec(), "386");
                }
            }
        }

        private void reviewChecks(ReadResult f) {
            for (Review r : f.rows(Review.class)) {
                Header h = inHeader(f.file(), r, "INT08");
                sameDob(f.file(), r, r.dob(), h, "INT17");
                if (!hasEpisodes || r.child().isEmpty()) {
                    continue;
                }
                List<Episode> eps = episodesByChild.get(r.child());
                if (eps == null || eps.isEmpty()) {
                    add(f.file(), r.row(), "CHILD", r.child(), "OV-REVIEW-NO-EPISODE");
                } else if (r.review() != null && r.review().isBefore(eps.getFirst().decom())) {
                    errors.add(ValidationError.of(f.file(), r.row(), "REVIEW", Dates.format(r.review()),
                            "OV-REVIEW-BEFORE-CARE", RuleMessages.message("OV-REVIEW-BEFORE-CARE")
                                    + " First DECOM: " + Dates.format(eps.getFirst().decom()) + "."));
                }
            }
        }

        private void oc3Checks(ReadResult f) {
            for (Oc3 o : f.rows(Oc3.class)) {
                Header h = inHeader(f.file(), o, "INT06");
                sameDob(f.file(), o, o.dob(), h, "INT15");
                if (year != null && o.dob() != null
                        && (o.dob().plusYears(17).isAfter(year.end()) || !o.dob().plusYears(22).isAfter(year.start()))
                        && !(o.inTouch().isEmpty() && o.activ().isEmpty() && o.accom().isEmpty())) {
                    add(f.file(), o.row(), "DOB", Dates.format(o.dob()), "391");
                }
            }
        }

        private void missingChecks(ReadResult f) {
            for (Missing m : f.rows(Missing.class)) {
                Header h = inHeader(f.file(), m, "INT04");
                sameDob(f.file(), m, m.dob(), h, "INT13");
            }
        }

        private void uascChecks(ReadResult f) {
            for (Uasc u : f.rows(Uasc.class)) {
                Header h = inHeader(f.file(), u, "INT09");
                sameDob(f.file(), u, u.dob(), h, "INT18");
                if (h != null && !u.sex().isEmpty() && !h.sex().isEmpty() && !u.sex().equals(h.sex())) {
                    add(f.file(), u.row(), "SEX", u.sex(), "INT21");
                }
            }
        }
    }

    /** Counts errors by rule code, most frequent first; handy for reports. */
    public static Map<String, Long> countByRule(Collection<ValidationError> errors) {
        Map<String, Long> counts = new HashMap<>();
        errors.forEach(e -> counts.merge(e.ruleCode(), 1L, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        return sorted;
    }
}
