package vn.truongso.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the application's JVM, its PostgreSQL (the postmaster and all its backends) and this load
 * generator, read from /proc (Linux). Dividing the CPU time of a measured period by its requests gives a cost per
 * request that other work on a shared machine does not inflate the way it inflates latency.
 */
final class CpuSampler {

    record Sample(double appSeconds, double postgresSeconds, double loadGeneratorSeconds) {

        Sample minus(Sample earlier) {
            return new Sample(appSeconds - earlier.appSeconds, postgresSeconds - earlier.postgresSeconds,
                    loadGeneratorSeconds - earlier.loadGeneratorSeconds);
        }
    }

    private final long appPid;
    private final long postgresPid;
    private final double ticksPerSecond;

    CpuSampler(long appPid, long postgresPid, int ticksPerSecond) {
        this.appPid = appPid;
        this.postgresPid = postgresPid;
        this.ticksPerSecond = ticksPerSecond;
    }

    boolean enabled() {
        return appPid > 0 && Files.isReadable(Path.of("/proc/" + appPid + "/stat"));
    }

    Sample sample() {
        double app = ticks(appPid) / ticksPerSecond;
        double postgres = 0;
        if (postgresPid > 0) {
            postgres = ticks(postgresPid);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                postgres += processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                        .mapToLong(p -> parentOf(p) == postgresPid ? ticks(Long.parseLong(p.getFileName().toString())) : 0).sum();
            } catch (IOException e) {
                // no figure
            }
            postgres /= ticksPerSecond;
        }
        double self = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        return new Sample(app, postgres, self);
    }

    /** utime + stime of a process (fields 14 and 15 of /proc/PID/stat), in clock ticks; 0 when it is gone. */
    private static long ticks(long pid) {
        String[] fields = fields(Path.of("/proc/" + pid));
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long parentOf(Path process) {
        String[] fields = fields(process);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** The fields of /proc/PID/stat after the command name, which may itself hold spaces: [0] is field 3 (state). */
    private static String[] fields(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
