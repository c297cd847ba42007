package io.github.wso2cluster.verify.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the plugin (and its test kit) runs an external program: its output drained on a thread into a
 * bounded buffer (so a chatty program never blocks on a full pipe and a timeout can fire), a timeout that really
 * fires, and a stop that takes the whole process tree (nginx's workers, a shell's children) and waits for it. A
 * shutdown hook does the same when the JVM ends first (Ctrl-C, SIGTERM); {@link #close()} always stops it.
 */
public final class ExternalProcess implements AutoCloseable {
    /** Output kept by default: the last 1 MB (a program's error is at its end). */
    public static final int DEFAULT_OUTPUT_LIMIT = 1 << 20;
    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration HOOK_GRACE = Duration.ofSeconds(2);

    private final Process process;
    private final String name;
    private final Tail output;
    private final Thread drainer;
    private final Thread hook;

    /** A finished (or timed-out, then stopped) run: exit code (-1 on timeout) and the output kept. */
    public record Result(int exit, boolean timedOut, String output) {
        public boolean ok() {
            return !timedOut && exit == 0;
        }
    }

    private ExternalProcess(Process process, String name, Tail output) {
        this.process = process;
        this.name = name;
        this.output = output;
        if (output != null) {
            drainer = new Thread(() -> output.drain(process.getInputStream()), "output-of-" + name);
            drainer.setDaemon(true);
            drainer.start();
        } else {
            drainer = null;
        }
        hook = new Thread(() -> stop(HOOK_GRACE), "stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts {@code builder} with the default output limit. */
    public static ExternalProcess start(ProcessBuilder builder) throws IOException {
        return start(builder, DEFAULT_OUTPUT_LIMIT);
    }

    /**
     * Starts {@code builder}. Standard error goes with standard output unless the builder redirects it; output
     * left in a pipe is drained into a buffer of at most {@code outputLimit} bytes (the last ones are kept).
     * Output the builder sends to a file or inherits is left alone.
     */
    public static ExternalProcess start(ProcessBuilder builder, int outputLimit) throws IOException {
        if (builder.redirectError() == ProcessBuilder.Redirect.PIPE) {
            builder.redirectErrorStream(true);
        }
        boolean piped = builder.redirectOutput() == ProcessBuilder.Redirect.PIPE;
        String name = Path.of(builder.command().get(0)).getFileName().toString();
        Process process = builder.start();
        return new ExternalProcess(process, name, piped ? new Tail(outputLimit) : null);
    }

    /** Runs {@code command} in {@code dir} to its end, or stops it (and its children) after {@code timeout}. */
    public static Result run(Duration timeout, Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        try (ExternalProcess process = start(builder)) {
            return process.await(timeout);
        }
    }

    /**
     * Waits for the end, at most {@code timeout}; past it the process tree is killed and the result says so.
     * An interrupt stops the tree too, then is passed on.
     */
    public Result await(Duration timeout) throws InterruptedException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ZERO);
                return new Result(-1, true, output());
            }
        } catch (InterruptedException e) {
            stop(Duration.ZERO);
            throw e;
        }
        if (drainer != null) {
            // A grandchild may hold the pipe open after the process ended: never wait on it for long.
            drainer.join(2000);
        }
        return new Result(process.exitValue(), false, output());
    }

    /** The output kept so far (empty when the builder redirected it). */
    public String output() {
        return output == null ? "" : output.text();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The process and its descendants now (nginx: the master and its workers). */
    public List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        return tree;
    }

    /** What the shutdown hook does when the JVM ends before {@link #close()}: stop the whole tree. */
    void onShutdown() {
        stop(HOOK_GRACE);
    }

    /**
     * Stops the process and every descendant: SIGTERM to the process (nginx: a fast shutdown that takes its workers
     * along), and once {@code grace} is over SIGKILL to whatever of the tree is left, then waits for each.
     * The descendants are listed first: once their parent is gone they are no longer its descendants.
     */
    public void stop(Duration grace) {
        stopTree(process.toHandle(), grace);
    }

    /** {@link #stop(Duration)} for any process (a stale nginx a killed build left). */
    static void stopTree(ProcessHandle root, Duration grace) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        if (!grace.isZero()) {
            root.destroy();
            long deadline = System.nanoTime() + grace.toNanos();
            while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                root.descendants().forEach(tree::add);
                sleep(20);
            }
        }
        root.descendants().forEach(tree::add);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                // SIGKILL cannot be refused; a process that outlives 5 s is a zombie of another parent
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the tree (after a grace of 5 s) and forgets the shutdown hook. */
    @Override
    public void close() {
        close(GRACE);
    }

    /** Stops the tree, SIGKILL after {@code grace} (a database flushing its files may need longer), and forgets the hook. */
    public void close(Duration grace) {
        stop(grace);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook stops the tree
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    /** The last {@code limit} bytes a stream gave. */
    private static final class Tail {
        private final int limit;
        /** Grows up to {@code limit}, then is written round. */
        private byte[] ring = new byte[8192];
        private long total;

        Tail(int limit) {
            this.limit = Math.max(1, limit);
        }

        void drain(InputStream in) {
            byte[] chunk = new byte[8192];
            try (in) {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    append(chunk, n);
                }
            } catch (IOException e) {
                // the process is gone (or was stopped): what was read is kept
            }
        }

        private synchronized void append(byte[] chunk, int n) {
            if (total + n > ring.length && ring.length < limit) {
                ring = java.util.Arrays.copyOf(ring, (int) Math.min(limit, Math.max(2L * ring.length, total + n)));
            }
            for (int i = 0; i < n; i++) {
                ring[(int) (total++ % limit)] = chunk[i];
            }
        }

        synchronized String text() {
            if (total <= limit) {
                return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
            }
            int start = (int) (total % limit);
            byte[] ordered = new byte[limit];
            System.arraycopy(ring, start, ordered, 0, limit - start);
            System.arraycopy(ring, 0, ordered, limit - start, start);
            return "(" + (total - limit) + " bytes of output left out)\n" + new String(ordered, StandardCharsets.UTF_8);
        }
    }
}
