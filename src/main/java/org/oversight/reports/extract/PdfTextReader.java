package org.oversight.reports.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Turns pages of a loaded PDF into {@link TextLine}s using PDFBox's {@link PDFTextStripper} with
 * sort-by-position, keeping for each line its page, position, dominant font size and boldness.
 *
 * <p>A line's text is built from its glyphs, not from PDFBox's string: a space glyph drawn inside the
 * previous glyph (Word's "D ear" artefact) is dropped, ligature glyphs are spelt out and every Unicode
 * space is an ordinary space. Pages are read on demand ({@link #read(int, int)}) so callers can stop once
 * they have what they need. Not thread-safe: create one per document.
 */
final class PdfTextReader extends PDFTextStripper {

    private final PDDocument document;
    private List<TextLine> lines = new ArrayList<>();
    private final StringBuilder chunk = new StringBuilder();
    private final List<TextPosition> currentPositions = new ArrayList<>();
    private final List<TextLine.Chunk> chunks = new ArrayList<>();
    private float chunkX;
    private float lastEndX = Float.NaN;
    private boolean pendingSpace;

    PdfTextReader(PDDocument document) {
        this.document = document;
        setSortByPosition(true);
        setSuppressDuplicateOverlappingText(true);
    }

    /** The whole document up to {@code maxPages}, as one text. */
    static DocumentText read(PDDocument document, int maxPages) throws IOException {
        return DocumentText.of(new PdfTextReader(document).read(1, Math.min(maxPages, document.getNumberOfPages())));
    }

    int pageCount() {
        return document.getNumberOfPages();
    }

    /** The lines of pages {@code from} to {@code to} (1-based, inclusive). */
    List<TextLine> read(int from, int to) throws IOException {
        lines = new ArrayList<>();
        if (from > to) {
            return lines;
        }
        setStartPage(from);
        setEndPage(to);
        getText(document);
        return lines;
    }

    @Override
    protected void writeString(String text, List<TextPosition> textPositions) {
        for (TextPosition p : textPositions) {
            String u = p.getUnicode();
            if (u == null || u.isBlank() || isSpace(u)) {
                // a space drawn over the previous glyph is an artefact, not a word break
                if (Float.isNaN(lastEndX) || p.getXDirAdj() >= lastEndX - 0.5f) {
                    pendingSpace = true;
                }
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
            chunk.append(spelt(u));
            pendingSpace = false;
            lastEndX = p.getXDirAdj() + p.getWidthDirAdj();
            currentPositions.add(p);
        }
    }

    private static boolean isSpace(String u) {
        for (int i = 0; i < u.length(); i++) {
            if (!Character.isSpaceChar(u.charAt(i)) && !Character.isWhitespace(u.charAt(i)) && u.charAt(i) != '\u200b') {
                return false;
            }
        }
        return true;
    }

    /** Ligature glyphs (U+FB00 to U+FB06) as their letters. */
    private static String spelt(String u) {
        if (u.length() != 1 || u.charAt(0) < '\uFB00' || u.charAt(0) > '\uFB06') {
            return u;
        }
        return switch (u.charAt(0)) {
            case '\uFB00' -> "ff";
            case '\uFB01' -> "fi";
            case '\uFB02' -> "fl";
            case '\uFB03' -> "ffi";
            case '\uFB04' -> "ffl";
            default -> "st";
        };
    }

    @Override
    protected void writeWordSeparator() {
        pendingSpace = true;
    }

    private void flushChunk() {
        String t = chunk.toString().replaceAll("\\s+", " ").strip();
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
        if (!chunks.isEmpty() && !currentPositions.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (TextLine.Chunk c : chunks) {
                text.append(text.isEmpty() ? "" : " ").append(c.text());
            }
            lines.add(new TextLine(text.toString(), getCurrentPageNo(), chunks.getFirst().x(), currentPositions.getFirst().getYDirAdj(),
                    dominantSize(currentPositions), mostlyBold(currentPositions), chunks));
        }
        currentPositions.clear();
        chunks.clear();
        lastEndX = Float.NaN;
        pendingSpace = false;
    }

    private static float dominantSize(List<TextPosition> positions) {
        Map<Float, Integer> counts = new HashMap<>();
        for (TextPosition p : positions) {
            counts.merge(Math.round(p.getFontSizeInPt() * 2) / 2f, 1, Integer::sum);
        }
        float best = 0;
        int bestCount = -1;
        for (Map.Entry<Float, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    private static boolean mostlyBold(List<TextPosition> positions) {
        int bold = 0;
        PDFont lastFont = null;
        boolean lastBold = false;
        for (TextPosition p : positions) {
            if (p.getFont() != lastFont) {
                lastFont = p.getFont();
                lastBold = isBold(lastFont);
            }
            if (lastBold) {
                bold++;
            }
        }
        return !positions.isEmpty() && bold * 2 > positions.size();
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
