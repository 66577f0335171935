package org.oversight.reports.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Turns a loaded PDF into {@link TextLine}s using PDFBox's {@link PDFTextStripper} with
 * sort-by-position, keeping for each line its page, position, dominant font size and boldness.
 * Not thread-safe: create one per document.
 */
final class PdfTextReader extends PDFTextStripper {

    private final List<TextLine> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final List<TextPosition> currentPositions = new ArrayList<>();
    private final List<TextLine.Chunk> chunks = new ArrayList<>();
    private final StringBuilder chunk = new StringBuilder();
    private float chunkX;
    private float lastEndX = Float.NaN;
    private boolean pendingSpace;

    PdfTextReader() {
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    static DocumentText read(PDDocument document, int maxPages) throws IOException {
        PdfTextReader reader = new PdfTextReader();
        reader.setStartPage(1);
        reader.setEndPage(Math.min(maxPages, document.getNumberOfPages()));
        reader.getText(document);
        return DocumentText.of(reader.lines);
    }

    @Override
    protected void writeString(String text, List<TextPosition> textPositions) {
        current.append(text);
        for (TextPosition p : textPositions) {
            String u = p.getUnicode();
            if (u == null || u.isBlank()) {
                pendingSpace = true;
                continue;
            }
            float size = Math.max(p.getFontSizeInPt(), 4f);
            float gap = Float.isNaN(lastEndX) ? 0 : p.getXDirAdj() - lastEndX;
            if (chunk.isEmpty() || gap > size * 1.5f) {
                flushChunk();
                chunkX = p.getXDirAdj();
            } else if (pendingSpace || gap > size * 0.2f) {
                chunk.append(' ');
            }
            chunk.append(u);
            pendingSpace = false;
            lastEndX = p.getXDirAdj() + p.getWidthDirAdj();
        }
        currentPositions.addAll(textPositions);
    }

    @Override
    protected void writeWordSeparator() {
        current.append(' ');
        pendingSpace = true;
    }

    private void flushChunk() {
        String t = chunk.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        if (!t.isEmpty()) {
            chunks.add(new TextLine.Chunk(t, chunkX));
        }
        chunk.setLength(0);
    }

    @Override
    protected void writeLineSeparator() {
        flush();
    }

    @Override
    protected void writeParagraphStart() throws IOException {
        flush();
        super.writeParagraphStart();
    }

    @Override
    protected void writeParagraphEnd() throws IOException {
        flush();
        super.writeParagraphEnd();
    }

    @Override
    protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
        flush();
        super.endPage(page);
    }

    private void flush() {
        flushChunk();
        String text = current.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        if (!text.isEmpty() && !currentPositions.isEmpty()) {
            TextPosition first = currentPositions.getFirst();
            lines.add(new TextLine(text, getCurrentPageNo(), first.getXDirAdj(), first.getYDirAdj(),
                    dominantSize(currentPositions), mostlyBold(currentPositions), chunks));
        }
        current.setLength(0);
        currentPositions.clear();
        chunks.clear();
        lastEndX = Float.NaN;
        pendingSpace = false;
    }

    private static float dominantSize(List<TextPosition> positions) {
        java.util.Map<Float, Integer> counts = new java.util.HashMap<>();
        for (TextPosition p : positions) {
            if (!p.getUnicode().isBlank()) {
                counts.merge(Math.round(p.getFontSizeInPt() * 2) / 2f, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue())
                .map(java.util.Map.Entry::getKey)
                .orElse(0f);
    }

    private static boolean mostlyBold(List<TextPosition> positions) {
        int bold = 0;
        int total = 0;
        for (TextPosition p : positions) {
            if (p.getUnicode().isBlank()) {
                continue;
            }
            total++;
            if (isBold(p.getFont())) {
                bold++;
            }
        }
        return total > 0 && bold * 2 > total;
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
        if (name.contains("bold") || name.contains("black") || name.contains("heavy")
                || name.contains("semibold") || name.contains("demi")) {
            return true;
        }
        PDFontDescriptor d = font.getFontDescriptor();
        return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
    }
}
