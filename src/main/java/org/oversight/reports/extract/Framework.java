package org.oversight.reports.extract;

/** The inspection framework of a graded inspection report. */
public enum Framework {
    /** ILACS standard inspection: two weeks on site (the printed dates span about 11 days). */
    STANDARD,
    /** ILACS short inspection: one week on site (the printed dates span about 4 days). */
    SHORT,
    /** The single inspection framework (SIF), 2013 to 2018, including SIF re-inspections. */
    SIF
}
