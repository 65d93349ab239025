package vn.truongso.platform.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as its own process (pg_ctl daemonises it), so when the JVM dies without shutting down
 * (kill -9, power cut of a container's main process, OOM killer) the postmaster stays behind, still holding the data
 * directory. The next start would then fail ("lock file postmaster.pid already exists"). Before starting, this stops
 * such an orphan with a fast shutdown (committed transactions are already durable in the WAL) and removes a pid
 * file whose process is gone or is not PostgreSQL. It never touches a postmaster whose data directory is locked by a
 * live instance (zonky's {@code epg-lock}).
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final String ZONKY_LOCK = "epg-lock";

    private OrphanedPostmaster() {
    }

    static void stopIfLeftBehind(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (ownedByLiveInstance(dataDir)) {
            log.warn("The PostgreSQL data directory {} is in use by another running instance; leaving it alone", dataDir);
            return;
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (IOException | RuntimeException e) {
            log.warn("Unreadable {} ({}); removing it", pidFile, e.toString());
            deleteQuietly(pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            // A stale pid file: PostgreSQL itself ignores it when no process has that pid.
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isEmpty() || !Path.of(command.get()).getFileName().toString().startsWith("postgres")) {
            log.warn("{} names pid {}, which is not PostgreSQL ({}); removing the stale pid file", pidFile, pid, command.orElse("?"));
            deleteQuietly(pidFile);
            return;
        }
        log.warn("A PostgreSQL server (pid {}) was left running on {} by an instance that did not shut down; stopping it", pid, dataDir);
        Path pgCtl = Path.of(command.get()).resolveSibling("pg_ctl");
        boolean stopped = false;
        if (Files.isExecutable(pgCtl)) {
            try {
                Process stop = new ProcessBuilder(pgCtl.toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                stopped = stop.waitFor(90, TimeUnit.SECONDS) && stop.exitValue() == 0;
            } catch (IOException e) {
                log.warn("pg_ctl stop failed: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
            }
        }
        if (!stopped) {
            // SIGTERM: a smart shutdown, which completes because the dead instance's connections are gone.
            process.get().destroy();
        }
        try {
            process.get().onExit().get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the PostgreSQL server (pid " + pid + ") left on " + dataDir + " did not stop; stop it and start again", e);
        }
        log.info("The orphaned PostgreSQL server stopped; starting a fresh one on the same data");
    }

    /** True when a live process holds zonky's lock on the data directory (a second instance started on the same data). */
    private static boolean ownedByLiveInstance(Path dataDir) {
        Path lockFile = dataDir.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
