package io.github.wso2cluster.topology;

import java.util.List;
import java.util.Optional;

/**
 * A validated cluster: everything configure-cluster needs, with every default applied.
 *
 * @param wellKnownMembers the list every node's axis2.xml gets (explicit, or derived from the nodes)
 * @param proxyPorts       null when not configured
 * @param deploymentSynchronizer null when not configured (carbon.xml's block is then left alone)
 */
public record Cluster(String domain, String membershipScheme, List<MemberAddress> wellKnownMembers,
                      ProxyPorts proxyPorts, DeploymentSynchronizer deploymentSynchronizer,
                      List<String> hostsEntries, List<Node> nodes, List<XmlEdit> xmlEdits) {

    public Cluster {
        wellKnownMembers = List.copyOf(wellKnownMembers);
        hostsEntries = List.copyOf(hostsEntries);
        nodes = List.copyOf(nodes);
        xmlEdits = List.copyOf(xmlEdits);
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }
}
