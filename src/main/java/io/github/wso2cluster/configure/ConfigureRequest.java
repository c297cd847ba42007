package io.github.wso2cluster.configure;

import io.github.wso2cluster.output.OutputLayout;
import java.nio.file.Path;

/**
 * Where configure-cluster writes a validated cluster, and from what.
 *
 * @param distribution    the distribution zip, not yet opened
 * @param overlayRoot     the overlay folder ({@code src/main/wso2}), which may not exist, or null
 * @param outputTimestamp {@code project.build.outputTimestamp} as given, or null
 * @param threads         node zips written at once, or null for one per core
 * @param pluginVersion   part of every node's fingerprint: a new plugin version rebuilds every node
 */
public record ConfigureRequest(Path distribution, Path overlayRoot, OutputLayout layout, String outputTimestamp,
                               Integer threads, String pluginVersion) {
}
