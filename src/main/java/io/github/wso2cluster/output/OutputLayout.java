package io.github.wso2cluster.output;

import java.nio.file.Path;

/**
 * Where the plugin's outputs go, spelled once: node zips straight in the build directory
 * ({@code <finalName>-<node id>.zip}, attached by Maven), everything else in {@code wso2-cluster/} beside them.
 */
public record OutputLayout(Path buildDirectory, String finalName) {
    public static final String FOLDER = "wso2-cluster";

    /** {@code target/wso2-cluster}: cluster.json, the reports, the unpacked distribution, the build state. */
    public Path work() {
        return buildDirectory.resolve(FOLDER);
    }

    public Path manifest() {
        return work().resolve(ClusterManifest.FILE);
    }

    /** What the last build recorded about its inputs and outputs (for the incremental build). */
    public Path state() {
        return work().resolve("nodes");
    }

    /** The cached SHA-256 of the distribution, keyed by its size and time. */
    public Path distributionDigest() {
        return work().resolve("distribution.sha256");
    }

    /** The product the distribution was recognised as, with its size and time (see ProductCache). */
    public Path distributionProduct() {
        return work().resolve("distribution.product");
    }

    public Path nodeZip(String nodeId) {
        return buildDirectory.resolve(finalName + "-" + nodeId + ".zip");
    }

    /** The text and JUnit reports' folder. */
    /** The generated nginx configuration ({@code loadBalancer}), attached with classifier nginx. */
    public Path nginxConfig() {
        return work().resolve("nginx").resolve("wso2-cluster.conf");
    }

    public Path reports() {
        return work();
    }
}
