package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** No two nodes advertise the same host:port (the second would silently move to another port). */
public final class UniqueMembersCheck implements Check {
    @Override
    public String name() {
        return "unique-member-address";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<MemberAddress, String> seen = new HashMap<>();
        for (NodeFacts node : nodes) {
            node.memberAddress().ifPresent(address -> {
                String other = seen.putIfAbsent(address, node.name());
                if (other != null) {
                    findings.error(node, node.settings().clustering(Setting.LOCAL_MEMBER_PORT), "member address " + address
                            + " is also node '" + other + "''s; Hazelcast moves the second node to another port and"
                            + " well-known entries miss it: give each co-hosted node its own "
                            + node.settings().locations().name(Setting.LOCAL_MEMBER_PORT));
                }
            });
        }
    }
}
