package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Locations;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.settings.NodeSettings;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;

/** Clustering is on, with well-known-address membership, on every node. */
public final class ClusteringEnabledCheck implements Check {
    @Override
    public String name() {
        return "clustering-enabled";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            NodeSettings settings = node.settings();
            Locations in = settings.locations();
            if (!settings.readable(Setting.CLUSTERING)) {
                continue; // reported by config-files
            }
            if (!settings.hasClustering()) {
                findings.error(node, settings.fileOf(Setting.CLUSTERING),
                        "has no active <clustering> element; restore the stock HazelcastClusteringAgent block");
                continue;
            }
            Located enable = settings.clusteringEnabled();
            if (!"true".equals(enable.value())) {
                findings.error(node, enable, "clustering is disabled (" + in.state(Setting.CLUSTERING_ENABLED, enable)
                        + "); set " + in.assignment(Setting.CLUSTERING_ENABLED, "true"));
            }
            Located scheme = settings.clustering(Setting.MEMBERSHIP_SCHEME);
            if (!"wka".equals(scheme.value())) {
                findings.error(node, scheme, in.name(Setting.MEMBERSHIP_SCHEME) + " is "
                        + (scheme.present() ? "'" + scheme.value() + "'" : "missing") + "; set "
                        + in.assignment(Setting.MEMBERSHIP_SCHEME, "wka") + " (well-known address)");
            }
        }
    }
}
