package io.github.wso2cluster.bench;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.Distribution;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.archive.Unpacker;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.topology.Cluster;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * One round of what a user waits for, in a fresh JVM as in a Maven build: {@code unpack} then
 * {@code configure-cluster} of N nodes, timed from the first call (JVM start-up excluded, class loading and
 * JIT warm-up included). Uses only API the previous releases have too, so the benchmark can run it against
 * the previous code's classes ({@code -Dbench.previous=}). Prints the seconds.
 */
public final class UserViewRound {
    private UserViewRound() {
    }

    /** @param args the distribution zip, its SHA-256, the node count, the output folder */
    public static void main(String[] args) throws Exception {
        Path zip = Path.of(args[0]);
        Path out = Path.of(args[3]);
        long start = System.nanoTime();
        Cluster cluster = AssemblyBenchmark.cluster(Integer.parseInt(args[2]));
        new Unpacker().unpack(Distribution.open(zip), args[1], out.resolve("wso2-cluster/distribution"));
        new ClusterAssembly(Reporter.SILENT).assemble(cluster, new ClusterAssembly.Request(zip, args[1], null,
                new OutputLayout(out, "bench"), new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true,
                Runtime.getRuntime().availableProcessors(), "bench"));
        System.out.printf(Locale.ROOT, "%.4f%n", (System.nanoTime() - start) / 1e9);
    }
}
