package org.oversight.shared.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used so far by this JVM and by a PostgreSQL server on this machine (its postmaster, its backends and
 * background workers, and the backends that have ended, which the postmaster has counted as its children's time), from
 * Linux's {@code /proc}. For benchmarks that print CPU time per request, which holds whatever else the machine is doing.
 */
public final class ProcessCpu {

    /** Linux's clock ticks a second for {@code /proc/<pid>/stat} (USER_HZ: 100 on every architecture Linux runs on). */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** This JVM's CPU time (every thread: the app, the load generator, the JIT and the collector), in nanoseconds. */
    public static long jvmNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /**
     * A PostgreSQL server's CPU time, in nanoseconds, found from one of its backends (the server's
     * {@code pg_backend_pid()}): its postmaster and every process the postmaster started. 0 when the backend is not a
     * process of this machine (a server elsewhere) or there is no /proc.
     */
    public static long postgresNanos(long backendPid) {
        long postmaster = parent(backendPid);
        if (postmaster <= 1) {
            return 0;
        }
        long ticks = ticks(postmaster);
        try (var processes = Files.list(Path.of("/proc"))) {
            ticks += processes.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong).filter(pid -> parent(pid) == postmaster).map(ProcessCpu::ticks).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** The parent of a process (field 4 of its stat), or 0 when it has gone or there is no /proc. */
    static long parent(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime + cutime + cstime of one process, in clock ticks (0 when it has gone or there is no /proc). */
    static long ticks(long pid) {
        try {
            return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** From the text of {@code /proc/<pid>/stat}: fields 14 to 17, counted after the command's closing parenthesis. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }
}
