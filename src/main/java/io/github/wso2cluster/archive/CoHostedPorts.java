package io.github.wso2cluster.archive;

import io.github.wso2cluster.config.CatalinaServer;
import io.github.wso2cluster.topology.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Co-hosted nodes must not open the same web port. The POM-time rule assumes the stock connector ports
 * (9763, 9443); this one runs on the configured nodes, before anything is written, with the ports each node's
 * catalina-server.xml really has plus its offset, so a product with other connector ports is checked too.
 */
final class CoHostedPorts {
    private CoHostedPorts() {
    }

    static List<String> problems(List<NodeArchive> nodes, Map<String, Node> byId) {
        List<String> problems = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        for (NodeArchive archive : nodes) {
            Node node = byId.get(archive.nodeId());
            CatalinaServer.WebPorts ports = archive.configuration().ports();
            String host = node.localMemberHost().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Integer> port : List.of(Map.entry("HTTP", ports.http()), Map.entry("HTTPS", ports.https()))) {
                String key = host + ":" + port.getValue();
                String other = used.putIfAbsent(key, "node '" + node.id() + "' (" + port.getKey() + ")");
                if (other != null) {
                    problems.add("node '" + node.id() + "': its " + port.getKey() + " port " + port.getValue()
                            + " (catalina-server.xml's connector port plus portOffset " + node.portOffset() + ") is also"
                            + " the port of " + other + " on the same host " + node.localMemberHost()
                            + "; give co-hosted nodes portOffsets that keep their ports apart");
                }
            }
        }
        return problems;
    }
}
