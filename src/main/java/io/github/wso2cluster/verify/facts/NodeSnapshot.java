package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import java.util.List;
import java.util.Map;

/**
 * What verify-cluster takes from one node zip or folder, before any parsing: the product it is, its config files
 * (by path under the top folder), its {@code cluster/node.properties}, and the file names of its Hazelcast bundles.
 *
 * @param nodeProperties the bytes of {@code cluster/node.properties}, or null when the node has none
 */
public record NodeSnapshot(String name, String source, Product product, Map<String, byte[]> files,
                           byte[] nodeProperties, List<String> hazelcastBundles) {
    public NodeSnapshot {
        files = Map.copyOf(files);
        hazelcastBundles = List.copyOf(hazelcastBundles);
    }

    /**
     * A node known only by its files (tests, nodes built by hand): recognised from them, as a generic Carbon 4.x
     * product, XML or deployment.toml by whether its {@code deployment.toml} is there.
     */
    public static NodeSnapshot of(String name, String source, ConfigPaths paths, Map<String, byte[]> files,
                                  byte[] nodeProperties, List<String> hazelcastBundles) {
        return new NodeSnapshot(name, source, Product.recognise("", paths, files::containsKey), files, nodeProperties,
                hazelcastBundles);
    }

    public ConfigPaths paths() {
        return product.paths();
    }

    /** The same node under another name (its node.properties id). */
    public NodeSnapshot named(String id) {
        return new NodeSnapshot(id, source, product, files, nodeProperties, hazelcastBundles);
    }

    public boolean isToml() {
        return product.format() == ConfigFormat.TOML;
    }
}
