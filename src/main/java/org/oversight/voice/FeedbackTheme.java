package org.oversight.voice;

/** What a young person rates, 1 (bad) to 5 (great); {@link #GENERAL} carries a comment on its own. */
public enum FeedbackTheme {
    LISTENED, HELP, PLAN, CONTACT, GENERAL;

    public static final java.util.List<FeedbackTheme> RATED = java.util.List.of(LISTENED, HELP, PLAN, CONTACT);
}
