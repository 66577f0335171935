package org.oversight.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler that does non-interactive work (an export, a generated report): it runs only while one of the
 * {@link NonInteractiveWork} slots of its kind is free, and is refused with 503 and Retry-After otherwise, so that under
 * load people's pages keep their threads and database connections.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NonInteractive {

    Kind value();

    enum Kind { EXPORT, REPORT }
}
