package org.oversight.shared.problem;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The words of a refusal, from {@code messages.properties} like every other piece of copy, so that services name a
 * problem by its message key ({@link FieldProblem#of}) and the page, the API and the logs show the same sentence.
 * The service speaks English (en-GB) only; the file is read as UTF-8, arguments as in {@link java.text.MessageFormat}.
 */
public final class ProblemText {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private ProblemText() {
    }

    /** The message of that key with those arguments; a missing key fails at once, naming it. */
    public static String of(String key, Object... args) {
        return MESSAGES.getMessage(key, args, Locale.UK);
    }
}
