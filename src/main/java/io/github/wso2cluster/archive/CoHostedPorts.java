package io.github.wso2cluster.archive;

import io.github.wso2cluster.product.Locations;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.settings.NodeSettings;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.PortPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Co-hosted nodes must not open the same port. The POM-time rule assumes the stock ports; this one runs on the
 * configured nodes, before anything is written, with the {@link PortPlan} each node's configured files give (the
 * one verify-cluster computes from the finished zips), so configure-cluster never writes a cluster that
 * verify-cluster refuses for a port clash.
 */
final class CoHostedPorts {
    private CoHostedPorts() {
    }

    /** @param settings each node's configured settings, by node id, in the cluster's order */
    static List<String> problems(Product product, Map<String, NodeSettings> settings, Map<String, Node> byId) {
        Map<PortPlan, NodeSettings> plans = new LinkedHashMap<>();
        settings.forEach((id, node) -> plans.put(node.portPlan(id), node));
        List<String> problems = new ArrayList<>();
        for (PortPlan.Clash clash : PortPlan.clashes(List.copyOf(plans.keySet()))) {
            Node node = byId.get(clash.node().node());
            problems.add("node '" + node.id() + "': its " + clash.use() + " port " + clash.port() + " ("
                    + origin(product, plans.get(clash.node()), clash.use(), node) + ") is also the port of node '"
                    + clash.other().node() + "' (" + clash.otherUse() + ") on the same host " + node.localMemberHost()
                    + "; give co-hosted nodes portOffsets and localMemberPorts that keep their ports apart");
        }
        return problems;
    }

    /** Where a port comes from, in the node's own file's terms: "catalina-server.xml's connector port plus portOffset 2". */
    private static String origin(Product product, NodeSettings settings, String use, Node node) {
        Locations in = product.locations();
        Setting setting = switch (use) {
            case PortPlan.HTTP -> Setting.HTTP_PORT;
            case PortPlan.HTTPS -> Setting.HTTPS_PORT;
            case PortPlan.JMX_REGISTRY -> Setting.JMX_REGISTRY_PORT;
            case PortPlan.JMX_SERVER -> Setting.JMX_SERVER_PORT;
            default -> null;
        };
        if (setting == null) {
            return "its localMemberPort, which no offset shifts";
        }
        String file = settings.fileOf(setting);
        String name = product.isToml() ? in.name(setting)
                : setting == Setting.HTTP_PORT || setting == Setting.HTTPS_PORT ? "connector port" : in.name(setting);
        return file.substring(file.lastIndexOf('/') + 1) + "'s " + name + " plus portOffset " + node.portOffset();
    }
}
