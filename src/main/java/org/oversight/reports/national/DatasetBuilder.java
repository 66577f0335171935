package org.oversight.reports.national;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.oversight.reports.extract.DateRange;
import org.oversight.reports.extract.ExtractedReport;
import org.oversight.reports.extract.ExtractedReport.ListStatus;
import org.oversight.reports.extract.ExtractionResult;
import org.oversight.reports.extract.Grade;
import org.oversight.reports.extract.ReportExtractor;
import org.oversight.shared.Checksums;
import org.oversight.shared.Dates;

/**
 * Builds the national dataset from a folder of published reports laid out as the data-to-insight scrape tool saves
 * them ({@code <urn>_<la>/children's services inspection - 27 october 2023.pdf}): every file read by Oversight's own
 * extractor, one row each. No database.
 */
public final class DatasetBuilder {

    /** The tool's folder per LA: {@code 80486_barking and dagenham}. */
    private static final Pattern LA_FOLDER = Pattern.compile("^(\\d{5,8})_.+$");
    /** The publication date at the end of the tool's file names: {@code ... - 25 march 2019.pdf}. */
    private static final Pattern PUBLISHED = Pattern.compile("(?i)\\s-\\s(\\d{1,2} [a-z]+ \\d{4})\\.pdf$");
    private static final DateTimeFormatter NAME_DATE = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMMM uuuu").toFormatter(Locale.UK);

    private final ReportExtractor extractor;
    private final Map<Integer, String> laNames;
    private final List<Link> links;

    /** A report's address on Ofsted's site, as the peer tool listed it: by file name, else by its dates. */
    public record Link(int urn, String file, List<LocalDate> publicationDates, List<LocalDate> startDates, String url) {
    }

    /** One file of the corpus. */
    public record Source(Path file, String relative, int urn, LocalDate published) {
    }

    public DatasetBuilder(ReportExtractor extractor, Map<Integer, String> laNames, List<Link> links) {
        this.extractor = extractor;
        this.laNames = Map.copyOf(laNames);
        this.links = List.copyOf(links);
    }

    /** Every PDF of the corpus in a stable order; a file outside a {@code <urn>_<la>} folder is an error. */
    public static List<Source> corpus(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf"))
                    .sorted().toList();
        }
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            Path folder = file.getParent();
            Matcher m = folder == null ? null : LA_FOLDER.matcher(folder.getFileName().toString());
            if (m == null || !m.matches()) {
                throw new IllegalArgumentException(file + ": not in a <urn>_<la> folder of the scrape tool's layout");
            }
            String relative = folder.getFileName() + "/" + file.getFileName();
            sources.add(new Source(file, relative, Integer.parseInt(m.group(1)), publishedFromName(file.getFileName().toString())));
        }
        return sources;
    }

    /** The publication date the tool put at the end of the file name, or null. */
    public static LocalDate publishedFromName(String fileName) {
        Matcher m = PUBLISHED.matcher(fileName);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1), NAME_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads and extracts every file on all cores; rows in corpus order. */
    public List<NationalDataset.Row> build(List<Source> sources) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<NationalDataset.Row>> rows = new ArrayList<>();
            for (Source source : sources) {
                rows.add(pool.submit(() -> row(source, Files.readAllBytes(source.file()))));
            }
            List<NationalDataset.Row> out = new ArrayList<>();
            for (Future<NationalDataset.Row> f : rows) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** The row of one file, as the extractor reads it now. */
    public NationalDataset.Row row(Source source, byte[] bytes) {
        ExtractionResult result = extractor.extract(source.file().getFileName().toString(), bytes);
        Map<String, String> c = new LinkedHashMap<>();
        c.put("urn", String.valueOf(source.urn()));
        c.put("local_authority", laNames.getOrDefault(source.urn(), ""));
        c.put("file", source.relative());
        c.put("sha256", Checksums.sha256(bytes));
        c.put("size_bytes", String.valueOf(bytes.length));
        c.put("extractor_version", ReportExtractor.VERSION);
        c.put("publication_date", Dates.format(source.published()));
        switch (result) {
            case ExtractionResult.Failure f -> {
                c.put("status", NationalDataset.NOT_RECORDED);
                c.put("reason", f.reason());
                c.put("ofsted_url", url(source, null));
            }
            case ExtractionResult.Success s -> fill(c, s.report(), source);
        }
        return NationalDataset.row(c);
    }

    private void fill(Map<String, String> c, ExtractedReport r, Source source) {
        if (r.type() != org.oversight.reports.extract.ActivityKind.INSPECTION) {
            c.put("status", NationalDataset.NOT_RECORDED);
            c.put("reason", "a letter (" + r.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "), not an inspection report: the national dataset holds inspection reports");
            c.put("ofsted_url", url(source, r.startDate()));
            return;
        }
        List<String> notRead = new ArrayList<>();
        c.put("status", NationalDataset.RECORDED);
        c.put("type", r.framework() == null ? notRead(notRead, "type") : r.framework().name().toLowerCase(Locale.ROOT));
        if (r.onSite().isEmpty()) {
            c.put("start_date", notRead(notRead, "start_date"));
            c.put("end_date", notRead(notRead, "end_date"));
            c.put("on_site", notRead(notRead, "on_site"));
        } else {
            c.put("start_date", Dates.format(r.startDate()));
            c.put("end_date", Dates.format(r.endDate()));
            List<String> ranges = new ArrayList<>();
            for (DateRange range : r.onSite()) {
                ranges.add(Dates.format(range.start()) + " to " + Dates.format(range.end()));
            }
            c.put("on_site", String.join("\n", ranges));
        }
        c.put("lead_inspector", r.leadInspector() == null ? notRead(notRead, "lead_inspector") : r.leadInspector());
        List<String> expected = r.expectedJudgements();
        Map<String, Grade> grades = new HashMap<>();
        grades.put("overall", r.overall());
        grades.put("leaders", r.leaders());
        grades.put("help_and_protection", r.helpAndProtection());
        grades.put("in_care", r.inCare());
        grades.put("care_leavers", r.careLeavers());
        for (String area : List.of("overall", "leaders", "help_and_protection", "in_care", "care_leavers")) {
            Grade g = grades.get(area);
            if (g != null) {
                c.put(area, g.label());
            } else if (r.notJudged().contains(area)) {
                c.put(area, NationalDataset.NOT_JUDGED);
            } else if (expected.contains(area)) {
                c.put(area, notRead(notRead, area));
            } else {
                c.put(area, "");
            }
        }
        List<String> notes = new ArrayList<>(r.warnings());
        switch (r.improvementStatus()) {
            case ITEMS, NONE_STATED -> c.put("improvement_count", String.valueOf(r.improvementItems().size()));
            case PROSE -> {
                c.put("improvement_count", "0");
                notes.add("the 'What needs to improve' heading is followed by prose, not a list of items");
            }
            case NO_HEADING, UNREADABLE -> c.put("improvement_count", notRead(notRead, "improvement_items"));
        }
        c.put("improvement_items", String.join("\n", r.improvementItems()));
        c.put("priority_count", r.priorityStatus() == ListStatus.UNREADABLE ? notRead(notRead, "priority_actions")
                : String.valueOf(r.priorityActions().size()));
        c.put("priority_actions", String.join("\n", r.priorityActions()));
        c.put("not_read", String.join("\n", notRead));
        c.put("notes", String.join("\n", notes));
        c.put("ofsted_url", url(source, r.startDate()));
    }

    private static String notRead(List<String> notRead, String column) {
        if (!notRead.contains(column)) {
            notRead.add(column);
        }
        return NationalDataset.NOT_READ;
    }

    /**
     * The link the peer tool recorded for this file (same LA folder, same file name), else the one link of this LA with
     * this publication date, else the one with this first on-site day; else blank.
     */
    private String url(Source source, LocalDate start) {
        String name = source.file().getFileName().toString();
        List<Link> byFile = links.stream().filter(l -> l.urn() == source.urn() && name.equals(l.file())).toList();
        if (byFile.size() == 1) {
            return byFile.getFirst().url();
        }
        List<Link> byPublication = links.stream().filter(l -> l.urn() == source.urn() && source.published() != null
                && l.publicationDates().contains(source.published())).toList();
        if (byPublication.size() == 1) {
            return byPublication.getFirst().url();
        }
        if (byPublication.isEmpty() && start != null) {
            List<Link> byStart = links.stream().filter(l -> l.urn() == source.urn() && l.startDates().contains(start)).toList();
            if (byStart.size() == 1) {
                return byStart.getFirst().url();
            }
        }
        return "";
    }

    /** The register's names by URN, from the bundled {@code la-lookup.csv}. */
    public static Map<Integer, String> bundledLaNames() {
        try (InputStream in = DatasetBuilder.class.getResourceAsStream("/reference/la-lookup.csv")) {
            if (in == null) {
                throw new IllegalStateException("/reference/la-lookup.csv is missing from the build");
            }
            Map<Integer, String> names = new HashMap<>();
            try (Reader r = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                    names.put(Integer.parseInt(rec.get("urn").trim()), rec.get("local_authority_ons_name").trim());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the links file: {@code urn,file,publication_date,start_date,url}; dates dd/mm/yyyy, several split by ';'. */
    public static List<Link> readLinks(Path file) throws IOException {
        List<Link> links = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                links.add(new Link(Integer.parseInt(rec.get("urn").trim()), rec.isMapped("file") ? rec.get("file") : "",
                        dates(rec.get("publication_date")), dates(rec.get("start_date")), rec.get("url").trim()));
            }
        }
        return links;
    }

    private static List<LocalDate> dates(String cell) {
        List<LocalDate> out = new ArrayList<>();
        for (String d : cell.split(";")) {
            if (!d.isBlank()) {
                out.add(LocalDate.parse(d.strip(), Dates.DATE));
            }
        }
        return out;
    }
}
