package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.verify.facts.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.config.Axis2Clustering;
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
            if (node.file(node.paths().axis2()).isEmpty()) {
                continue; // reported by config-files
            }
            if (node.axis2().clustering().isEmpty()) {
                findings.error(node, node.paths().axis2(),
                        "has no active <clustering> element; restore the stock HazelcastClusteringAgent block");
                continue;
            }
            Located enable = node.axis2().enable();
            if (!"true".equals(enable.value())) {
                findings.error(node, enable, "clustering is disabled ("
                        + (enable.present() ? "enable=\"" + enable.value() + "\"" : "no enable attribute")
                        + "); set enable=\"true\" on <clustering>");
            }
            Located scheme = node.axis2().parameter(Axis2Clustering.MEMBERSHIP_SCHEME);
            if (!"wka".equals(scheme.value())) {
                findings.error(node, scheme, "membershipScheme is " + (scheme.present() ? "'" + scheme.value() + "'" : "missing")
                        + "; set <parameter name=\"membershipScheme\">wka</parameter> (well-known address)");
            }
        }
    }
}
