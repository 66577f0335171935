package org.oversight.childdata.annexa;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.oversight.shared.upload.LimitedInputStream;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an XLSX workbook as a stream, one row at a time, never as a whole document, under the {@link UploadLimits}:
 * every byte inflated from the zip is counted against {@link UploadLimits#maxExpandedSize()} (so a workbook whose
 * parts pass POI's own per-entry and ratio checks but expand to gigabytes is stopped at the limit), the parts POI reads
 * whole (content types, relationships, the workbook, styles, shared strings) are measured before POI reads them, and
 * sheets, rows, columns and the length of a value are capped. Each breach is an {@link UploadLimitException} in words.
 */
final class XlsxStream implements AutoCloseable {

    /** Parts of a real workbook: a few dozen. */
    static final int MAX_PARTS = 1_000;
    /** The XML parts POI reads whole (content types, relationships, workbook, styles): a real one is a few kilobytes. */
    static final long MAX_METADATA_PART = 4L * 1024 * 1024;
    /** Shared strings are held in memory while the sheets are read: a real Annex A workbook's are a megabyte or two. */
    static final long MAX_SHARED_STRINGS = 16L * 1024 * 1024;

    /** A row as read: its number as the spreadsheet shows it (1 for the first) and its values by column (null = empty). */
    record Row(int number, List<String> values) {
        boolean blank() {
            return values.stream().allMatch(v -> v == null || v.isBlank());
        }

        String value(int column) {
            return column < values.size() ? values.get(column) : null;
        }
    }

    interface RowSink {
        void row(Row row);
    }

    private final String fileName;
    private final UploadLimits limits;
    private final LimitedInputStream.Budget expanded;
    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final List<String> sheetNames = new ArrayList<>();

    private XlsxStream(String fileName, Path file, UploadLimits limits) throws IOException, OpenXML4JException, SAXException {
        this.fileName = fileName;
        this.limits = limits;
        long maxExpanded = limits.maxExpandedSize().toBytes();
        this.expanded = new LimitedInputStream.Budget(maxExpanded, () -> new UploadLimitException(
                fileName + ": the workbook expands to more than " + UploadLimits.words(maxExpanded) + " when unzipped",
                "oversight.imports.max-expanded-size"));
        measure(file);
        this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            this.reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream ignored = sheets.next()) {
                    sheetNames.add(sheets.getSheetName());
                }
                if (sheetNames.size() > limits.maxSheets()) {
                    throw new UploadLimitException(fileName + ": the workbook has more than " + limits.maxSheets() + " sheets",
                            "oversight.imports.max-sheets");
                }
            }
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            pkg.revert();
            throw e;
        }
    }

    /**
     * Opens a workbook file. Its parts are measured first: a part POI would read whole that is larger than a real one,
     * or a workbook that expands past the limit, is refused before anything is parsed.
     */
    static XlsxStream open(String fileName, Path file, UploadLimits limits) throws NotAWorkbook {
        try (InputStream head = java.nio.file.Files.newInputStream(file)) {
            byte[] magic = head.readNBytes(8);
            if (java.util.Arrays.equals(magic, new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1})) {
                throw new NotAWorkbook("it is an older Excel file (.xls) or protected by a password: save it as an Excel workbook (.xlsx)");
            }
        } catch (IOException e) {
            throw new NotAWorkbook("it could not be read");
        }
        try {
            return new XlsxStream(fileName, file, limits);
        } catch (UploadLimitException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            throw refusal(fileName, e, null);
        }
    }

    /**
     * Why a workbook cannot be read, in words: past a limit (POI's own zip-bomb check included) as an
     * {@link UploadLimitException}, anything else as {@link NotAWorkbook}.
     */
    private static NotAWorkbook refusal(String fileName, Exception e, String sheet) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UploadLimitException limit) {
                throw limit;
            }
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
                throw new UploadLimitException(fileName + ": the workbook is compressed far more than a real one (a part would expand more "
                        + "than a hundred times), as a zip bomb is", "oversight.imports.max-expanded-size");
            }
        }
        String where = sheet == null ? "" : "the sheet '" + sheet + "' ";
        return new NotAWorkbook(switch (e) {
            case EncryptedDocumentException x -> "it is an older Excel file (.xls) or protected by a password: save it as an Excel workbook (.xlsx)";
            case OLE2NotOfficeXmlFileException x -> "it is an older Excel file (.xls) or protected by a password: save it as an Excel workbook (.xlsx)";
            case NotOfficeXmlFileException x -> "it is not an Excel workbook (.xlsx)";
            case ZipException x -> "it is not an Excel workbook (.xlsx)";
            case InvalidFormatException x -> "it is not a complete Excel workbook (.xlsx): a part is missing or damaged";
            case POIXMLException x -> "it is not a complete Excel workbook (.xlsx): a part is missing or damaged";
            case SAXException x -> where.isEmpty() ? "its XML is damaged" : where + "is damaged (its XML cannot be read)";
            default -> where.isEmpty() ? "it is damaged or not an Excel workbook (.xlsx)" : where + "could not be read: it is damaged";
        });
    }

    /** The file is not a workbook that can be read; the message says why in words. */
    static final class NotAWorkbook extends Exception {
        NotAWorkbook(String why) {
            super(why, null, false, false);
        }
    }

    List<String> sheetNames() {
        return List.copyOf(sheetNames);
    }

    /** Bytes inflated so far. */
    long expandedBytes() {
        return expanded.used();
    }

    /** Streams the named sheet's rows to the sink. */
    void read(String sheetName, RowSink sink) throws NotAWorkbook {
        try {
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream raw = sheets.next()) {
                    if (!sheets.getSheetName().equals(sheetName)) {
                        continue;
                    }
                    Rows rows = new Rows(sheetName, sink);
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setContentHandler(new ValueLengthLimit(new XSSFSheetXMLHandler(styles == null ? new StylesTable() : styles, null,
                            strings, rows, new DayMonthYear(), false), fileName + " (" + sheetName + ")", limits.maxCellChars()));
                    xml.parse(new InputSource(new LimitedInputStream(raw, expanded)));
                    return;
                }
            }
        } catch (UploadLimitException e) {
            throw e;
        } catch (SAXException e) {
            if (e.getException() instanceof UploadLimitException limit) {
                throw limit;
            }
            throw refusal(fileName, e, sheetName);
        } catch (IOException | OpenXML4JException | javax.xml.parsers.ParserConfigurationException | RuntimeException e) {
            throw refusal(fileName, e, sheetName);
        }
    }

    @Override
    public void close() {
        pkg.revert(); // opened read-only: nothing to save
    }

    /**
     * Inflates every part except the worksheets (which are streamed and counted as they are read), counting the bytes
     * actually inflated: in total against the workbook's limit, and each part POI reads whole against a real size.
     */
    private void measure(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_PARTS) {
                throw new UploadLimitException(fileName + ": the workbook has more than " + UploadLimits.count(MAX_PARTS) + " parts", null);
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            byte[] buffer = new byte[64 * 1024];
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().toLowerCase(Locale.ROOT);
                if (entry.isDirectory() || name.startsWith("xl/worksheets/") && !name.contains("_rels")) {
                    continue;
                }
                long max = name.endsWith("sharedstrings.xml") ? MAX_SHARED_STRINGS
                        : name.endsWith(".xml") || name.endsWith(".rels") ? MAX_METADATA_PART : Long.MAX_VALUE;
                String part = entry.getName();
                try (InputStream in = new LimitedInputStream(new LimitedInputStream(zip.getInputStream(entry), expanded), max,
                        () -> new UploadLimitException(fileName + ": its part " + part + " expands to more than " + UploadLimits.words(max)
                                + ", far more than a real workbook's", "oversight.imports.max-expanded-size"))) {
                    while (in.read(buffer) >= 0) {
                        // counting only
                    }
                }
            }
        }
    }

    /** Collects each row's values by column, within the column and value limits. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String sheet;
        private final RowSink sink;
        private List<String> values;
        private int nextColumn;

        Rows(String sheet, RowSink sink) {
            this.sheet = sheet;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            values = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            sink.row(new Row(rowNum + 1, values));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            nextColumn = column + 1;
            if (formattedValue == null || formattedValue.isEmpty()) {
                return;
            }
            if (column >= limits.maxColumns()) {
                throw new UploadLimitException(fileName + " (" + sheet + "): a row has a value in column " + (column + 1)
                        + ", more than " + UploadLimits.count(limits.maxColumns()) + " columns", "oversight.imports.max-columns");
            }
            if (formattedValue.length() > limits.maxCellChars()) {
                throw new UploadLimitException(fileName + " (" + sheet + "): a value in column " + (column + 1) + " is longer than "
                        + UploadLimits.count(limits.maxCellChars()) + " characters", "oversight.imports.max-cell-chars");
            }
            while (values.size() < column) {
                values.add(null);
            }
            values.add(formattedValue);
        }
    }

    /** Dates as dd/mm/yyyy whatever the cell's date format, so they read the same as dates typed as text. */
    private static final class DayMonthYear extends DataFormatter {
        private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

        DayMonthYear() {
            super(Locale.UK);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().format(DMY);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /** Stops a value (a cell's text) longer than the limit while it is being read, before it is built in memory. */
    private static final class ValueLengthLimit implements ContentHandler {
        private final ContentHandler next;
        private final String where;
        private final int max;
        private long length;

        ValueLengthLimit(ContentHandler next, String where, int max) {
            this.next = next;
            this.where = where;
            this.max = max;
        }

        @Override
        public void characters(char[] ch, int start, int len) throws SAXException {
            length += len;
            if (length > max) {
                throw new UploadLimitException(where + ": a value is longer than " + UploadLimits.count(max) + " characters",
                        "oversight.imports.max-cell-chars");
            }
            next.characters(ch, start, len);
        }

        /** A cell's value may come in several runs of text: they count together until the next cell. */
        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName) || "row".equals(localName)) {
                length = 0;
            }
            next.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            next.endElement(uri, localName, qName);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            next.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int len) throws SAXException {
            next.ignorableWhitespace(ch, start, len);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            next.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            next.skippedEntity(name);
        }
    }
}
