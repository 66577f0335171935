package org.oversight.improvement.domain;

/** The rating shown beside an action, with the reason it was given. */
public record Rag(Rating rating, String reason) {

    public enum Rating { RED, AMBER, GREEN, COMPLETE }
}
