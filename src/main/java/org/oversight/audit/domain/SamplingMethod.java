package org.oversight.audit.domain;

/** How the sample is drawn from the children the rule selects. */
public enum SamplingMethod {
    /** A simple random sample. */
    RANDOM,
    /** Each team gets a share of the sample in proportion to its number of children (largest remainder). */
    STRATIFIED_BY_TEAM
}
