package io.github.wso2cluster.verify.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A private nginx for the live load-balancer check (and the tests' {@code nginx -t}): its pid file, logs and
 * every temporary path inside one folder under {@code target/}, in the foreground, stopped with its workers
 * whatever happens (close, Ctrl-C, SIGTERM); one a killed build left running is stopped by the next start in the
 * same folder. Nothing is written outside that folder.
 */
public final class PrivateNginx implements AutoCloseable {
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(30);
    private final ExternalProcess process;
    private final Path prefix;

    private PrivateNginx(ExternalProcess process, Path prefix) {
        this.process = process;
        this.prefix = prefix;
    }

    /**
     * The main configuration: pid, error log and the five temporary paths inside {@code prefix} (otherwise nginx
     * writes /run/nginx.pid or fails on /var/lib/nginx), then {@code http { include <site>; }}.
     */
    public static String mainConfig(Path prefix, Path site) {
        Path p = prefix.toAbsolutePath();
        return "pid " + p.resolve("nginx.pid") + ";\n"
                + "error_log " + p.resolve("error.log") + ";\n"
                + "worker_processes 1;\n"
                + "events {\n    worker_connections 256;\n}\n"
                + "http {\n"
                + "    access_log off;\n"
                + temporaryPaths(p, "    ")
                + "    include " + site.toAbsolutePath() + ";\n"
                + "}\n";
    }

    /** The five temporary paths of the http context, inside {@code prefix}. */
    public static String temporaryPaths(Path prefix, String indent) {
        StringBuilder text = new StringBuilder();
        for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            text.append(indent).append(kind).append("_temp_path ").append(prefix.toAbsolutePath().resolve("temp").resolve(kind))
                    .append(";\n");
        }
        return text.toString();
    }

    /** The result of {@code nginx -t}: its exit code and what it printed. */
    public record TestResult(int exit, String output) {
        public boolean ok() {
            return exit == 0;
        }
    }

    /** {@code nginx -t -p <prefix>/ -c <config> -e stderr}: validates without root and without writing elsewhere. */
    public static TestResult test(Path nginx, Path prefix, Path config) throws IOException, InterruptedException {
        Files.createDirectories(prefix.resolve("temp"));
        ExternalProcess.Result result = ExternalProcess.run(TEST_TIMEOUT, null, List.of(nginx.toString(), "-t", "-p",
                prefix.toAbsolutePath() + "/", "-c", config.toAbsolutePath().toString(), "-e", "stderr"));
        return result.timedOut() ? new TestResult(-1, "nginx -t did not finish in 30 s: " + result.output())
                : new TestResult(result.exit(), result.output());
    }

    /**
     * Starts nginx in the foreground on {@code config} and waits until every port of {@code listens} accepts.
     *
     * @throws IOException when nginx refuses the configuration or does not listen within 5 s (its log in the message)
     */
    public static PrivateNginx start(Path nginx, Path prefix, Path config, Collection<Integer> listens)
            throws IOException, InterruptedException {
        stopStale(prefix);
        Files.createDirectories(prefix.resolve("temp"));
        ExternalProcess process = ExternalProcess.start(new ProcessBuilder(command(nginx, prefix, config))
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()));
        PrivateNginx started = new PrivateNginx(process, prefix);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (int port : listens) {
                while (!accepts(port)) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IOException("nginx did not start: " + started.output().strip());
                    }
                    Thread.sleep(20);
                }
            }
            return started;
        } catch (IOException | InterruptedException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** nginx in the foreground on {@code config}, everything under {@code prefix}. */
    public static List<String> command(Path nginx, Path prefix, Path config) {
        return List.of(nginx.toString(), "-p", prefix.toAbsolutePath() + "/", "-c", config.toAbsolutePath().toString(),
                "-e", "stderr", "-g", "daemon off;");
    }

    /**
     * Stops the nginx a killed build left running in {@code prefix} (its pid file names it), with its workers;
     * only when that pid really is our nginx: its command line names this prefix (a pid the system gave to
     * another program since is left alone).
     *
     * @return the pid that was stopped
     */
    public static Optional<Long> stopStale(Path prefix) {
        Path pidFile = prefix.resolve("nginx.pid");
        String pid;
        try {
            pid = Files.isRegularFile(pidFile) ? Files.readString(pidFile, StandardCharsets.US_ASCII).trim() : "";
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!pid.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        Optional<ProcessHandle> stale = ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive)
                .filter(p -> isOurs(p, prefix));
        stale.ifPresent(p -> ExternalProcess.stopTree(p, Duration.ofSeconds(5)));
        return stale.map(ProcessHandle::pid);
    }

    /** nginx's master shows "nginx: master process <its command line>": ours names {@code -p <prefix>/}. */
    private static boolean isOurs(ProcessHandle process, Path prefix) {
        String marker = "-p " + prefix.toAbsolutePath() + "/ ";
        Optional<String> line = process.info().commandLine();
        if (line.isPresent() && line.get().contains("nginx") && line.get().contains(marker)) {
            return true;
        }
        try {
            // nginx rewrites its argv in place; /proc shows the rewritten text, NUL-separated where it was not overwritten
            String raw = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            return raw.contains("nginx") && raw.contains(marker);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What nginx printed (its error log goes to standard error). */
    public String output() {
        try {
            Path out = prefix.resolve("nginx.out");
            return Files.isRegularFile(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The running process (master and workers), for the tests. */
    ExternalProcess process() {
        return process;
    }

    /**
     * Stops the master (SIGTERM: a fast shutdown that takes the workers with it) and, after 5 s, whatever is left
     * of master and workers (SIGKILL), and waits for them.
     */
    @Override
    public void close() {
        process.close();
    }
}
