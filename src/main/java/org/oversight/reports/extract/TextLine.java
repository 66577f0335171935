package org.oversight.reports.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of document text in reading order.
 *
 * @param text     the line's text, whitespace-normalised, glyphs as in the text layer
 * @param page     1-based page number (1 for plain-text input)
 * @param x        left edge of the first glyph in PDF units (0 for plain-text input)
 * @param y        baseline position from the top of the page (0 for plain-text input)
 * @param fontSize dominant font size of the line (0 when unknown, i.e. plain-text input)
 * @param bold     whether most of the line's glyphs are in a bold font
 * @param chunks   the line split at wide horizontal gaps (table columns); one chunk for plain lines
 */
record TextLine(String text, int page, float x, float y, float fontSize, boolean bold, List<Chunk> chunks) {

    /**
     * A run of words on the line separated from its neighbours by a wide gap: a table column.
     *
     * @param text the chunk's words
     * @param x    left edge (PDF units, or character column for plain text)
     */
    record Chunk(String text, float x) {
    }

    TextLine {
        chunks = chunks == null || chunks.isEmpty() ? List.of(new Chunk(text, x)) : List.copyOf(chunks);
    }

    /**
     * A plain-text line. Runs of two or more spaces (as in {@code pdftotext -layout} output) split
     * it into chunks whose x is the character column.
     */
    static TextLine plain(String raw, int lineNumber) {
        List<Chunk> chunks = new ArrayList<>();
        Matcher m = CHUNK.matcher(raw);
        while (m.find()) {
            chunks.add(new Chunk(m.group().strip(), m.start()));
        }
        String text = raw.replaceAll("\\s+", " ").strip();
        float x = chunks.isEmpty() ? 0 : chunks.getFirst().x();
        return new TextLine(text, 1, x, lineNumber, 0, false, chunks);
    }

    private static final Pattern CHUNK = Pattern.compile("\\S+(?: \\S+)*");

    boolean hasLayout() {
        return fontSize > 0;
    }

    boolean isBlank() {
        return text.isBlank();
    }
}
