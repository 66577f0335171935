package org.oversight.reports.extract;

/** The kind of Ofsted activity a document reports on. Only {@link #INSPECTION} carries grades. */
public enum ActivityKind {
    /** A graded ILACS (standard or short) or SIF inspection report. */
    INSPECTION,
    /** An ILACS focused visit letter. */
    FOCUSED_VISIT,
    /** A monitoring visit letter to a local authority judged inadequate. */
    MONITORING_VISIT,
    /** A joint targeted area inspection letter (Ofsted with CQC, HMICFRS and sometimes HMI Probation). */
    JTAI
}
