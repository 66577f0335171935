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

    /**
     * Print-friendly styles (A4 pages, Arial or a metric-compatible substitute): one stylesheet, linked from the HTML
     * view (so the view needs no inline style under the content security policy) and embedded in the page the PDF is
     * made from. Column widths are classes ({@code col.w30}).
     */
    static final String STYLESHEET = "/css/committee-report.css";
    static final String CSS = readCss();

    private static String readCss() {
        try (java.io.InputStream in = HtmlRenderer.class.getResourceAsStream("/static" + STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("the report stylesheet static" + STYLESHEET + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where the page's styles come from: linked (the HTML people open) or embedded (the page the PDF is made from). */
    enum Styles { LINKED, EMBEDDED }

    private final StringBuilder out = new StringBuilder(16_384);
    private final Styles styles;
    private int tableCount;

    private HtmlRenderer(Styles styles) {
        this.styles = styles;
    }

    /** Renders the document as a complete HTML page with its stylesheet linked: no inline style anywhere. */
    static String render(LaidOutDocument doc) {
        return render(doc, Styles.LINKED);
    }

    /** Renders the document as a complete HTML page, its styles linked or embedded. */
    static String render(LaidOutDocument doc, Styles styles) {
        return new HtmlRenderer(styles).page(doc);
    }

    private String page(LaidOutDocument doc) {
        out.append("<!DOCTYPE html>\n");
        out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\" xml:lang=\"en-GB\">\n<head>\n");
        out.append("<meta charset=\"utf-8\" />\n");
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        out.append("<title>").append(HtmlEscaper.escape(doc.title())).append("</title>\n");
        meta("author", doc.author());
        meta("subject", doc.subject());
        if (styles == Styles.EMBEDDED) {
            out.append("<style>\n").append(CSS).append("</style>\n");
        } else {
            out.append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\" />\n");
        }
        out.append("</head>\n<body>\n<main>\n");
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
            out.append("<col class=\"w").append(Math.max(1, Math.min(100, w))).append("\" />");
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
