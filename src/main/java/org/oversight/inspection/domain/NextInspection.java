package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A predicted next inspection: the window, the likely type, and the reasons in plain English.
 *
 * @param windowStart   earliest usual date
 * @param windowEnd     latest usual date
 * @param likelyType    short or standard inspection
 * @param basedOn       the graded inspection the prediction counts from
 * @param reasons       why, in the order a reader needs them
 * @param overdue       true when today is past the window and no later inspection is recorded
 */
public record NextInspection(LocalDate windowStart, LocalDate windowEnd, ActivityType likelyType,
                             InspectionActivity basedOn, List<String> reasons, boolean overdue) {
}
