package io.github.wso2cluster.verify;

import io.github.wso2cluster.topology.Secret;
import java.nio.file.Path;
import java.util.List;

/**
 * One verify-cluster run, as the user asked for it.
 *
 * @param base            where relative {@code archives} paths start: the project folder, else the current one
 * @param buildDirectory  the project's {@code target/} (for a run without a POM, {@code ./target})
 * @param standalone      whether there is no POM (Maven's stand-in project)
 * @param archives        the {@code archives} parameter as given (comma-separated), or null for this build's zips
 * @param confDirectory   the nodes' configuration directory, or null to take each node's own
 * @param skipChecks      check names not to run; items may hold several names separated by commas
 * @param live            whether to run the live checks too
 * @param liveTimeout     seconds the live cluster may take to form
 * @param hazelcastVersion the Hazelcast release for the live check, or null for the nodes' own
 * @param failOnWarning   whether a warning fails the run
 * @param ignoreFailures  whether failures are only reported, not thrown
 * @param keystorePassword the password of keystores whose configured password is behind the secure vault
 *                        ({@code <secureVault><serverId>}), or null
 */
public record VerifyRequest(Path base, Path buildDirectory, boolean standalone, String archives, String confDirectory,
                            List<String> skipChecks, boolean live, int liveTimeout, String hazelcastVersion,
                            boolean failOnWarning, boolean ignoreFailures, Secret keystorePassword) {
    public VerifyRequest {
        skipChecks = skipChecks == null ? List.of() : skipChecks.stream().filter(s -> s != null).toList();
    }
}
