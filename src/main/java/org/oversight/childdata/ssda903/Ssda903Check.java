package org.oversight.childdata.ssda903;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oversight.childdata.ssda903.rules.RuleOutcome;

/**
 * Validates a folder of SSDA903 CSV tables without storing anything, prints each rule's outcome, and can write the rows
 * each rule flags (for {@code bin/compare-903}, which sets them beside DfE's reference implementation).
 *
 * <pre>java ... Ssda903Check FOLDER [--year 2026] [--la E09000001] [--last FOLDER] [--flags OUT.csv]</pre>
 */
public final class Ssda903Check {

    private Ssda903Check() {
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(List.of(args), System.out));
    }

    static int run(List<String> args, PrintStream out) throws IOException {
        Path folder = null;
        Path last = null;
        Path flags = null;
        int year = CollectionYear.current().start().getYear();
        String la = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--year" -> year = Integer.parseInt(args.get(++i));
                case "--la" -> la = args.get(++i);
                case "--last" -> last = Path.of(args.get(++i));
                case "--flags" -> flags = Path.of(args.get(++i));
                default -> folder = Path.of(args.get(i));
            }
        }
        if (folder == null) {
            out.println("usage: Ssda903Check FOLDER [--year 2026] [--la ONS-CODE] [--last FOLDER] [--flags OUT.csv]");
            return 1;
        }
        List<ReadResult> files = Ssda903Return.readAll(csvFiles(folder));
        Ssda903Return.Options options = Ssda903Return.Options.of(CollectionYear.of(year)).withLa(la)
                .withLastYear(last == null ? List.of() : Ssda903Return.readAll(csvFiles(last)));
        Ssda903Return ret = Ssda903Return.validate(files, options);
        int checked = 0;
        for (RuleOutcome o : ret.outcomes()) {
            if (o.checked()) {
                checked++;
            }
        }
        out.printf(Locale.UK, "%s: %d files, rule set %d-%02d, %d rules, %d checked, %d not checked, %d errors and queries%n",
                folder, files.size(), ret.ruleSetYear(), (ret.ruleSetYear() + 1) % 100, ret.outcomes().size(), checked,
                ret.outcomes().size() - checked, ret.errors().size());
        for (RuleOutcome o : ret.outcomes()) {
            if (!o.checked()) {
                out.printf("  %-10s not checked: %s%n", o.code(), o.reason());
            } else if (o.flagged() > 0) {
                out.printf("  %-10s %6d %s%n", o.code(), o.flagged(), o.severity() == Severity.QUERY ? "(query)" : "");
            }
        }
        if (flags != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(flags, StandardCharsets.UTF_8))) {
                w.println("rule,table,index");
                for (Ssda903Return.Flagged f : Ssda903Return.flagged(files, options)) {
                    w.println(f.rule() + "," + f.table() + "," + f.index());
                }
                for (RuleOutcome o : ret.outcomes()) {
                    if (!o.checked()) {
                        w.println("#notchecked," + o.code() + ",\"" + o.reason().replace("\"", "'") + "\"");
                    }
                }
            }
        }
        return 0;
    }

    /** Every .csv file in the folder, by name. */
    static Map<String, byte[]> csvFiles(Path folder) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        try (var list = Files.list(folder)) {
            list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted()
                    .forEach(paths::add);
        }
        for (Path p : paths) {
            files.put(p.getFileName().toString(), Files.readAllBytes(p));
        }
        return files;
    }
}
