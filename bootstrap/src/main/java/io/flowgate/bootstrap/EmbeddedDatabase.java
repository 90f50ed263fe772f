package io.flowgate.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The zero-setup default: a PostgreSQL server run by this process, with its data kept in a
 * directory so orgs and flows survive restarts.
 *
 * <p>The library starts PostgreSQL as a throwaway test database would run: without {@code fsync}
 * and with asynchronous commits. This one keeps an org's data, its used assertion ids and its
 * executions, which must be on disk before a token or a flow's answer leaves, so both are turned
 * back on (a later {@code -c} option overrides the library's {@code -F}).
 *
 * <p>The library would also stop PostgreSQL from a shutdown hook of its own, which runs beside the
 * node's and took the database from the requests the node was still finishing; the node stops it.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());
    private static final long LEFT_OVER_STOP_SECONDS = 30;

    private final EmbeddedPostgres postgres;
    private final FileChannel lock;

    private EmbeddedDatabase(EmbeddedPostgres postgres, FileChannel lock) {
        this.postgres = postgres;
        this.lock = lock;
    }

    static EmbeddedDatabase start(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath();
        FileChannel lock = null;
        try {
            Files.createDirectories(directory);
            // Beside the data directory, which initdb wants empty; held for as long as this node runs.
            lock = FileChannel.open(Path.of(directory + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (!locked(lock)) {
                throw new IllegalStateException("the embedded PostgreSQL in " + directory + " is in use by another"
                        + " Flowgate; stop that one first, or give this one its own FLOWGATE_DB_URL");
            }
            stopLeftOver(directory);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start(), lock);
        } catch (IOException e) {
            closeQuietly(lock);
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    private static boolean locked(FileChannel lock) throws IOException {
        try {
            FileLock held = lock.tryLock();
            return held != null;
        } catch (OverlappingFileLockException e) {
            return false; // held by this JVM already
        }
    }

    /**
     * A node that ended without stopping (kill -9, out of memory) leaves its PostgreSQL running, and a
     * new one refuses to start on the same directory. Holding the lock, this node knows no other uses it.
     */
    private static void stopLeftOver(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,18}")
                || !Files.isSameFile(Path.of(lines.get(1).strip()), directory)) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).strip());
        // The pid must still be a postgres serving this directory: after a reboot the stale pid may name
        // another process, even another PostgreSQL, which must be left alone.
        Optional<ProcessHandle> leftOver = ProcessHandle.of(pid).filter(process -> process.info().command()
                        .map(command -> Path.of(command).getFileName().toString().equals("postgres")).orElse(false))
                .filter(process -> process.info().arguments()
                        .map(arguments -> List.of(arguments).contains(directory.toString())).orElse(false));
        if (leftOver.isEmpty()) {
            return; // gone: PostgreSQL itself replaces the stale postmaster.pid
        }
        LOG.log(System.Logger.Level.WARNING, "stopping the PostgreSQL (pid {0,number,#}) that a Flowgate which did not"
                + " stop cleanly left running on {1}", pid, directory);
        leftOver.get().destroy(); // SIGTERM, PostgreSQL's smart shutdown: the dead node's sessions are gone already
        try {
            leftOver.get().onExit().get(LEFT_OVER_STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL left running", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL (pid " + pid + ") left running on " + directory
                    + " did not stop within " + LEFT_OVER_STOP_SECONDS + " s; stop it, then start again", e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not stop cleanly", e);
        } finally {
            closeQuietly(lock);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close(); // releases the lock
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "could not release the embedded PostgreSQL's lock", e);
            }
        }
    }
}
