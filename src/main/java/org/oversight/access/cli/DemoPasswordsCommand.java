package org.oversight.access.cli;

import java.io.PrintStream;
import java.util.List;

import org.oversight.shared.cli.CliCommand;
import org.springframework.stereotype.Component;
import org.oversight.access.demo.DemoAccounts;

/** {@code bin/oversight reset-demo-passwords}: new passwords for every demo account, printed once. */
@Component
class DemoPasswordsCommand implements CliCommand {

    private final DemoAccounts demoAccounts;

    DemoPasswordsCommand(DemoAccounts demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    @Override
    public String name() {
        return "reset-demo-passwords";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String description() {
        return "Create the demo accounts if missing and print new passwords for all of them";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        demoAccounts.ensure(true).forEach(out::println);
        return 0;
    }
}
