package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.product.ProductLine;
import java.util.List;
import java.util.Optional;

/**
 * A validated cluster: everything configure-cluster needs, with every default applied.
 *
 * @param wellKnownMembers the list every node's axis2.xml gets (explicit, or derived from the nodes)
 * @param proxyPorts       null when not configured
 * @param deploymentSynchronizer null when not configured (carbon.xml's block is then left alone)
 * @param confDirectory    the configuration directory the POM chose (relative to the top folder), or null to detect it
 * @param databases        the shared databases, or null when not configured
 * @param loadBalancer     the nginx load balancer, or null when not configured
 * @param tomlEdits        deployment.toml edits for every node (deployment.toml products only)
 * @param secureVault      the secure vault, or null: passwords are then written in clear text
 * @param productLine      the POM's {@code <product>}, overriding the recognised line; null to recognise it
 * @param taskNodes        the Micro Integrator nodes that run scheduled tasks ({@code <taskNodes>}); empty: all
 */
public record Cluster(String domain, String membershipScheme, List<MemberAddress> wellKnownMembers,
                      ProxyPorts proxyPorts, DeploymentSynchronizer deploymentSynchronizer,
                      List<String> hostsEntries, List<Node> nodes, List<XmlEdit> xmlEdits,
                      String confDirectory, Databases databases, LoadBalancer loadBalancer,
                      List<TomlEdit> tomlEdits, SecureVault secureVault, ProductLine productLine,
                      List<String> taskNodes) {

    public Cluster {
        wellKnownMembers = List.copyOf(wellKnownMembers);
        hostsEntries = List.copyOf(hostsEntries);
        nodes = List.copyOf(nodes);
        xmlEdits = List.copyOf(xmlEdits);
        tomlEdits = List.copyOf(tomlEdits);
        taskNodes = List.copyOf(taskNodes);
    }

    /** A cluster of the product the distribution is, with no secure vault and no task nodes. */
    public Cluster(String domain, String membershipScheme, List<MemberAddress> wellKnownMembers, ProxyPorts proxyPorts,
                   DeploymentSynchronizer deploymentSynchronizer, List<String> hostsEntries, List<Node> nodes,
                   List<XmlEdit> xmlEdits, String confDirectory, Databases databases, LoadBalancer loadBalancer,
                   List<TomlEdit> tomlEdits) {
        this(domain, membershipScheme, wellKnownMembers, proxyPorts, deploymentSynchronizer, hostsEntries, nodes, xmlEdits,
                confDirectory, databases, loadBalancer, tomlEdits, null, null, List.of());
    }

    /**
     * The one node whose deployment synchronizer commits to SVN: the first manager in {@code nodes} order.
     * Two committers conflict in SVN, so every other node, further managers included, only checks out.
     */
    public Node committer() {
        return nodes.stream().filter(Node::isManager).findFirst()
                .orElseThrow(() -> new IllegalStateException("a validated cluster has a manager"));
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }
}
