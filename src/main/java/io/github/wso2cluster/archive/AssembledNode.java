package io.github.wso2cluster.archive;

import java.nio.file.Path;

/** A node zip that was written, with the SHA-256 of its bytes. */
public record AssembledNode(String nodeId, Path zip, String sha256, long size) {
}
