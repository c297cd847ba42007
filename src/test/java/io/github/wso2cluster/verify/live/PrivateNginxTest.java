package io.github.wso2cluster.verify.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.testkit.MariaDbServer;
import io.github.wso2cluster.testkit.NginxTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The private nginx with the real nginx: the JVM's shutdown path (Ctrl-C, SIGTERM) stops the master and its
 * workers, and an nginx a killed build left running in the folder is stopped by the next start, only when the
 * pid file really names our nginx.
 */
class PrivateNginxTest {
    private static final Path ROOT = Path.of("target", "private-nginx-tests").toAbsolutePath();

    private static Path site(Path prefix, int port) throws IOException {
        AtomicFiles.deleteTree(prefix);
        Files.createDirectories(prefix.resolve("conf"));
        Path site = Files.writeString(prefix.resolve("conf/site.conf"), "server {\n    listen 127.0.0.1:" + port
                + ";\n    return 200 \"ok\\n\";\n}\n", StandardCharsets.UTF_8);
        return Files.writeString(prefix.resolve("conf/nginx.conf"), PrivateNginx.mainConfig(prefix, site), StandardCharsets.UTF_8);
    }

    @Test
    void theShutdownHookStopsTheMasterAndItsWorkers() throws Exception {
        Path nginx = NginxTest.nginx();
        Path prefix = ROOT.resolve("shutdown");
        int port = MariaDbServer.freePort();
        PrivateNginx running = PrivateNginx.start(nginx, prefix, site(prefix, port), List.of(port));
        try {
            List<ProcessHandle> tree = running.process().tree();
            assertTrue(tree.size() >= 2, "master and worker: " + tree);
            running.process().onShutdown(); // what the JVM runs on Ctrl-C or SIGTERM
            for (ProcessHandle process : tree) {
                assertFalse(process.isAlive(), "nginx " + process.pid() + " still runs: " + process.info().commandLine());
            }
            assertFree(port);
        } finally {
            running.close();
        }
    }

    @Test
    void anNginxAKilledBuildLeftIsStoppedOnlyWhenThePidFileNamesOurs() throws Exception {
        Path nginx = NginxTest.nginx();
        Path prefix = ROOT.resolve("stale");
        int port = MariaDbServer.freePort();
        Path config = site(prefix, port);
        Files.createDirectories(prefix.resolve("temp"));
        // As a killed build leaves it: started, never stopped, no hook of ours.
        Process stale = new ProcessBuilder(PrivateNginx.command(nginx, prefix, config)).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("stale.out").toFile()).start();
        ExternalProcess other = ExternalProcess.start(new ProcessBuilder("sleep", "60"));
        try {
            awaitPidFile(prefix, stale);
            List<ProcessHandle> tree = ProcessHandle.of(stale.pid()).map(p -> {
                List<ProcessHandle> all = new java.util.ArrayList<>(List.of(p));
                p.descendants().forEach(all::add);
                return all;
            }).orElseThrow();

            // A pid file naming a process that is not our nginx (a recycled pid) leaves that process alone.
            Path elsewhere = ROOT.resolve("recycled");
            AtomicFiles.deleteTree(elsewhere);
            Files.createDirectories(elsewhere);
            Files.writeString(elsewhere.resolve("nginx.pid"), other.pid() + "\n");
            assertEquals(Optional.empty(), PrivateNginx.stopStale(elsewhere));
            assertTrue(other.isAlive());
            // Our nginx in another prefix is not this folder's either.
            Files.writeString(elsewhere.resolve("nginx.pid"), stale.pid() + "\n");
            assertEquals(Optional.empty(), PrivateNginx.stopStale(elsewhere));
            assertTrue(stale.isAlive());

            assertEquals(Optional.of(stale.pid()), PrivateNginx.stopStale(prefix));
            for (ProcessHandle process : tree) {
                assertFalse(process.isAlive(), "nginx " + process.pid() + " still runs");
            }
            assertFree(port);
        } finally {
            ExternalProcess.stopTree(stale.toHandle(), Duration.ZERO);
            other.close();
        }
    }

    private static void awaitPidFile(Path prefix, Process nginx) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        Path pid = prefix.resolve("nginx.pid");
        while (!(Files.isRegularFile(pid) && Files.readString(pid).trim().equals(String.valueOf(nginx.pid())))) {
            assertTrue(nginx.isAlive() && System.nanoTime() < deadline, "nginx did not start: "
                    + Files.readString(prefix.resolve("stale.out")));
            Thread.sleep(20);
        }
        // the workers are forked right after the pid file is written
        while (nginx.toHandle().descendants().findAny().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static void assertFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(port, socket.getLocalPort());
        }
    }
}
