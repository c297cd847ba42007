package io.github.wso2cluster.archive;

import io.github.wso2cluster.config.NodeConfiguration;
import java.nio.file.Path;

/** One node zip to write: its configuration, overlay and output path. */
public record NodeArchive(String nodeId, NodeConfiguration configuration, Overlay overlay, Path output) {
}
