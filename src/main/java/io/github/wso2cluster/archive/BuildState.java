package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.OutputLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last build wrote and whether it still stands: the one owner of {@code target/wso2-cluster/nodes/}.
 * A run whose whole-input fingerprint matches, with every zip untouched, does nothing; otherwise each node
 * whose own fingerprint matches, with its zip untouched, is kept.
 */
final class BuildState {
    private final OutputLayout layout;

    BuildState(OutputLayout layout) {
        this.layout = layout;
    }

    private Path runFile() {
        return layout.state().resolve("cluster.state");
    }

    private Path nodeFile(String nodeId) {
        return layout.state().resolve(nodeId + ".state");
    }

    Path lockFile() {
        return layout.state().resolve("build.lock");
    }

    /**
     * The zips of the previous run, when it had exactly these inputs and every zip and the manifest are still
     * what it wrote: then neither the distribution nor any config file needs to be read.
     */
    Optional<List<AssembledNode>> unchangedRun(String fingerprint, List<String> nodeIds) {
        try {
            if (!Files.isRegularFile(runFile()) || !Files.isRegularFile(layout.manifest())
                    || !Files.readString(runFile(), StandardCharsets.US_ASCII).trim().equals(fingerprint)) {
                return Optional.empty();
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        List<AssembledNode> zips = new ArrayList<>();
        for (String nodeId : nodeIds) {
            Optional<AssembledNode> zip = recorded(nodeId, null);
            if (zip.isEmpty()) {
                return Optional.empty();
            }
            zips.add(zip.get());
        }
        return Optional.of(zips);
    }

    /** The node's zip when the last build wrote it from inputs with this fingerprint (any, when null) and it is untouched. */
    Optional<AssembledNode> recorded(String nodeId, String fingerprint) {
        Path zip = layout.nodeZip(nodeId);
        return NodeState.read(nodeFile(nodeId))
                .filter(state -> (fingerprint == null || state.fingerprint().equals(fingerprint)) && state.matches(zip))
                .map(state -> new AssembledNode(nodeId, zip, state.integrity()));
    }

    /** From here the outputs may change: the old whole-run fingerprint must not outlive them. */
    void forgetRun() throws IOException {
        Files.deleteIfExists(runFile());
    }

    void recordNode(AssembledNode zip, String fingerprint) throws IOException {
        new NodeState(fingerprint, zip.integrity(), Files.getLastModifiedTime(zip.zip()).toMillis())
                .write(nodeFile(zip.nodeId()));
    }

    void recordRun(String fingerprint) throws IOException {
        AtomicFiles.write(runFile(), (fingerprint + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
