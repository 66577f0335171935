package org.oversight.improvement.report;

import java.util.List;

/**
 * A document as format-neutral blocks plus the metadata every format records.
 *
 * @param title   document title (HTML {@code <title>}, PDF title, DOCX core title)
 * @param author  author/creator, the local authority's name
 * @param subject short description for document properties, may be {@code null}
 * @param blocks  the content, in reading order
 */
record LaidOutDocument(String title, String author, String subject, List<Block> blocks) {
    LaidOutDocument {
        blocks = List.copyOf(blocks);
    }
}
