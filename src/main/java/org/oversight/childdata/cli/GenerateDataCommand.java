package org.oversight.childdata.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.shared.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight generate-data --scale la|national --seed N --out DIR [--la CODE...]}: synthetic SSDA903 returns,
 * deterministic for a seed, one folder per LA. Needs no database, so {@code main} runs it without starting one.
 */
@Component
public class GenerateDataCommand implements CliCommand {

    @Override
    public String name() {
        return "generate-data";
    }

    @Override
    public String usage() {
        return "--scale la|national --seed N --out DIR [--la CODE...]";
    }

    @Override
    public String description() {
        return "Write synthetic SSDA903 CSVs (national: all 153 LAs, ~84,000 in care, 50,000 care leavers), same seed same bytes";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        return execute(args, out, err);
    }

    public static int execute(List<String> args, PrintStream out, PrintStream err) {
        String scale = "la";
        long seed = 1;
        Path dir = null;
        List<String> las = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--scale" -> scale = args.get(++i);
                    case "--seed" -> seed = Long.parseLong(args.get(++i));
                    case "--out" -> dir = Path.of(args.get(++i));
                    case "--la" -> las.add(args.get(++i));
                    default -> throw new IllegalArgumentException("unexpected argument '" + args.get(i) + "'");
                }
            }
        } catch (RuntimeException e) {
            err.println("generate-data: " + e.getMessage() + ". Usage: bin/oversight generate-data --scale la|national --seed N --out DIR [--la CODE...]");
            return 1;
        }
        if (dir == null) {
            err.println("generate-data: --out DIR is required");
            return 1;
        }
        if (scale.equalsIgnoreCase("la") && las.isEmpty()) {
            las.add("201");
        }
        try {
            SyntheticData.Summary summary = SyntheticData.generate(scale, seed, las, dir);
            long inCare = summary.byLa().values().stream().mapToLong(SyntheticData.LaCounts::childrenInCare).sum();
            long leavers = summary.byLa().values().stream().mapToLong(SyntheticData.LaCounts::careLeavers).sum();
            out.printf("Wrote %d LA folders under %s: %d children in care, %d care leavers, in %d ms%n", summary.byLa().size(),
                    dir, inCare, leavers, summary.elapsedMillis());
            return 0;
        } catch (RuntimeException e) {
            err.println("generate-data: " + e.getMessage());
            return 2;
        }
    }
}
