package org.oversight.shared.upload;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one way Oversight reads an uploaded XML file (the CIN census reader builds on it): a streaming StAX reader with
 * no DTD and no external entities (so no XXE and no entity expansion), over a {@link LimitedInputStream} of at most
 * {@link UploadLimits#maxFileSize()} bytes, refusing an element deeper than {@link #MAX_DEPTH} or whose text is longer
 * than {@link UploadLimits#maxCellChars()} characters. It never holds the document: the caller keeps only what it
 * needs, and counts its own rows against {@link UploadLimits#maxRows()}.
 */
public final class SafeXml {

    /** Deeper nesting than any real return: the CIN census is about 6 levels deep. */
    public static final int MAX_DEPTH = 64;

    private SafeXml() {
    }

    /** A reader of the file; every limit breach is an {@link UploadLimitException} naming the file. */
    public static XMLStreamReader open(String fileName, InputStream in, UploadLimits limits) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        long maxBytes = limits.maxFileSize().toBytes();
        InputStream limited = new LimitedInputStream(in, maxBytes, () -> new UploadLimitException(
                fileName + ": the file is larger than " + UploadLimits.words(maxBytes), "oversight.imports.max-file-size"));
        return new Limited(factory.createXMLStreamReader(limited), fileName, limits.maxCellChars());
    }

    private static final class Limited extends StreamReaderDelegate {
        private final String fileName;
        private final int maxText;
        private int depth;
        private long text;

        Limited(XMLStreamReader reader, String fileName, int maxText) {
            super(reader);
            this.fileName = fileName;
            this.maxText = maxText;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    text = 0;
                    if (++depth > MAX_DEPTH) {
                        throw new UploadLimitException(fileName + ": elements are nested more than " + MAX_DEPTH + " deep (line "
                                + getLocation().getLineNumber() + ")", null);
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    text = 0;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    text += getTextLength();
                    if (text > maxText) {
                        throw new UploadLimitException(fileName + ": a value at line " + getLocation().getLineNumber()
                                + " is longer than " + UploadLimits.count(maxText) + " characters", "oversight.imports.max-cell-chars");
                    }
                }
                case XMLStreamConstants.DTD -> throw new UploadLimitException(fileName
                        + ": the file declares a document type (DTD), which Oversight does not read", null);
                default -> {
                }
            }
            return event;
        }
    }
}
