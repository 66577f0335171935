package org.oversight.improvement.report;

import java.util.List;
import java.util.Locale;

/**
 * A format-neutral building block of a generated document. The layouts
 * ({@link CommitteeReportLayout}, {@link WrittenStatementLayout}) turn content records into blocks;
 * the renderers ({@link DocxRenderer}, {@link HtmlRenderer}) turn blocks into DOCX or HTML. This keeps
 * each document's wording in one place and each format's mechanics in one place.
 */
sealed interface Block {

    /**
     * A section heading.
     *
     * @param level 1 (document title) to 4
     * @param text  heading text
     */
    record Heading(int level, String text) implements Block {
        public Heading {
            if (level < 1 || level > 4) {
                throw new IllegalArgumentException("heading level must be 1..4: " + level);
            }
        }
    }

    /**
     * A paragraph, optionally starting with a bold label ("T:", "Date final report sent to ...:").
     *
     * @param label bold lead-in, may be {@code null}
     * @param text  paragraph text, may be {@code null} when only the label is shown
     * @param style visual role
     */
    record Para(String label, String text, ParaStyle style) implements Block {
        static Para of(String text) {
            return new Para(null, text, ParaStyle.NORMAL);
        }
    }

    /**
     * A numbered paragraph of the Main Report. The number is fixed by the layout so that every format
     * shows the same continuous numbering.
     *
     * @param number paragraph number
     * @param text   paragraph text
     */
    record Numbered(int number, String text) implements Block {
    }

    /**
     * A bulleted list.
     *
     * @param items list items
     */
    record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * A data table. Every table has a caption (HTML {@code <caption>}, Word caption paragraph and table
     * title). Column headers may be empty for a two-column label/value table.
     *
     * @param caption       table caption
     * @param columnHeaders column header texts, empty for none
     * @param rows          body rows
     * @param widths        relative column widths in percent (empty for equal widths)
     * @param styleClass    CSS class hint for HTML, may be {@code null}
     */
    record Table(String caption, List<String> columnHeaders, List<Row> rows, List<Integer> widths,
                 String styleClass) implements Block {
        public Table {
            columnHeaders = List.copyOf(columnHeaders);
            rows = List.copyOf(rows);
            widths = List.copyOf(widths);
        }

        int columnCount() {
            int max = columnHeaders.size();
            for (Row row : rows) {
                max = Math.max(max, row.cells().size() + 1);
            }
            return max;
        }
    }

    /**
     * A table row: a row header cell then data cells.
     *
     * @param header             row header (first column), rendered as {@code <th scope="row">}
     * @param cells              data cells
     * @param underColumnHeaders whether the column headers describe this row's cells; when false the
     *                           cells are associated with the row header only
     */
    record Row(Cell header, List<Cell> cells, boolean underColumnHeaders) {
        public Row {
            cells = List.copyOf(cells);
        }

        static Row of(String header, String... cells) {
            return new Row(Cell.of(header), java.util.Arrays.stream(cells).map(Cell::of).toList(), true);
        }
    }

    /**
     * A table cell: optional bold label line, then text, with an optional tone (for RAG cells; the
     * text always carries the meaning, colour only supports it).
     *
     * @param label bold first line, may be {@code null}
     * @param text  cell text, may be {@code null}
     * @param tone  background tone
     */
    record Cell(String label, String text, Tone tone) {
        static Cell of(String text) {
            return new Cell(null, text, Tone.NONE);
        }
    }

    /** Paragraph roles. */
    enum ParaStyle {
        /** Body text. */
        NORMAL,
        /** Letterhead line above the title (the authority's name). */
        LETTERHEAD,
        /** A quotation, e.g. an inspection finding. */
        QUOTE,
        /** A line of the author's contact block. */
        SIGN_OFF
    }

    /** Cell background tones; renderers map them to colours. */
    enum Tone {
        NONE, RED, AMBER, GREEN, COMPLETE;

        /** The tone for a RAG word ("Red", "Amber", "Green", "Complete"), {@link #NONE} for anything else. */
        static Tone ofRag(String rag) {
            if (rag == null) {
                return NONE;
            }
            return switch (rag.strip().toLowerCase(Locale.ROOT)) {
                case "red" -> RED;
                case "amber" -> AMBER;
                case "green" -> GREEN;
                case "complete", "completed" -> COMPLETE;
                default -> NONE;
            };
        }
    }
}
