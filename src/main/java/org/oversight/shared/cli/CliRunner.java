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
        try {
            exitCode = command.run(words.subList(1, words.size()), System.out, System.err);
        } catch (NumberFormatException e) {
            // an option's value that should be a number (Java's message names the text: For input string: "abc")
            System.err.println(name + ": a number was expected (" + e.getMessage() + ").\nUsage: bin/oversight " + name + " " + command.usage());
            exitCode = 1;
        } catch (IndexOutOfBoundsException e) {
            // an option given last without its value
            System.err.println(name + ": an option is missing its value.\nUsage: bin/oversight " + name + " " + command.usage());
            exitCode = 1;
        } catch (Exception e) {
            System.err.println(name + ": " + e.getMessage());
            exitCode = 1;
        }
        System.out.flush();
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
