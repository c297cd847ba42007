package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.topology.PortPlan;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Co-hosted nodes (same localMemberHost) share no port once offsets apply: HTTP, HTTPS, JMX, member port. The
 * rule is {@link PortPlan}'s, the one configure-cluster applies before it writes.
 */
public final class PortConflictCheck implements Check {
    @Override
    public String name() {
        return "port-conflicts";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<PortPlan, NodeFacts> plans = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            plans.put(node.portPlan(), node);
        }
        for (PortPlan.Clash clash : PortPlan.clashes(List.copyOf(plans.keySet()))) {
            NodeFacts node = plans.get(clash.node());
            Located offset = node.settings().server(Setting.PORT_OFFSET);
            findings.error(node, offset.present() ? offset : node.settings().clustering(Setting.LOCAL_MEMBER_HOST),
                    clash.describe() + "; give co-hosted nodes different portOffsets and localMemberPorts");
        }
    }
}
