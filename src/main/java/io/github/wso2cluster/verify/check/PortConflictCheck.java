package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.verify.facts.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.config.Axis2Clustering;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Co-hosted nodes (same localMemberHost) share no port once offsets apply: HTTP, HTTPS, JMX, member port. */
public final class PortConflictCheck implements Check {
    @Override
    public String name() {
        return "port-conflicts";
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<String, Map<Integer, String>> usedByHost = new HashMap<>();
        for (NodeFacts node : nodes) {
            Located host = node.axis2().parameter(Axis2Clustering.LOCAL_MEMBER_HOST);
            if (!host.present() || host.value().isBlank()) {
                continue;
            }
            Map<Integer, String> used = usedByHost.computeIfAbsent(host.value().trim().toLowerCase(Locale.ROOT),
                    h -> new HashMap<>());
            for (Map.Entry<String, Integer> port : node.openPorts().entrySet()) {
                String other = used.get(port.getValue());
                if (other != null && !other.endsWith("node '" + node.name() + "'")) {
                    findings.error(node, node.carbon().offset().present() ? node.carbon().offset() : host,
                            "its " + port.getKey() + " port " + port.getValue() + " is also the " + other
                                    + " on the same host " + host.value().trim()
                                    + "; give co-hosted nodes different portOffsets and localMemberPorts");
                }
            }
            for (Map.Entry<String, Integer> port : node.openPorts().entrySet()) {
                used.putIfAbsent(port.getValue(), port.getKey() + " port of node '" + node.name() + "'");
            }
        }
    }
}
