package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.output.Digests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the nodes verify-cluster checks. A node that cannot be read, or whose zip is no longer the one
 * configure-cluster recorded, is still a node: its {@code config-files} case says why, and the reports are
 * written as always.
 */
public final class NodeReader {
    private final String confDirectory;

    /** @param confDirectory the nodes' configuration directory, or null to take it from each node */
    public NodeReader(String confDirectory) {
        this.confDirectory = confDirectory;
    }

    /**
     * @param expectedSha256 the SHA-256 cluster.json records for a zip (this build's nodes); nodes missing from
     *                       the map (given with {@code archives}) are read as they are
     */
    public List<NodeFacts> read(List<Path> nodes, Map<Path, String> expectedSha256) {
        List<NodeFacts> facts = new ArrayList<>();
        for (Path node : nodes) {
            try {
                NodeFacts read = NodeFiles.read(node, confDirectory);
                String expected = expectedSha256.get(node);
                String actual = expected == null ? null : Digests.sha256(node);
                if (expected != null && !actual.equalsIgnoreCase(expected)) {
                    read = NodeFacts.unreadable(read.name(), node.toString(), node.getFileName() + " is not the zip"
                            + " configure-cluster wrote (its SHA-256 " + actual + " differs from " + expected
                            + " in cluster.json): another build replaced or damaged it; build again");
                }
                facts.add(read);
            } catch (IOException e) {
                facts.add(NodeFiles.unreadable(node, e.getMessage()));
            }
        }
        return facts;
    }
}
