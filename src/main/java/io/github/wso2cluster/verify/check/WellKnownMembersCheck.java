package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.topology.Role;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The well-known lists: every entry (ranges expanded) is a node of this cluster, a manager is among them,
 * and every node has the same list.
 */
public final class WellKnownMembersCheck implements Check {
    @Override
    public String name() {
        return "well-known-members";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<MemberAddress, NodeFacts> byAddress = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            node.memberAddress().ifPresent(a -> byAddress.putIfAbsent(a, node));
        }
        Set<MemberAddress> reference = null;
        String referenceNode = null;
        for (NodeFacts node : nodes) {
            if (!node.settings().hasClustering() || node.settings().membersBlocks().isEmpty()) {
                continue;
            }
            Set<MemberAddress> expanded = new LinkedHashSet<>();
            boolean managerListed = false;
            for (Located entry : node.settings().memberEntries()) {
                MemberAddress.Parsed parsed = MemberAddress.parse(entry.value());
                if (!parsed.ok()) {
                    findings.error(node, entry, "member entry " + parsed.problem());
                    continue;
                }
                boolean matched = false;
                for (MemberAddress address : parsed.address().expand()) {
                    expanded.add(address);
                    NodeFacts target = byAddress.get(address);
                    if (target != null) {
                        matched = true;
                        managerListed |= target.role().map(Role::servesConsole).orElse(false);
                    }
                }
                if (!matched) {
                    findings.error(node, entry, "well-known member " + entry.value() + " matches no node of this cluster"
                            + " (nodes are " + byAddress.keySet() + "); point it at a node's localMemberHost:localMemberPort");
                }
            }
            if (!managerListed && !node.settings().memberEntries().isEmpty()) {
                findings.error(node, node.settings().membersBlocks().get(0), "no manager among the well-known members; list a"
                        + " manager (the deployment synchronizer finds it through this list)");
            }
            if (reference == null) {
                reference = expanded;
                referenceNode = node.name();
            } else if (!reference.equals(expanded)) {
                findings.error(node, node.settings().membersBlocks().get(0), "the member list " + expanded + " differs from node '"
                        + referenceNode + "''s " + reference + "; give every node the same list");
            }
        }
    }
}
