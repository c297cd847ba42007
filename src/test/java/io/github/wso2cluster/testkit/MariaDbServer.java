package io.github.wso2cluster.testkit;

import java.time.Duration;
import io.github.wso2cluster.verify.live.ExternalProcess;
import io.github.wso2cluster.verify.live.Executables;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real MariaDB server (Debian's {@code mariadb-server}) for the tests: a fresh data folder under the given
 * folder (in {@code target/}), {@code mariadbd --no-defaults} on a free loopback port, users and databases
 * from an init script. Stopped by its process (and a shutdown hook) whatever happens; where the binaries are
 * missing the calling test is skipped, saying so ({@code .ci/run} installs them).
 */
public final class MariaDbServer implements AutoCloseable {
    private final ExternalProcess process;
    private final int port;
    private final Path folder;

    private MariaDbServer(ExternalProcess process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    public int port() {
        return port;
    }

    public Path folder() {
        return folder;
    }

    /** The server's pid (for tests that check it is gone). */
    public long pid() {
        return process.pid();
    }

    /** Starts a server whose init script ({@code --init-file}) creates the test's users and databases. */
    public static MariaDbServer start(Path folder, String initSql) throws IOException, InterruptedException {
        Optional<Path> server = Executables.find("mariadbd");
        Optional<Path> install = Executables.find("mariadb-install-db");
        Assumptions.assumeTrue(server.isPresent() && install.isPresent(), "MariaDB is not installed (Debian package"
                + " mariadb-server: mariadbd, mariadb-install-db); .ci/run installs it. Skipping the live database test.");
        Files.createDirectories(folder);
        Path data = folder.resolve("data");
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> installCommand = new ArrayList<>(List.of(install.get().toString(), "--no-defaults",
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (root) {
            installCommand.add("--user=root");
        }
        run(installCommand, folder.resolve("install.log"));
        Path init = folder.resolve("init.sql");
        Files.writeString(init, initSql, StandardCharsets.UTF_8);
        int port = freePort();
        // A Unix socket path must stay under 108 bytes; a deep build folder gets a short temporary one.
        Path socket = folder.resolve("mysqld.sock");
        if (socket.toAbsolutePath().toString().length() > 100) {
            socket = Files.createTempDirectory("mdb").resolve("s");
        }
        List<String> command = new ArrayList<>(List.of(server.get().toString(), "--no-defaults", "--datadir=" + data,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + socket, "--pid-file=" + folder.resolve("mysqld.pid"),
                "--skip-name-resolve", "--init-file=" + init, "--log-error=" + folder.resolve("error.log"),
                "--innodb-buffer-pool-size=16M", "--skip-log-bin"));
        if (root) {
            command.add("--user=root");
        }
        ExternalProcess process = ExternalProcess.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("mariadbd.out").toFile()));
        MariaDbServer started = new MariaDbServer(process, port, folder);
        try {
            started.awaitReady();
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Path log = folder.resolve("error.log");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd exited: " + tail(log));
            }
            boolean ready = Files.isRegularFile(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains("ready for connections");
            if (ready && accepts()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("mariadbd did not get ready in 30 s: " + tail(log));
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        ExternalProcess.Result result;
        try (ExternalProcess process = ExternalProcess.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()))) {
            result = process.await(Duration.ofSeconds(60));
        }
        if (result.timedOut()) {
            throw new IOException(command.get(0) + " did not finish in 60 s");
        }
        if (result.exit() != 0) {
            throw new IOException(command.get(0) + " failed with " + result.exit() + ": " + tail(log));
        }
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.close(Duration.ofSeconds(10));
    }
}
