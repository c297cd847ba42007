package io.github.wso2cluster.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The live heap of some work: while it runs, a sampler forces a full collection every 200 ms and records
 * what is still in use after it. Unlike pool peaks (which count garbage not yet collected) this is the data
 * the work holds. It slows the work down, so it runs on an untimed repetition.
 */
final class LiveHeap {
    private LiveHeap() {
    }

    /** The largest heap in use right after a forced full collection while {@code work} ran, in bytes. */
    static long of(AssemblyBenchmark.Work work) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] max = {0};
        boolean[] done = {false};
        Thread sampler = new Thread(() -> {
            while (!done[0]) {
                System.gc();
                synchronized (max) {
                    max[0] = Math.max(max[0], memory.getHeapMemoryUsage().getUsed());
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            work.run();
        } finally {
            done[0] = true;
            sampler.join();
        }
        synchronized (max) {
            return max[0];
        }
    }
}
