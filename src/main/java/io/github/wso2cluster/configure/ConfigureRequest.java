package io.github.wso2cluster.configure;

import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.DriverSource;
import io.github.wso2cluster.topology.input.ClusterInput;
import java.nio.file.Path;

/**
 * One configure-cluster run, as the user asked for it.
 *
 * @param input           the cluster description, as the POM gives it (not yet validated)
 * @param credentials     settings.xml's servers, decrypted
 * @param drivers         resolves {@code databases/driver} coordinates to jars
 * @param overlayRoot     the overlay folder ({@code src/main/wso2}), which may not exist
 * @param outputTimestamp {@code project.build.outputTimestamp} as given, or null
 * @param threads         node zips written at once, or null for one per core
 * @param pluginVersion   part of every node's fingerprint: a new plugin version rebuilds every node
 */
public record ConfigureRequest(ClusterInput input, CredentialSource credentials, DriverSource drivers, Path overlayRoot,
                               OutputLayout layout, String outputTimestamp, Integer threads,
                               String pluginVersion) {
}
