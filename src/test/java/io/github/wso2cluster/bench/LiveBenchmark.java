package io.github.wso2cluster.bench;

import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.verify.live.LiveCluster;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeFiles;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long the live check takes for 3 and 10 nodes with each Hazelcast line (run by mvn -Pbench install,
 * after the assembly benchmark; the Hazelcast jars come from target/hazelcast).
 */
public final class LiveBenchmark {

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of("target/bench/live").toAbsolutePath());
        Path sample = Path.of("src/example/distribution/src/main/dist/wso2as-5.2.1").toAbsolutePath();
        Path zip = ZipBuilder.create().folder(sample, "wso2as-5.2.1").write(work.resolve("dist.zip"));
        StringBuilder table = new StringBuilder("| Hazelcast | nodes | live check (s) | result |\n|---|---|---|---|\n");
        for (String version : List.of("3.0.1", "3.2.6", "3.5.5", "3.12.2")) {
            for (int count : List.of(3, 10)) {
                Path out = work.resolve(version + "-" + count);
                ClusterAssembly.Result result = new ClusterAssembly(Reporter.SILENT).assemble(cluster(count),
                        new ClusterAssembly.Request(zip, Digests.sha256(zip), null, new OutputLayout(out, "live"),
                                new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true, 2, "bench"));
                List<NodeFacts> nodes = new ArrayList<>();
                for (var node : result.zips()) {
                    nodes.add(NodeFiles.read(node.zip()));
                }
                Path jar = Path.of("target/hazelcast/hazelcast-" + version + ".jar");
                try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                        ClassLoader.getPlatformClassLoader())) {
                    long start = System.nanoTime();
                    LiveCluster.Outcome outcome = new LiveCluster(Reporter.SILENT).run(nodes, loader, Duration.ofSeconds(60));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    String row = String.format(Locale.ROOT, "| %s | %d | %.1f | %s |", version, count, seconds, outcome.summary());
                    System.out.println(row);
                    table.append(row).append('\n');
                }
            }
        }
        Files.writeString(work.resolve("results.md"), table);
        System.out.println(table);
    }

    /** Two managers well-known, the rest workers, on distinct hosts. */
    static Cluster cluster(int count) throws Exception {
        ClusterInput input = new ClusterInput();
        input.domain = "bench.live";
        for (int i = 0; i < count; i++) {
            NodeInput node = new NodeInput();
            node.setId("node" + i);
            node.setRole(i < 2 ? "manager" : "worker");
            node.setWellKnown(String.valueOf(i < 2));
            node.setLocalMemberHost("10.2.0." + (i + 1));
            node.setLocalMemberPort(String.valueOf(4100 + i));
            input.nodes.add(node);
        }
        return new TopologyValidator(CredentialSource.NONE).validate(input);
    }
}
