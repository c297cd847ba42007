package io.github.wso2cluster.testkit;

import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.NodeInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared test inputs: WSO2's reference topology, the sample files, and the real WSO2 files when present. */
public final class Fixtures {
    private Fixtures() {
    }

    public static NodeInput node(String id, String role, String host, String port) {
        NodeInput node = new NodeInput();
        node.setId(id);
        node.setRole(role);
        node.setLocalMemberHost(host);
        node.setLocalMemberPort(port);
        return node;
    }

    /** WSO2's example: manager 10.0.0.2:4100 and worker1 10.0.0.3:4200 well-known, worker2 10.0.0.4:4300. */
    public static ClusterInput referenceCluster() {
        ClusterInput input = new ClusterInput();
        input.domain = "wso2.as.domain";
        input.hostName = "as.wso2.com";
        input.mgtHostName = "mgt.as.wso2.com";
        NodeInput manager = node("manager", "manager", "10.0.0.2", "4100");
        manager.setWellKnown("true");
        NodeInput worker1 = node("worker1", "worker", "10.0.0.3", "4200");
        worker1.setWellKnown("true");
        input.nodes = new ArrayList<>(List.of(manager, worker1, node("worker2", "worker", "10.0.0.4", "4300")));
        return input;
    }

    public static byte[] sampleFile(String relative) throws IOException {
        return Files.readAllBytes(ZipBuilder.sampleDistribution().resolve(relative));
    }

    /** The real WSO2 config sets, vendored under src/test/resources/wso2-conf with their PROVENANCE.md. */
    public static Path referenceRoot() {
        Path root = Path.of(System.getProperty("wso2.reference.dir", "src/test/resources/wso2-conf"));
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the real WSO2 config files are missing at " + root.toAbsolutePath());
        }
        return root;
    }

    /** The real stock WSO2 config sets (each folder that has the file). */
    public static List<Path> referenceSets(String relativeFile) throws IOException {
        Path root = referenceRoot();
        try (Stream<Path> sets = Files.list(root)) {
            return sets.filter(set -> Files.isRegularFile(set.resolve(relativeFile))).sorted().toList();
        }
    }
}
