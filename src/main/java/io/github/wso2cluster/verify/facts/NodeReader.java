package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.output.ZipIntegrity;
import java.io.IOException;
import java.nio.file.Files;
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
     * @param recorded what cluster.json records of a zip (this build's nodes); nodes missing from the map (given
     *                 with {@code archives}) are read as they are
     */
    public List<NodeFacts> read(List<Path> nodes, Map<Path, ZipIntegrity> recorded) {
        List<NodeFacts> facts = new ArrayList<>();
        for (Path node : nodes) {
            NodeFacts read = null;
            String failure = null;
            try {
                read = NodeFiles.read(node, confDirectory);
            } catch (IOException e) {
                failure = e.getMessage();
            }
            // Checked even when the node cannot be read: a zip damaged since the build is named as such.
            ZipIntegrity expected = recorded.get(node);
            try {
                String problem = expected == null || !Files.isRegularFile(node) ? null : expected.problem(node);
                if (problem != null) {
                    failure = node.getFileName() + " is not the zip configure-cluster wrote (" + problem
                            + " in cluster.json): another build replaced or damaged it; build again";
                }
            } catch (IOException e) {
                failure = node + " cannot be read: " + e.getMessage();
            }
            if (failure == null) {
                facts.add(read);
            } else {
                facts.add(read == null ? NodeFiles.unreadable(node, failure)
                        : NodeFacts.unreadable(read.name(), node.toString(), failure));
            }
        }
        return facts;
    }
}
