package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Locations;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;

/** Exactly one members list; fewer than two entries is a single point of failure. */
public final class MembersBlockCheck implements Check {
    @Override
    public String name() {
        return "members-block";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            if (!node.settings().hasClustering()) {
                continue;
            }
            Locations in = node.settings().locations();
            List<Located> blocks = node.settings().membersBlocks();
            int entries = node.settings().memberEntries().size();
            if (blocks.isEmpty()) {
                findings.error(node, node.settings().clusteringEnabled(), in.name(Setting.CLUSTERING) + " has no "
                        + in.name(Setting.MEMBERS) + " list; with wka a node finds the cluster only through it: add the"
                        + " well-known members");
            } else if (blocks.size() > 1) {
                findings.error(node, blocks.get(1), blocks.size() + " " + in.name(Setting.MEMBERS) + " elements; keep"
                        + " exactly one (Carbon reads one list and the others mislead whoever reads the file)");
            }
            if (!blocks.isEmpty() && entries < 2) {
                findings.warning(node, blocks.get(0), entries + " well-known member(s): when it is"
                        + " down no node can join; WSO2 advises at least two, the manager among them");
            }
        }
    }
}
