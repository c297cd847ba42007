package io.github.wso2cluster.verify.live;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private nginx for the live load-balancer check (and the tests' {@code nginx -t}): its pid file, logs and
 * every temporary path inside one folder under {@code target/}, in the foreground, stopped by its process,
 * whatever happens. Nothing is written outside that folder.
 */
public final class PrivateNginx implements AutoCloseable {
    private final Process process;
    private final Path prefix;
    private final Thread hook;

    private PrivateNginx(Process process, Path prefix) {
        this.process = process;
        this.prefix = prefix;
        this.hook = new Thread(process::destroyForcibly, "stop-private-nginx");
        Runtime.getRuntime().addShutdownHook(hook);
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
        Process process = new ProcessBuilder(nginx.toString(), "-t", "-p", prefix.toAbsolutePath() + "/", "-c",
                config.toAbsolutePath().toString(), "-e", "stderr").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new TestResult(-1, "nginx -t did not finish in 30 s");
        }
        return new TestResult(process.exitValue(), output);
    }

    /**
     * Starts nginx in the foreground on {@code config} and waits until every port of {@code listens} accepts.
     *
     * @throws IOException when nginx refuses the configuration or does not listen within 5 s (its log in the message)
     */
    public static PrivateNginx start(Path nginx, Path prefix, Path config, Collection<Integer> listens)
            throws IOException, InterruptedException {
        Files.createDirectories(prefix.resolve("temp"));
        Process process = new ProcessBuilder(nginx.toString(), "-p", prefix.toAbsolutePath() + "/", "-c",
                config.toAbsolutePath().toString(), "-e", "stderr", "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
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

    /** Stops the master (SIGTERM: a fast shutdown that takes the workers with it), forcibly after 5 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down; the hook stops nginx
        }
    }
}
