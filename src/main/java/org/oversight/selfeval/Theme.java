package org.oversight.selfeval;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The themes of each ILACS judgement area (the evaluation criteria's headings as {@code domain/ilacs.md} §3.4 summarises
 * them): the sub-sections a self-evaluation's area may be written in. The three questions stay at area level; a theme
 * carries its own text and its own citations.
 */
public enum Theme {
    STRATEGIC_LEADERSHIP(Area.LEADERS), QUALITY_ASSURANCE(Area.LEADERS), OVERSIGHT_AND_SUPERVISION(Area.LEADERS), WORKFORCE(Area.LEADERS),
    LEARNING_CULTURE(Area.LEADERS),
    FRONT_DOOR(Area.HELP_AND_PROTECTION), EARLY_HELP(Area.HELP_AND_PROTECTION), ASSESSMENT(Area.HELP_AND_PROTECTION),
    CHILD_PROTECTION(Area.HELP_AND_PROTECTION), STEP_DOWN(Area.HELP_AND_PROTECTION), EXPLOITATION(Area.HELP_AND_PROTECTION),
    SPECIFIC_GROUPS(Area.HELP_AND_PROTECTION),
    DECISIONS(Area.IN_CARE), DIRECT_WORK(Area.IN_CARE), PERMANENCE(Area.IN_CARE), HEALTH_AND_EDUCATION(Area.IN_CARE), REVIEW_AND_HOMES(Area.IN_CARE),
    IN_TOUCH(Area.CARE_LEAVERS), PATHWAY_PLANS(Area.CARE_LEAVERS), LOCAL_OFFER(Area.CARE_LEAVERS), ACCOMMODATION(Area.CARE_LEAVERS),
    EDUCATION_AND_WORK(Area.CARE_LEAVERS), HEALTH_AND_WELLBEING(Area.CARE_LEAVERS);

    private final Area area;

    Theme(Area area) {
        this.area = area;
    }

    public Area area() {
        return area;
    }

    public String messageKey() {
        return "selfeval.theme." + name();
    }

    /** The area's themes, in order. */
    public static List<Theme> of(Area area) {
        return Arrays.stream(values()).filter(t -> t.area == area).toList();
    }

    /** The theme of that code within the area, or empty (a blank code, an unknown one, or another area's theme). */
    public static Optional<Theme> of(Area area, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.area == area && t.name().equals(code.trim())).findFirst();
    }
}
