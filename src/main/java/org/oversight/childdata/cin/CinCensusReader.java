package org.oversight.childdata.cin;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.Header;
import org.oversight.childdata.cin.CinCensus.PreProceedings;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;
import org.oversight.childdata.cin.CinCensus.Section47;

/**
 * Reads CIN census XML with StAX, one child at a time, so a file of any size needs memory for one child only (plus what
 * the caller keeps).
 *
 * <p>Safe with files from anywhere: a DOCTYPE is refused (so no entity is ever expanded or fetched), and the
 * {@link CinReadLimits} cap the bytes, elements, depth and length of any value. Bad input never throws: the result names
 * the problem with its line and column. An element the census does not define is skipped and reported once per path
 * with how often it occurred; a value given twice keeps the first, as DfE's tools do.
 */
public final class CinCensusReader {

    /** The file is not well-formed XML. */
    public static final String NOT_WELL_FORMED = "OV-CIN-XML";
    /** The file has a DOCTYPE declaration. */
    public static final String DOCTYPE = "OV-CIN-DOCTYPE";
    /** The file is XML but not a CIN census. */
    public static final String NOT_A_CENSUS = "OV-CIN-NOT-CENSUS";
    /** The file is over one of the {@link CinReadLimits}. */
    public static final String TOO_LARGE = "OV-CIN-LIMIT";
    /** An element the CIN census does not define (skipped). */
    public static final String UNKNOWN_ELEMENT = "OV-CIN-UNKNOWN";
    /** A single-valued element given more than once in its module (the first is kept). */
    public static final String REPEATED = "OV-CIN-REPEATED";
    /** Text directly inside a module rather than in one of its fields (ignored). */
    public static final String STRAY_TEXT = "OV-CIN-TEXT";

    private static final XMLInputFactory FACTORY = secureFactory();

    private final CinReadLimits limits;

    public CinCensusReader() {
        this(CinReadLimits.DEFAULT);
    }

    public CinCensusReader(CinReadLimits limits) {
        this.limits = limits;
    }

    public CinReadLimits limits() {
        return limits;
    }

    /** Receives a census as it is read: the header once, before the first child, then each child in file order. */
    public interface Listener {

        void header(Header header);

        /**
         * @param child the child
         * @param index its position in the file, from 0
         * @param line  the line of its {@code <Child>} element
         */
        void child(Child child, int index, int line);
    }

    /**
     * What streaming a file gave.
     *
     * @param header   the header (empty if the file has none)
     * @param children how many children were read
     * @param problems reading problems in file order; when {@link #failed} the first fatal one is last
     * @param failed   true when the file could not be read to its end as a CIN census
     */
    public record Outcome(Header header, int children, List<CinError> problems, boolean failed) {

        public Outcome {
            problems = List.copyOf(problems);
        }
    }

    /** Reads a whole file into memory; a file over the byte limit is refused before it is opened. */
    public CinReadResult read(Path file) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            return new CinReadResult(name, null, new int[0], List.of(tooLarge(name, size)));
        }
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(name, in);
        }
    }

    /** Reads a whole census into memory. */
    public CinReadResult read(String file, InputStream in) throws IOException {
        List<Child> children = new ArrayList<>();
        int[][] lines = {new int[64]};
        Header[] header = {Header.EMPTY};
        Outcome outcome = stream(file, in, new Listener() {
            @Override
            public void header(Header h) {
                header[0] = h;
            }

            @Override
            public void child(Child child, int index, int line) {
                if (index == lines[0].length) {
                    lines[0] = java.util.Arrays.copyOf(lines[0], index * 2);
                }
                lines[0][index] = line;
                children.add(child);
            }
        });
        if (outcome.failed()) {
            return new CinReadResult(file, null, new int[0], outcome.problems());
        }
        return new CinReadResult(file, new CinCensus(header[0], children),
                java.util.Arrays.copyOf(lines[0], children.size()), outcome.problems());
    }

    /** Streams a file to a listener: memory is needed for one child at a time. */
    public Outcome stream(Path file, Listener listener) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            return new Outcome(Header.EMPTY, 0, List.of(tooLarge(name, size)), true);
        }
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return stream(name, in, listener);
        }
    }

    /** Streams a census to a listener. Never throws for bad input; an I/O error of the stream itself propagates. */
    public Outcome stream(String file, InputStream in, Listener listener) throws IOException {
        Parse parse = new Parse(file, new CappedInputStream(in, limits.maxBytes()), listener);
        try {
            parse.run();
        } catch (Refused r) {
            parse.fatal(r.code, r.line, r.column, r.getMessage());
        } catch (XMLStreamException e) {
            CappedInputStream.TooLarge tooLarge = cause(e, CappedInputStream.TooLarge.class);
            IOException io = cause(e, IOException.class);
            if (tooLarge != null) {
                parse.fatal(TOO_LARGE, 0, 0, "The file is larger than the limit of " + limits.maxBytes()
                        + " bytes; it was not read further.");
            } else if (io != null) {
                throw io;
            } else {
                Location at = e.getLocation();
                String reason = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
                parse.fatal(NOT_WELL_FORMED, at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(),
                        "The file is not well-formed XML: " + reason.strip());
            }
        } catch (RuntimeException e) {
            CappedInputStream.TooLarge tooLarge = cause(e, CappedInputStream.TooLarge.class);
            if (tooLarge == null) {
                throw e;
            }
            parse.fatal(TOO_LARGE, 0, 0, "The file is larger than the limit of " + limits.maxBytes()
                    + " bytes; it was not read further.");
        }
        return parse.outcome();
    }

    private CinError tooLarge(String file, long size) {
        return problem(file, 0, 0, TOO_LARGE, "The file is " + size + " bytes, over the limit of "
                + limits.maxBytes() + " bytes; it was not read.");
    }

    private static CinError problem(String file, int line, int column, String code, String message) {
        CinSeverity severity = code.equals(UNKNOWN_ELEMENT) || code.equals(REPEATED) || code.equals(STRAY_TEXT)
                ? CinSeverity.QUERY : CinSeverity.ERROR;
        return new CinError(file, line, column, -1, "", "", "", "", "", code, severity, message);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != t.getCause()) {
                T nested = cause(x.getNestedException(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("External entities are not allowed");
        });
        return f;
    }

    /** A reason to stop reading: the file is over a limit, has a DOCTYPE, or is not a census. */
    private static final class Refused extends RuntimeException {

        final String code;
        final int line;
        final int column;

        Refused(String code, Location at, String message) {
            super(message, null, false, false);
            this.code = code;
            this.line = at == null ? 0 : at.getLineNumber();
            this.column = at == null ? 0 : at.getColumnNumber();
        }
    }

    /** One pass over one file. */
    private final class Parse {

        private final String file;
        private final InputStream in;
        private final Listener listener;
        private final List<CinError> problems = new ArrayList<>();
        private final Map<String, int[]> notes = new LinkedHashMap<>();
        private final Map<String, String> strings = new HashMap<>();
        private final Map<String, CinDate> dates = new HashMap<>();
        private XMLStreamReader r;
        private long elements;
        private int depth;
        private Header header = Header.EMPTY;
        private boolean headerSent;
        private int children;
        private boolean failed;

        Parse(String file, InputStream in, Listener listener) {
            this.file = file;
            this.in = in;
            this.listener = listener;
        }

        void run() throws XMLStreamException {
            r = FACTORY.createXMLStreamReader(in);
            try {
                int event = r.getEventType();
                while (event != XMLStreamConstants.START_ELEMENT) {
                    if (event == XMLStreamConstants.END_DOCUMENT) {
                        throw new Refused(NOT_A_CENSUS, r.getLocation(), "The file has no XML element: it is not a CIN census.");
                    }
                    event = next();
                }
                if (!r.getLocalName().equals("Message")) {
                    throw new Refused(NOT_A_CENSUS, r.getLocation(), "The file is XML but not a CIN census: its first element is <"
                            + r.getLocalName() + ">, a CIN census starts with <Message>.");
                }
                readMessage();
                while (r.hasNext()) {
                    next();
                }
            } finally {
                r.close();
            }
        }

        Outcome outcome() {
            for (Map.Entry<String, int[]> note : notes.entrySet()) {
                String[] parts = note.getKey().split("\\|", 2);
                int line = note.getValue()[0];
                int count = note.getValue()[1];
                String times = count == 1 ? "" : " (" + count + " times; the first is shown)";
                String message = switch (parts[0]) {
                    case UNKNOWN_ELEMENT -> "The element " + parts[1] + " is not part of the CIN census; it was ignored" + times + ".";
                    case REPEATED -> "The element " + parts[1] + " is given more than once in its module; the first was kept" + times + ".";
                    default -> "Text directly inside " + parts[1] + " is not in any field; it was ignored" + times + ".";
                };
                problems.add(problem(file, line, 0, parts[0], message));
            }
            notes.clear();
            return new Outcome(header, children, problems, failed);
        }

        void fatal(String code, int line, int column, String message) {
            failed = true;
            outcome();
            problems.add(problem(file, line, column, code, message));
        }

        private void note(String code, String what) {
            int[] seen = notes.computeIfAbsent(code + "|" + what, k -> new int[] {r.getLocation().getLineNumber(), 0});
            seen[1]++;
        }

        /** The next event, counting elements and depth and refusing a DOCTYPE. */
        private int next() throws XMLStreamException {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++elements > limits.maxElements()) {
                        throw new Refused(TOO_LARGE, r.getLocation(), "The file has more than " + limits.maxElements()
                                + " elements, the limit; it was not read further.");
                    }
                    if (++depth > limits.maxDepth()) {
                        throw new Refused(TOO_LARGE, r.getLocation(), "Elements are nested more than " + limits.maxDepth()
                                + " deep, the limit; a CIN census is 7 deep.");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.DTD -> throw new Refused(DOCTYPE, r.getLocation(),
                        "The file has a DOCTYPE declaration, which Oversight refuses: a CIN census has none, and one could"
                                + " make a reader fetch files or expand entities without limit.");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new Refused(DOCTYPE, r.getLocation(),
                        "The file refers to an entity (&" + r.getLocalName() + ";), which Oversight refuses.");
                default -> {
                }
            }
            return event;
        }

        /**
         * Moves to the next child element of the current one; returns false at the end of the current one. Text between
         * elements is checked: non-blank text in a module is reported.
         */
        private boolean nextElement(String container) throws XMLStreamException {
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        return true;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        return false;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (!r.isWhiteSpace() && !r.getText().isBlank()) {
                            note(STRAY_TEXT, "<" + container + ">");
                        }
                    }
                    case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("Unexpected end of the file", r.getLocation());
                    default -> {
                    }
                }
            }
        }

        /** Skips the current element and everything in it (still counting elements). */
        private void skip() throws XMLStreamException {
            int level = 1;
            while (level > 0) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    level++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    level--;
                }
            }
        }

        private void unknown(String path) throws XMLStreamException {
            note(UNKNOWN_ELEMENT, "<" + path + "/" + r.getLocalName() + ">");
            skip();
        }

        /** The text of the current (leaf) element, trimmed; null when empty. */
        private String text(String path) throws XMLStreamException {
            StringBuilder s = null;
            String single = null;
            while (true) {
                int event = next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        String part = r.getText();
                        if (single == null && s == null) {
                            single = part;
                        } else {
                            if (s == null) {
                                s = new StringBuilder(single);
                            }
                            s.append(part);
                        }
                        int length = s == null ? single.length() : s.length();
                        if (length > limits.maxTextLength()) {
                            throw new Refused(TOO_LARGE, r.getLocation(), "A value in <" + path + "> is longer than "
                                    + limits.maxTextLength() + " characters, the limit; the file was not read further.");
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> unknown(path);
                    case XMLStreamConstants.END_ELEMENT -> {
                        String value = (s == null ? single == null ? "" : single : s.toString()).strip();
                        if (value.isEmpty()) {
                            return null;
                        }
                        if (value.length() > 8) {
                            return value; // identifiers are unique: keeping them would hold the whole file in memory
                        }
                        if (strings.size() > 10_000) {
                            strings.clear();
                        }
                        return strings.computeIfAbsent(value, v -> v);
                    }
                    default -> {
                    }
                }
            }
        }

        private CinDate date(String path) throws XMLStreamException {
            String t = text(path);
            if (t == null) {
                return null;
            }
            if (dates.size() > 100_000) {
                dates.clear();
            }
            return dates.computeIfAbsent(t, CinDate::parse);
        }

        /** An item of a list (Disability, AssessmentFactors, CPPreviewDate): kept even when empty. */
        private String item(String path) throws XMLStreamException {
            String t = text(path);
            return t == null ? "" : t;
        }

        private <T> T first(T current, T value, String path) {
            if (current != null) {
                note(REPEATED, "<" + path + "/" + r.getLocalName() + ">");
                return current;
            }
            return value;
        }

        private void sendHeader() {
            if (!headerSent) {
                headerSent = true;
                listener.header(header);
            }
        }

        private void readMessage() throws XMLStreamException {
            boolean sawChildren = false;
            boolean sawHeader = false;
            while (nextElement("Message")) {
                switch (r.getLocalName()) {
                    case "Header" -> {
                        if (sawHeader || headerSent) {
                            note(REPEATED, "<Message/Header>");
                            skip();
                        } else {
                            sawHeader = true;
                            readHeader();
                            if (header.collection() != null && !header.collection().equalsIgnoreCase("CIN")) {
                                throw new Refused(NOT_A_CENSUS, r.getLocation(), "The file is not a CIN census: its"
                                        + " <Collection> is '" + header.collection() + "', not 'CIN'.");
                            }
                        }
                    }
                    case "Children" -> {
                        sawChildren = true;
                        sendHeader();
                        readChildren();
                    }
                    default -> unknown("Message");
                }
            }
            if (!sawChildren) {
                throw new Refused(NOT_A_CENSUS, r.getLocation(), "The file is not a CIN census: <Message> has no <Children>.");
            }
        }

        private void readHeader() throws XMLStreamException {
            String collection = null, year = null, sourceLevel = null, lea = null, software = null, release = null,
                    serial = null, dateTime = null;
            CinDate reference = null;
            while (nextElement("Header")) {
                switch (r.getLocalName()) {
                    case "CollectionDetails" -> {
                        while (nextElement("CollectionDetails")) {
                            String p = "Header/CollectionDetails";
                            switch (r.getLocalName()) {
                                case "Collection" -> collection = first(collection, text(p), p);
                                case "Year" -> year = first(year, text(p), p);
                                case "ReferenceDate" -> reference = first(reference, date(p), p);
                                default -> unknown(p);
                            }
                        }
                    }
                    case "Source" -> {
                        while (nextElement("Source")) {
                            String p = "Header/Source";
                            switch (r.getLocalName()) {
                                case "SourceLevel" -> sourceLevel = first(sourceLevel, text(p), p);
                                case "LEA" -> lea = first(lea, text(p), p);
                                case "SoftwareCode" -> software = first(software, text(p), p);
                                case "Release" -> release = first(release, text(p), p);
                                case "SerialNo" -> serial = first(serial, text(p), p);
                                case "DateTime" -> dateTime = first(dateTime, text(p), p);
                                default -> unknown(p);
                            }
                        }
                    }
                    default -> unknown("Header");
                }
            }
            header = new Header(collection, year, reference, sourceLevel, lea, software, release, serial, dateTime);
        }

        private void readChildren() throws XMLStreamException {
            while (nextElement("Children")) {
                if (r.getLocalName().equals("Child")) {
                    int line = r.getLocation().getLineNumber();
                    Child child = readChild();
                    listener.child(child, children, line);
                    children++;
                } else {
                    unknown("Children");
                }
            }
        }

        private Child readChild() throws XMLStreamException {
            String id = null, upn = null, formerUpn = null, upnUnknown = null, gender = null, sex = null, ethnicity = null;
            CinDate birth = null, expected = null, death = null;
            List<String> disabilities = new ArrayList<>(2);
            List<CinDetails> episodes = new ArrayList<>(2);
            boolean sawIdentifiers = false;
            boolean sawCharacteristics = false;
            while (nextElement("Child")) {
                switch (r.getLocalName()) {
                    case "ChildIdentifiers" -> {
                        if (sawIdentifiers) {
                            note(REPEATED, "<Child/ChildIdentifiers>");
                            skip();
                            continue;
                        }
                        sawIdentifiers = true;
                        String p = "ChildIdentifiers";
                        while (nextElement(p)) {
                            switch (r.getLocalName()) {
                                case "LAchildID" -> id = first(id, text(p), p);
                                case "UPN" -> upn = first(upn, text(p), p);
                                case "FormerUPN" -> formerUpn = first(formerUpn, text(p), p);
                                case "UPNunknown" -> upnUnknown = first(upnUnknown, text(p), p);
                                case "PersonBirthDate" -> birth = first(birth, date(p), p);
                                case "ExpectedPersonBirthDate" -> expected = first(expected, date(p), p);
                                case "GenderCurrent" -> gender = first(gender, text(p), p);
                                case "Sex" -> sex = first(sex, text(p), p);
                                case "PersonDeathDate" -> death = first(death, date(p), p);
                                default -> unknown("Child/" + p);
                            }
                        }
                    }
                    case "ChildCharacteristics" -> {
                        if (sawCharacteristics) {
                            note(REPEATED, "<Child/ChildCharacteristics>");
                            skip();
                            continue;
                        }
                        sawCharacteristics = true;
                        String p = "ChildCharacteristics";
                        while (nextElement(p)) {
                            switch (r.getLocalName()) {
                                case "Ethnicity" -> ethnicity = first(ethnicity, text(p), p);
                                case "Disabilities" -> {
                                    while (nextElement("Disabilities")) {
                                        if (r.getLocalName().equals("Disability")) {
                                            disabilities.add(item("Disabilities"));
                                        } else {
                                            unknown("Child/" + p + "/Disabilities");
                                        }
                                    }
                                }
                                default -> unknown("Child/" + p);
                            }
                        }
                    }
                    case "CINdetails" -> episodes.add(readCinDetails());
                    default -> unknown("Child");
                }
            }
            return new Child(id, upn, formerUpn, upnUnknown, birth, expected, gender, sex, death, ethnicity, disabilities,
                    episodes);
        }

        private CinDetails readCinDetails() throws XMLStreamException {
            CinDate referral = null, closure = null, icpc = null;
            String source = null, need = null, reason = null, nfa = null;
            List<Assessment> assessments = new ArrayList<>(1);
            List<CinPlan> plans = new ArrayList<>(1);
            List<Section47> s47s = new ArrayList<>(1);
            List<ProtectionPlan> cpps = new ArrayList<>(1);
            List<PreProceedings> pps = new ArrayList<>(0);
            String p = "CINdetails";
            while (nextElement(p)) {
                switch (r.getLocalName()) {
                    case "CINreferralDate" -> referral = first(referral, date(p), p);
                    case "ReferralSource" -> source = first(source, text(p), p);
                    case "PrimaryNeedCode" -> need = first(need, text(p), p);
                    case "CINclosureDate" -> closure = first(closure, date(p), p);
                    case "ReasonForClosure" -> reason = first(reason, text(p), p);
                    case "DateOfInitialCPC" -> icpc = first(icpc, date(p), p);
                    case "ReferralNFA" -> nfa = first(nfa, text(p), p);
                    case "Assessments" -> assessments.add(readAssessment());
                    case "CINPlanDates" -> plans.add(readPlan());
                    case "Section47" -> s47s.add(readSection47());
                    case "ChildProtectionPlans" -> cpps.add(readProtectionPlan());
                    case "PreProceedingsandFGDM" -> pps.add(readPreProceedings());
                    default -> unknown("Child/" + p);
                }
            }
            return new CinDetails(referral, source, need, closure, reason, icpc, nfa, assessments, plans, s47s, cpps, pps);
        }

        private Assessment readAssessment() throws XMLStreamException {
            CinDate start = null, review = null, authorised = null;
            List<String> factors = new ArrayList<>(2);
            String p = "Assessments";
            while (nextElement(p)) {
                switch (r.getLocalName()) {
                    case "AssessmentActualStartDate" -> start = first(start, date(p), p);
                    case "AssessmentInternalReviewDate" -> review = first(review, date(p), p);
                    case "AssessmentAuthorisationDate" -> authorised = first(authorised, date(p), p);
                    case "FactorsIdentifiedAtAssessment" -> {
                        while (nextElement("FactorsIdentifiedAtAssessment")) {
                            if (r.getLocalName().equals("AssessmentFactors")) {
                                factors.add(item("FactorsIdentifiedAtAssessment"));
                            } else {
                                unknown("CINdetails/Assessments/FactorsIdentifiedAtAssessment");
                            }
                        }
                    }
                    default -> unknown("CINdetails/" + p);
                }
            }
            return new Assessment(start, review, authorised, factors);
        }

        private CinPlan readPlan() throws XMLStreamException {
            CinDate start = null, end = null;
            String p = "CINPlanDates";
            while (nextElement(p)) {
                switch (r.getLocalName()) {
                    case "CINPlanStartDate" -> start = first(start, date(p), p);
                    case "CINPlanEndDate" -> end = first(end, date(p), p);
                    default -> unknown("CINdetails/" + p);
                }
            }
            return new CinPlan(start, end);
        }

        private Section47 readSection47() throws XMLStreamException {
            CinDate start = null, target = null, icpc = null;
            String notRequired = null;
            String p = "Section47";
            while (nextElement(p)) {
                switch (r.getLocalName()) {
                    case "S47ActualStartDate" -> start = first(start, date(p), p);
                    case "InitialCPCtarget" -> target = first(target, date(p), p);
                    case "DateOfInitialCPC" -> icpc = first(icpc, date(p), p);
                    case "ICPCnotRequired" -> notRequired = first(notRequired, text(p), p);
                    default -> unknown("CINdetails/" + p);
                }
            }
            return new Section47(start, target, icpc, notRequired);
        }

        private ProtectionPlan readProtectionPlan() throws XMLStreamException {
            CinDate start = null, end = null;
            String initial = null, latest = null, previous = null;
            List<CinDate> reviews = new ArrayList<>(2);
            String p = "ChildProtectionPlans";
            while (nextElement(p)) {
                switch (r.getLocalName()) {
                    case "CPPstartDate" -> start = first(start, date(p), p);
                    case "CPPendDate" -> end = first(end, date(p), p);
                    case "InitialCategoryOfAbuse" -> initial = first(initial, text(p), p);
                    case "LatestCategoryOfAbuse" -> latest = first(latest, text(p), p);
                    case "NumberOfPreviousCPP" -> previous = first(previous, text(p), p);
                    case "Reviews" -> {
                        while (nextElement("Reviews")) {
                            if (r.getLocalName().equals("CPPreviewDate")) {
                                String t = text("Reviews");
                                reviews.add(t == null ? CinDate.parse("") : dates.computeIfAbsent(t, CinDate::parse));
                            } else {
                                unknown("CINdetails/ChildProtectionPlans/Reviews");
                            }
                        }
                    }
                    default -> unknown("CINdetails/" + p);
                }
            }
            return new ProtectionPlan(start, end, initial, latest, previous, reviews);
        }

        private PreProceedings readPreProceedings() throws XMLStreamException {
            CinDate start = null, letter = null, initialMeeting = null, decision = null, court = null, letterCp = null;
            String offer = null, facilitated = null, reviews = null, outcome = null;
            String p = "PreProceedingsandFGDM";
            while (nextElement(p)) {
                switch (r.getLocalName()) {
                    case "PPStartDate" -> start = first(start, date(p), p);
                    case "LBPSentDate" -> letter = first(letter, date(p), p);
                    case "FGDMMeetingOffer" -> offer = first(offer, text(p), p);
                    case "FGDMMeetingFac" -> facilitated = first(facilitated, text(p), p);
                    case "InitialPPMeetingDate" -> initialMeeting = first(initialMeeting, date(p), p);
                    case "ReviewMeetingsCount" -> reviews = first(reviews, text(p), p);
                    case "StepDecisionDate" -> decision = first(decision, date(p), p);
                    case "PPOutcome" -> outcome = first(outcome, text(p), p);
                    case "CourtAppDate" -> court = first(court, date(p), p);
                    case "LetterInitCPDate" -> letterCp = first(letterCp, date(p), p);
                    default -> unknown("CINdetails/" + p);
                }
            }
            return new PreProceedings(start, letter, offer, facilitated, initialMeeting, reviews, decision, outcome, court,
                    letterCp);
        }
    }

    /** Counts bytes and fails once more than the limit have been read. */
    static final class CappedInputStream extends FilterInputStream {

        static final class TooLarge extends IOException {
            TooLarge() {
                super("over the byte limit");
            }
        }

        private final long max;
        private long count;

        CappedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw new TooLarge();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            if ((count += s) > max) {
                throw new TooLarge();
            }
            return s;
        }
    }
}
