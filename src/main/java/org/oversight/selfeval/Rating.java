package org.oversight.selfeval;

/** How a figure reads against the LA's thresholds: the colour a contradiction check compares a claim with. */
public enum Rating {
    RED, AMBER, GREEN
}
