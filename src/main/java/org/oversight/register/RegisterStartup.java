package org.oversight.register;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.oversight.shared.cli.CliCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the bundled register at every start (a no-op when nothing changed), and offers {@code load-register FILE}. */
@Component
@Order(10)
class RegisterStartup implements ApplicationRunner, CliCommand {

    private final RegisterLoader loader;

    RegisterStartup(RegisterLoader loader) {
        this.loader = loader;
    }

    @Override
    public void run(ApplicationArguments args) {
        loader.loadBundled();
    }

    @Override
    public String name() {
        return "load-register";
    }

    @Override
    public String usage() {
        return "[FILE]";
    }

    @Override
    public String description() {
        return "Load the LA register from la-lookup.csv (default: the bundled copy); idempotent";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        RegisterLoader.LoadResult result;
        if (args.isEmpty()) {
            result = loader.loadBundled();
        } else {
            Path file = Path.of(args.getFirst());
            if (!Files.isRegularFile(file)) {
                err.println(file + ": no such file");
                return 2;
            }
            try (InputStream in = Files.newInputStream(file)) {
                result = loader.load(in, file.getFileName().toString());
            } catch (RegisterFileException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        out.printf("Register: %d new, %d updated, %d unchanged, %d neighbour lists changed%n",
                result.inserted(), result.updated(), result.unchanged(), result.neighbourLinksChanged());
        return 0;
    }
}
