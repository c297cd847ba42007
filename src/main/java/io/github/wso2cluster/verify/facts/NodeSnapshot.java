package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.config.ConfigPaths;
import java.util.List;
import java.util.Map;

/**
 * What verify-cluster takes from one node zip or folder, before any parsing: its config files (by path under
 * the top folder), its {@code cluster/node.properties}, and the file names of its Hazelcast bundles.
 *
 * @param nodeProperties the bytes of {@code cluster/node.properties}, or null when the node has none
 */
public record NodeSnapshot(String name, String source, ConfigPaths paths, Map<String, byte[]> files,
                           byte[] nodeProperties, List<String> hazelcastBundles) {
    public NodeSnapshot {
        files = Map.copyOf(files);
        hazelcastBundles = List.copyOf(hazelcastBundles);
    }
}
