package org.oversight.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A separately installed PostgreSQL server for tests that play an LA's IT team: Debian's own {@code postgresql}
 * package (version 15 on Debian 12), not the embedded one Oversight runs by default, started in a temporary folder
 * with password logins over TCP, and driven with Debian's own {@code psql}, {@code pg_dump} and {@code pg_restore} of
 * the same version. {@code bin/test} installs the package when it is missing; without it the test fails, saying so.
 * As root the server runs in a user namespace ({@code unshare -U}), as the embedded one does, since PostgreSQL refuses
 * to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String SUPERUSER = "postgres";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String superuserPassword;
    private final Process server;

    private PostgresServer(Path bin, Path dir, int port, String superuserPassword, Process server) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.server = server;
    }

    /** The newest {@code /usr/lib/postgresql/N/bin} that has the server and the client tools. */
    public static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (var versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> List.of("postgres", "initdb", "psql", "pg_dump", "pg_restore").stream().allMatch(t -> Files.isExecutable(b.resolve(t))))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("This test needs Debian's PostgreSQL server and client (" + root + "/N/bin with postgres, initdb, "
                    + "psql, pg_dump and pg_restore): apt-get install postgresql (bin/test installs it when run as root)", e);
        }
    }

    public static PostgresServer start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("oversight-external-pg");
        String password = "super-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n");
        run(command(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER, "--pwfile=" + pwfile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"), dir.resolve("initdb.log"), Map.of());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = dir.resolve("server.log");
        Process server = new ProcessBuilder(command(bin.resolve("postgres").toString(), "-D", dir.resolve("data").toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + dir,
                "-c", "max_connections=100", "-c", "fsync=off", "-c", "synchronous_commit=off"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PostgresServer pg = new PostgresServer(bin, dir, port, password, server);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = pg.connect("postgres", SUPERUSER, password)) {
                return pg;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    pg.close();
                    throw new IllegalStateException("PostgreSQL did not start: " + Files.readString(log), e);
                }
                Thread.sleep(200);
            }
        }
    }

    public int port() {
        return port;
    }

    public String version() {
        return bin.getParent().getFileName().toString();
    }

    public String superuserPassword() {
        return superuserPassword;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public Connection superuser(String database) throws SQLException {
        return connect(database, SUPERUSER, superuserPassword);
    }

    /** Runs a psql script as the superuser (stopping at the first error) and returns what psql printed. */
    public String psql(String database, String script) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "script", ".sql");
        Files.writeString(file, script);
        return run(List.of(bin.resolve("psql").toString(), "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-U", SUPERUSER, "-d", database, "-f", file.toString()), dir.resolve("psql.log"), Map.of("PGPASSWORD", superuserPassword));
    }

    /** Runs one of the server's client tools ({@code pg_dump}, {@code pg_restore}) as a user; fails on a non-zero exit. */
    public String tool(String name, String user, String password, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve(name).toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", user));
        command.addAll(Arrays.asList(args));
        return run(command, dir.resolve(name + ".log"), Map.of("PGPASSWORD", password));
    }

    private static String run(List<String> command, Path log, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.getFirst() + " did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + output);
        }
        return output;
    }

    /** PostgreSQL refuses to run as root: as root, run it in a user namespace of its own (as the embedded server does). */
    private static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(Arrays.asList(args));
        return command;
    }

    @Override
    public void close() {
        if (server.isAlive()) {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor(10, TimeUnit.SECONDS); // a fast shutdown
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (IOException e) {
                server.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind
        }
    }
}
