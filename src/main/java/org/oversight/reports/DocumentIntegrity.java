package org.oversight.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Before a document is stored as the record of an inspection, it must be whole: PDFBox reads damaged files leniently
 * (and extraction can still succeed on them), but an import keeps the bytes as evidence, so it refuses a PDF that is
 * truncated (no end-of-file marker), whose cross-reference table needs repairing, or any of whose streams does not
 * decode (compressed streams carry a checksum, so flipped bits inside them are found).
 */
final class DocumentIntegrity {

    private DocumentIntegrity() {
    }

    /** Empty when the PDF is whole; otherwise the reason. Text files are not checked. */
    static Optional<String> problem(byte[] bytes) {
        if (!isPdf(bytes)) {
            return Optional.empty();
        }
        if (!hasEofMarker(bytes)) {
            return Optional.of("PDF is damaged: it is truncated (no %%EOF marker at the end)");
        }
        try (PDDocument document = new PDFParser(new RandomAccessReadBuffer(bytes)).parse(false)) {
            if (document.isEncrypted()) {
                return Optional.empty(); // the extractor reports encryption in its own words
            }
            for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
                COSObject object = document.getDocument().getObjectFromPool(key);
                COSBase base = object.getObject();
                if (base instanceof COSStream stream) {
                    checkStream(stream);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? "its structure cannot be read" : e.getMessage();
            return Optional.of("PDF is damaged: " + firstLine(message));
        } catch (StackOverflowError | OutOfMemoryError e) {
            return Optional.of("PDF is damaged: its structure cannot be followed");
        }
    }

    /**
     * PDFBox's own Flate decoder stops quietly at corrupt data, so Flate streams are inflated here, strictly: the zlib
     * checksum must match and the data must end where the stream ends. Other streams must decode through PDFBox.
     */
    private static void checkStream(COSStream stream) throws IOException {
        COSBase filter = stream.getFilters();
        boolean flateOnly = COSName.FLATE_DECODE.equals(filter)
                || (filter instanceof COSArray array && array.size() == 1 && COSName.FLATE_DECODE.equals(array.getObject(0)));
        if (!flateOnly) {
            try (InputStream in = stream.createInputStream()) {
                in.transferTo(OutputStreamSink.INSTANCE);
            }
            return;
        }
        byte[] raw;
        try (InputStream in = stream.createRawInputStream()) {
            raw = in.readAllBytes();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("a compressed stream ends before its data does");
                }
            }
        } catch (DataFormatException e) {
            throw new IOException("a compressed stream is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    private static boolean isPdf(byte[] bytes) {
        return bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    private static boolean hasEofMarker(byte[] bytes) {
        int from = Math.max(0, bytes.length - 1024);
        return new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /** Discards decoded bytes; only whether they decode matters. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
