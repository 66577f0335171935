package org.oversight.childdata.cin;

import java.io.PrintStream;
import java.util.List;

import org.oversight.shared.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * The CIN census commands as {@code bin/oversight help} lists them. {@code main} runs them through {@link CinCli}
 * before any database starts; these beans run them the same way when called from a running context.
 */
final class CinCommands {

    private CinCommands() {
    }

    @Component
    static class ValidateCin implements CliCommand {

        @Override
        public String name() {
            return "validate-cin";
        }

        @Override
        public String usage() {
            return CinCli.VALIDATE_USAGE;
        }

        @Override
        public String description() {
            return "Check CIN census XML files against the 109 DfE rules of 2025-26: every error and query with file, line,"
                    + " child, field, value and rule, then a summary by rule (exit 2 on errors)";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            return CinCli.run(name(), args, out, err);
        }
    }

    @Component
    static class GenerateCin implements CliCommand {

        @Override
        public String name() {
            return "generate-cin";
        }

        @Override
        public String usage() {
            return CinCli.GENERATE_USAGE;
        }

        @Override
        public String description() {
            return "Write a synthetic CIN census for one LA that passes every DfE rule; same arguments, same bytes";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            return CinCli.run(name(), args, out, err);
        }
    }

    @Component
    static class BenchCin implements CliCommand {

        @Override
        public String name() {
            return "bench-cin";
        }

        @Override
        public String usage() {
            return "[--children 400000] [--seed N] [--runs 2]";
        }

        @Override
        public String description() {
            return "Benchmark reading and validating a national-size CIN census against a bare XML pass (see Benchmarks)";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            return CinCli.run(name(), args, out, err);
        }
    }
}
