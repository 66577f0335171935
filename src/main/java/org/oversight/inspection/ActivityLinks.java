package org.oversight.inspection;

import java.util.List;

import org.oversight.inspection.domain.InspectionActivity;

/**
 * What other modules link from an activity's page, for the LA's own users (e.g. the self-evaluation an annual
 * engagement meeting reviewed). Implemented by the module that owns the linked record, so inspection depends on none.
 */
public interface ActivityLinks {

    /** A link: an element id for tests, the text and an address within Oversight. */
    record Link(String id, String text, String href) {
    }

    /** Links for the activity; called only for a user who may see the LA's internal records. */
    List<Link> linksFor(InspectionActivity activity);
}
