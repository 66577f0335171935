package org.oversight.childdata.cli;

import java.io.PrintStream;
import java.util.List;

import org.oversight.childdata.ssda903.Ssda903Benchmark;
import org.oversight.shared.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight bench-903 [--seed N]}: generates the national synthetic SSDA903 return and times its validation
 * against every DfE rule of 2026-27, best of three, beside plain CSV parsing of the same files (see README).
 */
@Component
class Bench903Command implements CliCommand {

    @Override
    public String name() {
        return "bench-903";
    }

    @Override
    public String usage() {
        return "[--seed N]";
    }

    @Override
    public String description() {
        return "Benchmark: validation of the national synthetic SSDA903 return against every DfE rule, vs CSV parsing alone";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        long seed = args.size() >= 2 && args.get(0).equals("--seed") ? Long.parseLong(args.get(1)) : 2026;
        Ssda903Benchmark.run(seed, out);
        return 0;
    }
}
