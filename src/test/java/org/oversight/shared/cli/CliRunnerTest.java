package org.oversight.shared.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

class CliRunnerTest {

    /** A command that reads its options as the benchmarks do: {@code --runs N}. */
    static final class Runs implements CliCommand {
        int runs;

        @Override
        public String name() {
            return "bench-x";
        }

        @Override
        public String usage() {
            return "[--runs N]";
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            for (int i = 0; i < args.size(); i++) {
                if (args.get(i).equals("--runs")) {
                    runs = Integer.parseInt(args.get(++i));
                }
            }
            if (args.contains("--read-a-file")) {
                runs = Integer.parseInt("7 children"); // a number read from somewhere other than the command line
            }
            if (args.contains("--fail-inside")) {
                runs = args.get(args.size() + 1).length(); // a fault of the command's own
            }
            return 0;
        }
    }

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private PrintStream systemErr;

    @BeforeEach
    void captureErrors() {
        systemErr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(systemErr);
    }

    private int run(Runs command, String... words) {
        String[] args = new String[words.length + 1];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--oversight.cli=true";
        CliRunner runner = new CliRunner(List.of(command));
        runner.run(new DefaultApplicationArguments(args));
        return runner.getExitCode();
    }

    @Test
    void aGoodNumberRunsTheCommand() {
        Runs command = new Runs();
        assertThat(run(command, "bench-x", "--runs", "3")).isZero();
        assertThat(command.runs).isEqualTo(3);
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anOptionThatIsNotANumberIsNamedWithTheUsage() {
        assertThat(run(new Runs(), "bench-x", "--runs", "three")).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("bench-x: a number was expected").contains("\"three\"").contains("Usage: bin/oversight bench-x [--runs N]");
    }

    @Test
    void anOptionWithoutItsValueSaysSo() {
        assertThat(run(new Runs(), "bench-x", "--runs")).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("bench-x: an option is missing its value").contains("Usage: bin/oversight bench-x [--runs N]");
    }

    @Test
    void whatIsWrongInsideTheCommandIsNotBlamedOnItsOptions() {
        assertThat(run(new Runs(), "bench-x", "--read-a-file")).isEqualTo(1);
        assertThat(run(new Runs(), "bench-x", "--fail-inside", "now")).isEqualTo(1);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("bench-x: For input string: \"7 children\"")
                .contains("out of bounds").doesNotContain("a number was expected").doesNotContain("missing its value");
    }
}
