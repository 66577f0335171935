package org.oversight.reports.extract;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides what kind of Ofsted document a text is, from its first pages.
 *
 * <p>Inspection reports print "Inspection date(s):" on page 1 under a title such as
 * "Inspection of X local authority children's services", "Inspection of children's social care
 * services" (2018) or "Inspection of services for children in need of help and protection,
 * children looked after and care leavers" (SIF). Letters open with "Dear ..." and name the activity
 * in the title or first sentence: "Focused visit to ...", "findings of a focused visit",
 * "Monitoring visit to ...", "Joint targeted area inspection ...". The title may be garbled in the
 * text layer (interleaved with the address block), so the opening sentence is checked too.
 */
final class Classifier {

    private static final Pattern INSPECTION_DATES = Pattern.compile("(?im)^\\s*inspection dates?\\s*:");
    private static final Pattern INSPECTION_TITLE = Pattern.compile(
            "(?i)(re-)?inspection of (.{0,80}?children's (social care )?services"
                    + "|services for children in need of help and protection)");
    private static final Pattern JTAI = Pattern.compile("(?i)joint targeted area inspection");
    private static final Pattern FOCUSED = Pattern.compile("(?i)(^|\\n)\\s*focused visit to|(findings|outcome) of (a|the|this) focused visit|focused visit to .{0,120}?children's services|\\bfocused\\s*\\n?\\s*services");
    private static final Pattern MONITORING = Pattern.compile("(?i)(^|\\n)\\s*monitoring visit to|(findings|outcome) of (a|the|this|your) (\\w+ )?monitoring visit|monitoring visit to .{0,120}?children's services");
    private static final Pattern LETTER = Pattern.compile("(?im)^\\s*d\\s?ear\\b");
    /** Inspections under the 2009 to 2013 frameworks, before the single inspection framework. */
    private static final Pattern PRE_SIF = Pattern.compile(
            "(?i)^(inspection of (safeguarding and )?looked after children('s)? services|inspection of safeguarding (and looked after children )?services"
                    + "|inspection of progress made in the provision of safeguarding services|joint area review"
                    + "|annual unannounced inspection of (local authority )?contact,? referral and assessment)");
    private static final Pattern LSCB_ONLY = Pattern.compile(
            "(?i)^.{0,120}?review of the effectiveness of the local safeguarding children board");

    private Classifier() {
    }

    /**
     * Why a real Ofsted document is outside what Oversight records, when it is one: an inspection under the
     * frameworks before the single inspection framework (2009 to 2013), or a review of the Local Safeguarding
     * Children Board on its own. Empty for everything else.
     */
    static Optional<String> outOfScope(DocumentText doc) {
        String title = Text.normalise(doc.lines().stream().filter(l -> l.page() == 1).limit(6).map(TextLine::text)
                .reduce("", (a, b) -> a + " " + b));
        java.util.regex.Matcher preSif = PRE_SIF.matcher(title);
        if (preSif.find()) {
            return Optional.of("a report of an inspection under the 2009 to 2013 frameworks (\"" + preSif.group()
                    + "\"), before the single inspection framework (SIF) and ILACS: its judgements are not on their scales, "
                    + "so Oversight does not record it");
        }
        if (LSCB_ONLY.matcher(title).find() && !INSPECTION_TITLE.matcher(title).find()) {
            return Optional.of("a review of the Local Safeguarding Children Board on its own, not an inspection of the "
                    + "local authority's children's services: it has no children's services judgements, so Oversight does not record it");
        }
        return Optional.empty();
    }

    static Optional<ActivityKind> classify(DocumentText doc) {
        String head = Text.normaliseKeepLines(doc.pagesText(1, 2));
        if (INSPECTION_DATES.matcher(head).find() && INSPECTION_TITLE.matcher(head.replace('\n', ' ')).find()) {
            return Optional.of(ActivityKind.INSPECTION);
        }
        if (!LETTER.matcher(head).find()) {
            return Optional.empty();
        }
        if (JTAI.matcher(head).find()) {
            return Optional.of(ActivityKind.JTAI);
        }
        int focused = indexOf(FOCUSED, head);
        int monitoring = indexOf(MONITORING, head);
        if (focused >= 0 && (monitoring < 0 || focused < monitoring)) {
            return Optional.of(ActivityKind.FOCUSED_VISIT);
        }
        if (monitoring >= 0) {
            return Optional.of(ActivityKind.MONITORING_VISIT);
        }
        return Optional.empty();
    }

    private static int indexOf(Pattern p, String s) {
        var m = p.matcher(s);
        return m.find() ? m.start() : -1;
    }
}
