package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.verify.facts.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;

/** Exactly one {@code <members>} element; fewer than two entries is a single point of failure. */
public final class MembersBlockCheck implements Check {
    @Override
    public String name() {
        return "members-block";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        for (NodeFacts node : nodes) {
            if (node.axis2().clustering().isEmpty()) {
                continue;
            }
            List<Located> blocks = node.axis2().membersBlocks();
            if (blocks.isEmpty()) {
                findings.error(node, node.axis2().enable(), "<clustering> has no <members> list; with wka a node"
                        + " finds the cluster only through it: add the well-known members");
            } else if (blocks.size() > 1) {
                findings.error(node, blocks.get(1), blocks.size() + " <members> elements; keep exactly one (Carbon"
                        + " reads one list and the others mislead whoever reads the file)");
            }
            if (!blocks.isEmpty() && node.axis2().memberEntries().size() < 2) {
                findings.warning(node, blocks.get(0), node.axis2().memberEntries().size() + " well-known member(s): when it is"
                        + " down no node can join; WSO2 advises at least two, the manager among them");
            }
        }
    }
}
