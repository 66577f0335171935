package org.oversight.improvement.report;

import java.util.List;
import org.oversight.improvement.report.Block.Bullets;
import org.oversight.improvement.report.Block.Cell;
import org.oversight.improvement.report.Block.Heading;
import org.oversight.improvement.report.Block.Numbered;
import org.oversight.improvement.report.Block.Para;
import org.oversight.improvement.report.Block.Row;
import org.oversight.improvement.report.Block.Table;

/**
 * Renders a {@link LaidOutDocument} as a standalone, accessible HTML5 page that is also well-formed
 * XHTML (so the PDF renderer can parse it). Every piece of content text goes through
 * {@link HtmlEscaper}; tag and attribute names are constants of this class.
 */
final class HtmlRenderer {

    /** Arial first; the PDF renderer embeds a metric-compatible substitute where Arial is not installed. */
    static final String FONT_STACK = "Arial, \"Liberation Sans\", \"DejaVu Sans\", Helvetica, sans-serif";

    /** Print-friendly inline styles: A4 pages, Arial (or a metric-compatible substitute). */
    static final String CSS = """
            @page { size: A4; margin: 20mm 18mm 22mm 18mm; font-family: @FONTS@;
              @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: @FONTS@;
                font-size: 9pt; color: #505a5f; } }
            html { font-family: @FONTS@; }
            body { font-size: 12pt; line-height: 1.4; color: #0b0c0c; background: #ffffff; margin: 0; }
            main { display: block; max-width: 48em; }
            @media screen { body { padding: 1.5em; } main { margin: 0 auto; } }
            h1 { font-size: 18pt; margin: 0.4em 0 0.6em 0; }
            h2 { font-size: 15pt; margin: 1.2em 0 0.5em 0; page-break-after: avoid; }
            h3 { font-size: 13pt; margin: 1em 0 0.4em 0; page-break-after: avoid; }
            h4 { font-size: 12pt; margin: 0.9em 0 0.4em 0; page-break-after: avoid; }
            p { margin: 0 0 0.7em 0; }
            p.letterhead { font-weight: bold; font-size: 13pt; margin-bottom: 0.2em; }
            p.sign-off { margin: 0; }
            p.sign-off.first { margin-top: 1.2em; }
            p.quote { margin-left: 2em; font-style: italic; }
            p.numbered { padding-left: 2.2em; }
            span.num { display: inline-block; width: 2.2em; margin-left: -2.2em; }
            ul { margin: 0 0 0.8em 0; padding-left: 2em; }
            li { margin-bottom: 0.3em; }
            table { border-collapse: collapse; width: 100%; margin: 0 0 1em 0; }
            caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 0.3em 0; }
            th, td { border: 1px solid #505a5f; padding: 4px 6px; vertical-align: top; text-align: left; }
            thead th { background: #f3f2f1; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th[scope="row"] { font-weight: normal; }
            table.cover th[scope="row"] .label, table.cover th[scope="col"] { font-weight: bold; }
            table.audit th[scope="row"], table.details th[scope="row"] { font-weight: bold; background: #f3f2f1; }
            table.actions { font-size: 9.5pt; }
            table.cover, table.audit, table.consultation, table.details { page-break-inside: avoid; }
            .label { font-weight: bold; display: block; }
            .tone-red { background: #f4cccc; }
            .tone-amber { background: #fce5cd; }
            .tone-green { background: #d9ead3; }
            .tone-complete { background: #e8e8e8; }
            """.replace("@FONTS@", FONT_STACK);

    private final StringBuilder out = new StringBuilder(16_384);
    private int tableCount;

    private HtmlRenderer() {
    }

    /** Renders the document as a complete HTML page. */
    static String render(LaidOutDocument doc) {
        return new HtmlRenderer().page(doc);
    }

    private String page(LaidOutDocument doc) {
        out.append("<!DOCTYPE html>\n");
        out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\" xml:lang=\"en-GB\">\n<head>\n");
        out.append("<meta charset=\"utf-8\" />\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        out.append("<title>").append(HtmlEscaper.escape(doc.title())).append("</title>\n");
        meta("author", doc.author());
        meta("subject", doc.subject());
        out.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        boolean previousSignOff = false;
        for (Block block : doc.blocks()) {
            boolean signOff = block instanceof Para p && p.style() == Block.ParaStyle.SIGN_OFF;
            switch (block) {
                case Heading h -> heading(h);
                case Para p -> para(p, signOff && !previousSignOff);
                case Numbered n -> numbered(n);
                case Bullets b -> bullets(b);
                case Table t -> table(t);
            }
            previousSignOff = signOff;
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static String text(String s) {
        return HtmlEscaper.escape(s);
    }

    private void meta(String name, String content) {
        if (Text.hasText(content)) {
            out.append("<meta name=\"").append(name).append("\" content=\"")
                    .append(HtmlEscaper.escape(content)).append("\" />\n");
        }
    }

    private void heading(Heading h) {
        out.append("<h").append(h.level()).append('>').append(text(h.text()))
                .append("</h").append(h.level()).append(">\n");
    }

    private void para(Para p, boolean firstSignOff) {
        String cls = switch (p.style()) {
            case NORMAL -> null;
            case LETTERHEAD -> "letterhead";
            case QUOTE -> "quote";
            case SIGN_OFF -> firstSignOff ? "sign-off first" : "sign-off";
        };
        out.append(cls == null ? "<p>" : "<p class=\"" + cls + "\">");
        if (Text.hasText(p.label())) {
            out.append("<strong>").append(HtmlEscaper.escape(p.label())).append("</strong>");
            if (Text.hasText(p.text())) {
                out.append(' ');
            }
        }
        out.append(text(p.text())).append("</p>\n");
    }

    private void numbered(Numbered n) {
        out.append("<p class=\"numbered\"><span class=\"num\">").append(n.number()).append(".</span>")
                .append(text(n.text())).append("</p>\n");
    }

    private void bullets(Bullets b) {
        out.append("<ul>\n");
        for (String item : b.items()) {
            out.append("<li>").append(text(item)).append("</li>\n");
        }
        out.append("</ul>\n");
    }

    /**
     * Writes a table with caption and scoped headers. Rows that are not described by the column
     * headers (the cover table's Subject / Report of rows) get explicit {@code headers} attributes so
     * assistive technology pairs their cells with the row header instead.
     */
    private void table(Table t) {
        int index = ++tableCount;
        boolean explicit = t.rows().stream().anyMatch(r -> !r.underColumnHeaders());
        int columns = t.columnCount();
        out.append("<table");
        if (Text.hasText(t.styleClass())) {
            out.append(" class=\"").append(HtmlEscaper.escape(t.styleClass())).append('"');
        }
        out.append(">\n<caption>").append(HtmlEscaper.escape(t.caption())).append("</caption>\n");
        colgroup(t.widths(), columns);
        if (!t.columnHeaders().isEmpty()) {
            out.append("<thead><tr>");
            for (int c = 0; c < t.columnHeaders().size(); c++) {
                out.append("<th scope=\"col\"");
                if (explicit) {
                    out.append(" id=\"").append(id(index, "c", c)).append('"');
                }
                out.append('>').append(HtmlEscaper.escape(t.columnHeaders().get(c))).append("</th>");
            }
            out.append("</tr></thead>\n");
        }
        out.append("<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            row(t, index, r, explicit, columns);
        }
        out.append("</tbody>\n</table>\n");
    }

    private void row(Table t, int index, int r, boolean explicit, int columns) {
        Row row = t.rows().get(r);
        out.append("<tr>");
        String rowId = id(index, "r", r);
        out.append("<th scope=\"row\"");
        if (explicit) {
            out.append(" id=\"").append(rowId).append('"');
            if (row.underColumnHeaders() && !t.columnHeaders().isEmpty()) {
                out.append(" headers=\"").append(id(index, "c", 0)).append('"');
            }
        }
        out.append('>');
        cellContent(row.header());
        out.append("</th>");
        for (int c = 0; c < columns - 1; c++) {
            Cell cell = c < row.cells().size() ? row.cells().get(c) : Cell.of(null);
            out.append("<td");
            String tone = toneClass(cell.tone());
            if (tone != null) {
                out.append(" class=\"").append(tone).append('"');
            }
            if (explicit) {
                out.append(" headers=\"");
                if (row.underColumnHeaders() && c + 1 < t.columnHeaders().size()) {
                    out.append(id(index, "c", c + 1)).append(' ');
                }
                out.append(rowId).append('"');
            }
            out.append('>');
            cellContent(cell);
            out.append("</td>");
        }
        out.append("</tr>\n");
    }

    private void colgroup(List<Integer> widths, int columns) {
        if (widths.size() != columns) {
            return;
        }
        out.append("<colgroup>");
        for (int w : widths) {
            out.append("<col style=\"width: ").append(w).append("%\" />");
        }
        out.append("</colgroup>\n");
    }

    private void cellContent(Cell cell) {
        if (Text.hasText(cell.label())) {
            out.append("<span class=\"label\">").append(HtmlEscaper.escape(cell.label())).append("</span>");
            if (Text.hasText(cell.text())) {
                out.append(' ');
            }
        }
        out.append(text(cell.text()));
    }

    private static String toneClass(Block.Tone tone) {
        return switch (tone) {
            case NONE -> null;
            case RED -> "tone-red";
            case AMBER -> "tone-amber";
            case GREEN -> "tone-green";
            case COMPLETE -> "tone-complete";
        };
    }

    private static String id(int table, String kind, int n) {
        return "t" + table + kind + n;
    }
}
