package org.oversight.shared.cli;

import java.util.Comparator;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Runs the command named on the command line when Oversight is started as {@code cli} (by {@code bin/oversight}),
 * after the reference data runners, and hands its exit status back.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CliRunner implements ApplicationRunner, ExitCodeGenerator {

    private final List<CliCommand> commands;
    private int exitCode;

    CliRunner(List<CliCommand> commands) {
        this.commands = commands.stream().sorted(Comparator.comparing(CliCommand::name)).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("oversight.cli")) {
            return;
        }
        // The command's own words, options included (e.g. --la 80450), without the marker main() added.
        List<String> words = java.util.Arrays.stream(args.getSourceArgs()).filter(a -> !a.equals("--oversight.cli=true")).toList();
        if (words.isEmpty() || words.getFirst().equals("help") || words.getFirst().equals("--help")) {
            help();
            exitCode = words.isEmpty() ? 1 : 0;
            return;
        }
        String name = words.getFirst();
        CliCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            System.err.println("Unknown command '" + name + "'. Run bin/oversight help for the list.");
            exitCode = 1;
            return;
        }
        List<String> arguments = words.subList(1, words.size());
        try {
            exitCode = command.run(arguments, System.out, System.err);
        } catch (NumberFormatException e) {
            System.err.println(name + ": " + (oneOf(arguments, e) ? "a number was expected (" + e.getMessage() + ").\nUsage: bin/oversight "
                    + name + " " + command.usage() : e.getMessage()));
            exitCode = 1;
        } catch (IndexOutOfBoundsException e) {
            boolean optionLast = !arguments.isEmpty() && arguments.getLast().startsWith("--");
            System.err.println(name + ": " + (optionLast ? "an option is missing its value.\nUsage: bin/oversight " + name + " "
                    + command.usage() : e.getMessage()));
            exitCode = 1;
        } catch (Exception e) {
            System.err.println(name + ": " + e.getMessage());
            exitCode = 1;
        }
        System.out.flush();
    }

    /**
     * Whether the text that was not a number is one of the command's own words (Java's message names it: {@code For input
     * string: "abc"}), rather than something the command read elsewhere, which its own message must explain.
     */
    private static boolean oneOf(List<String> arguments, NumberFormatException e) {
        String message = String.valueOf(e.getMessage());
        return arguments.stream().anyMatch(a -> message.endsWith("\"" + a + "\""));
    }

    private void help() {
        System.out.println("Usage: bin/oversight <command> [arguments]\n\nCommands:");
        System.out.printf("  %-44s %s%n", "help", "List the commands");
        for (CliCommand c : commands) {
            System.out.printf("  %-44s %s%n", c.name() + (c.usage().isEmpty() ? "" : " " + c.usage()), c.description());
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
