package io.github.wso2cluster.archive;

import io.github.wso2cluster.output.ZipIntegrity;
import java.nio.file.Path;

/** A node zip that was written, with what cluster.json records to recognise it. */
public record AssembledNode(String nodeId, Path zip, ZipIntegrity integrity) {
}
