package io.github.wso2cluster.archive;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs tasks on daemon threads, a few at once, and throws the first failure as it was thrown. An error that
 * escapes a task's future (an OutOfMemoryError can) would leave that future unfinished and the build waiting
 * for ever: the threads report such errors, and waiting stops at the first.
 */
final class Workers {
    private Workers() {
    }

    static <T> List<T> run(String name, int threads, List<Callable<T>> tasks) throws ArchiveException, IOException {
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> escaped.compareAndSet(null, e));
            return thread;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(await(future, escaped));
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ArchiveException archive) {
                throw archive;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted (" + name + ")", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(Future<T> future, AtomicReference<Throwable> escaped)
            throws ExecutionException, InterruptedException {
        while (true) {
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (escaped.get() != null) {
                    throw new ExecutionException(escaped.get());
                }
            }
        }
    }
}
