package org.oversight.improvement.report;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads PDFs back with PDFBox for assertions. */
final class PdfText {

    private PdfText() {
    }

    /** The PDF's text with every run of whitespace collapsed to one space (lines wrap anywhere). */
    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return normalise(new PDFTextStripper().getText(doc));
        }
    }

    static String normalise(String s) {
        return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }
}
