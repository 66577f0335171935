package org.oversight.reports.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Reads Ofsted children's services inspection reports and letters (PDF, or plain text of one) and
 * extracts structured values: activity kind, framework, on-site dates, lead inspector, judgements,
 * "What needs to improve" items and areas for priority action.
 *
 * <p>The input kind is decided by content: bytes starting with {@code %PDF-} (within the first
 * kilobyte, as the PDF specification allows) are read with PDFBox; otherwise a file whose name ends
 * {@code .txt} is read as UTF-8 text; anything else is rejected as "not a PDF". PDFs are loaded
 * from memory with a bounded stream cache ({@link #DEFAULT_MEMORY_LIMIT}) and only the first
 * {@link #MAX_PAGES} pages are read.
 *
 * <p>The extractor never throws for bad input: damaged, encrypted, image-only, empty or unrelated
 * documents give an {@link ExtractionResult.Failure} with a human reason. Instances hold no
 * mutable state and are safe to share between threads.
 *
 * <p>Limitations: there is no wall-clock timeout. A hostile PDF that makes PDFBox loop for a long
 * time will hold the calling thread; callers that accept untrusted uploads should run
 * {@code extract} on a bounded executor with a timeout.
 */
public final class ReportExtractor {

    /** Memory allowed for PDFBox's stream cache per document. */
    public static final long DEFAULT_MEMORY_LIMIT = 64L * 1024 * 1024;
    /** Pages read per document; Ofsted reports have at most about 50. */
    public static final int MAX_PAGES = 120;
    private static final int MIN_TEXT_CHARS = 200;
    private static final int FIRST_PAGES = 3;
    private static final int MORE_PAGES = 3;
    private static final int LAST_PAGES = 3;
    /**
     * Changes whenever a change to the extractor can change a value it reads. The bundled national dataset records
     * the version that produced it, and a test fails when they differ.
     */
    public static final String VERSION = "2026.07-1";

    private final long memoryLimit;
    private final boolean staged;

    public ReportExtractor() {
        this(DEFAULT_MEMORY_LIMIT);
    }

    /** @param memoryLimit bytes PDFBox may use to cache decoded streams for one document */
    public ReportExtractor(long memoryLimit) {
        this(memoryLimit, true);
    }

    /** @param staged read only the pages the values are on (the default), or every page (to check the former) */
    ReportExtractor(long memoryLimit, boolean staged) {
        this.memoryLimit = memoryLimit;
        this.staged = staged;
    }

    /** An extractor that reads every page, for tests that check that reading only the pages needed changes nothing. */
    static ReportExtractor readingEveryPage() {
        return new ReportExtractor(DEFAULT_MEMORY_LIMIT, false);
    }

    /** Reads a file from disk; I/O errors become failures. */
    public ExtractionResult extract(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        try {
            return extract(name, Files.readAllBytes(path));
        } catch (IOException | RuntimeException e) {
            return new ExtractionResult.Failure(name, "could not read the file: " + message(e));
        } catch (OutOfMemoryError e) {
            return new ExtractionResult.Failure(name, "file is too large to read");
        }
    }

    /**
     * Extracts values from a document's bytes.
     *
     * @param fileName the original file name (used for the .txt rule and reported back)
     * @param content  the bytes; null or empty gives a failure
     */
    public ExtractionResult extract(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName;
        try {
            if (content == null || content.length == 0) {
                return fail(name, "empty file");
            }
            if (isPdf(content)) {
                return fromPdf(name, content);
            }
            if (name.toLowerCase(Locale.ROOT).endsWith(".txt")) {
                return fromText(name, content);
            }
            if (looksLikeHtml(content)) {
                return fail(name, "not a PDF: the file is an HTML page (for example a 'report not found' web page saved as .pdf)");
            }
            return fail(name, "not a PDF (no %PDF- header) and not a .txt file");
        } catch (StackOverflowError e) {
            return fail(name, "PDF is damaged: its structure is nested too deeply to read");
        } catch (OutOfMemoryError e) {
            return fail(name, "PDF is too large to read within the memory limit");
        } catch (RuntimeException e) {
            return fail(name, "could not read the document: " + message(e));
        }
    }

    private ExtractionResult fromPdf(String name, byte[] content) {
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(content), "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(memoryLimit).streamCache)) {
            if (doc.getNumberOfPages() == 0) {
                return fail(name, "PDF has no pages");
            }
            return staged ? readPagesNeeded(name, doc) : readAllPages(name, doc);
        } catch (InvalidPasswordException e) {
            return fail(name, "PDF is encrypted (a password is needed to open it)");
        } catch (IOException e) {
            return fail(name, "PDF is damaged: " + message(e));
        } catch (RuntimeException e) {
            return fail(name, "PDF is damaged: " + message(e));
        }
    }

    private ExtractionResult readAllPages(String name, PDDocument doc) throws IOException {
        DocumentText text = PdfTextReader.read(doc, MAX_PAGES);
        if (countTextChars(text) < MIN_TEXT_CHARS) {
            return noText(name, doc);
        }
        return interpret(name, text, null);
    }

    /**
     * Reads only the pages the values are on: the first pages, then more while the "What needs to improve" or
     * priority list runs on; an SIF report's lead inspector, printed under "The inspection team" at the end, from
     * its last pages. Letters are short and read whole. Gives the same values as {@link #readAllPages}
     * (checked on every real report by the tests) at a fraction of the cost for 40-page SIF reports.
     */
    private ExtractionResult readPagesNeeded(String name, PDDocument doc) throws IOException {
        PdfTextReader reader = new PdfTextReader(doc);
        int pages = Math.min(MAX_PAGES, doc.getNumberOfPages());
        int read = Math.min(pages, FIRST_PAGES);
        List<TextLine> lines = new ArrayList<>(reader.read(1, read));
        DocumentText text = DocumentText.of(lines);
        if (countTextChars(text) < MIN_TEXT_CHARS && read < pages) {
            lines.addAll(reader.read(read + 1, pages));
            read = pages;
            text = DocumentText.of(lines);
        }
        if (countTextChars(text) < MIN_TEXT_CHARS) {
            return noText(name, doc);
        }
        Optional<ActivityKind> kind = Classifier.classify(text);
        if (kind.isPresent() && kind.get() != ActivityKind.INSPECTION && read < pages) {
            lines.addAll(reader.read(read + 1, pages));
            return interpret(name, DocumentText.of(lines), null);
        }
        if (kind.isEmpty()) {
            return interpret(name, text, null);
        }
        while (read < pages && InspectionParser.needsMorePages(text)) {
            int to = Math.min(pages, read + MORE_PAGES);
            lines.addAll(reader.read(read + 1, to));
            read = to;
            text = DocumentText.of(lines);
        }
        DocumentText tail = null;
        if (read < pages && InspectionParser.readLead(Text.normaliseKeepLines(text.fullText())) == null) {
            int from = Math.max(read + 1, pages - LAST_PAGES + 1);
            tail = DocumentText.of(reader.read(from, pages));
            if (InspectionParser.readLead(Text.normaliseKeepLines(tail.fullText())) == null && from > read + 1) {
                tail = DocumentText.of(reader.read(read + 1, pages)); // printed somewhere in the middle: read the rest
            }
        }
        return interpret(name, text, tail);
    }

    private ExtractionResult noText(String name, PDDocument doc) {
        return fail(name, hasImages(doc) ? "no text layer (scanned images only)" : "PDF has no readable text");
    }

    private ExtractionResult fromText(String name, byte[] content) {
        String s = new String(content, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        if (s.indexOf('\u0000') >= 0 || s.chars().filter(c -> c == '\uFFFD').count() > s.length() / 20) {
            return fail(name, "the .txt file is not UTF-8 text");
        }
        String[] raw = s.split("\\r?\\n|\\r", -1);
        List<TextLine> lines = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(TextLine.plain(raw[i].replace('\u00a0', ' ').replace('\f', ' ').replace('\t', ' '), i));
        }
        DocumentText text = DocumentText.of(lines);
        if (countTextChars(text) < MIN_TEXT_CHARS) {
            return fail(name, "the text file is empty or too short to be a report or letter");
        }
        return interpret(name, text, null);
    }

    private static ExtractionResult interpret(String name, DocumentText text, DocumentText tail) {
        Optional<ActivityKind> kind = Classifier.classify(text);
        if (kind.isEmpty()) {
            return fail(name, Classifier.outOfScope(text)
                    .orElse("not an Ofsted children's services report or letter"));
        }
        ExtractedReport report = kind.get() == ActivityKind.INSPECTION
                ? InspectionParser.parse(text, tail)
                : LetterParser.parse(text, kind.get());
        if (report.type() == ActivityKind.INSPECTION && report.overall() == null && report.leaders() == null
                && report.helpAndProtection() == null && report.inCare() == null && report.careLeavers() == null) {
            return fail(name, "no judgement table found");
        }
        return new ExtractionResult.Success(name, report);
    }

    static boolean isPdf(byte[] content) {
        int limit = Math.min(content.length - 5, 1024);
        for (int i = 0; i <= limit; i++) {
            if (content[i] == '%' && content[i + 1] == 'P' && content[i + 2] == 'D' && content[i + 3] == 'F'
                    && content[i + 4] == '-') {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeHtml(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<html");
    }

    private static int countTextChars(DocumentText text) {
        int n = 0;
        for (TextLine l : text.lines()) {
            for (int i = 0; i < l.text().length(); i++) {
                if (Character.isLetterOrDigit(l.text().charAt(i))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static boolean hasImages(PDDocument doc) {
        try {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                if (resources == null) {
                    continue;
                }
                for (var xname : resources.getXObjectNames()) {
                    if (resources.isImageXObject(xname) || resources.getXObject(xname) instanceof PDImageXObject) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static ExtractionResult fail(String name, String reason) {
        return new ExtractionResult.Failure(name, reason);
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank()) ? "its content cannot be read" : m.strip();
    }
}
