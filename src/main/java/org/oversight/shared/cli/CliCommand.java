package org.oversight.shared.cli;

import java.io.PrintStream;
import java.util.List;

/** One batch command of {@code bin/oversight}. Modules add their own as beans. */
public interface CliCommand {

    /** The word that runs it, e.g. {@code load-register}. */
    String name();

    /** Arguments, e.g. {@code [FILE]}. */
    String usage();

    /** One line for {@code bin/oversight help}. */
    String description();

    /**
     * Runs the command.
     *
     * @return the exit status: 0 for success, 2 when some input could not be used, 1 for other failures
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
