package io.github.wso2cluster.verify.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one process runner: its timeout fires on a program that never ends, and stopping takes the whole tree. */
class ExternalProcessTest {

    @Test
    void aTimeoutFiresOnAProgramThatNeverEndsAndKillsIt() throws Exception {
        // A shell whose child holds the output pipe open: reading the output to its end first would wait 60 s.
        ExternalProcess process = ExternalProcess.start(new ProcessBuilder("sh", "-c", "echo started; sleep 60; echo never"));
        List<ProcessHandle> tree;
        try (process) {
            tree = waitForChild(process);
            long start = System.nanoTime();
            ExternalProcess.Result result = process.await(Duration.ofSeconds(1));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(result.timedOut(), result.toString());
            assertFalse(result.ok());
            // Far from the 60 s the program runs, with room for a loaded build machine.
            assertTrue(seconds < 15, "took " + seconds + " s");
            assertEquals("started\n", result.output());
        }
        for (ProcessHandle handle : tree) {
            assertFalse(handle.isAlive(), handle.pid() + " still runs");
        }
    }

    @Test
    void runGivesTheExitCodeAndOutputAndCloseStopsTheWholeTree() throws Exception {
        ExternalProcess.Result done = ExternalProcess.run(Duration.ofSeconds(10), null, List.of("sh", "-c", "echo out; echo err >&2; exit 3"));
        assertEquals(3, done.exit());
        assertFalse(done.timedOut());
        assertTrue(done.output().contains("out\n") && done.output().contains("err\n"), done.output());

        // A process that ignores SIGTERM, with a child: close() kills both and waits for them.
        ExternalProcess stubborn = ExternalProcess.start(new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 60 & wait"));
        List<ProcessHandle> tree = waitForChild(stubborn);
        long start = System.nanoTime();
        stubborn.stop(Duration.ofMillis(300));
        assertTrue((System.nanoTime() - start) / 1e9 < 15, "stopping waited for the 60 s sleep");
        tree.forEach(h -> assertFalse(h.isAlive(), h.pid() + " still runs"));
        stubborn.close();
    }

    @Test
    void theOutputKeptIsBounded() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", "head -c 300000 /dev/zero | tr '\\0' 'x'; echo END");
        try (ExternalProcess process = ExternalProcess.start(builder, 1000)) {
            ExternalProcess.Result result = process.await(Duration.ofSeconds(10));
            assertEquals(0, result.exit());
            assertTrue(result.output().startsWith("(299004 bytes of output left out)\n"), result.output().substring(0, 60));
            assertTrue(result.output().endsWith("xxxEND\n"), result.output());
        }
    }

    private static List<ProcessHandle> waitForChild(ExternalProcess process) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (process.tree().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<ProcessHandle> tree = process.tree();
        assertTrue(tree.size() >= 2, "no child started: " + tree);
        return tree;
    }
}
