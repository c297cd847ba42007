package io.github.wso2cluster.topology;

import java.util.List;

/**
 * A validated node.
 *
 * @param hostName    carbon.xml HostName (the node's override, else the cluster's), or null to leave alone
 * @param mgtHostName carbon.xml MgtHostName for a manager, or null to leave alone
 * @param portOffsetGiven whether the POM gave {@code portOffset} (else 0 replaces whatever the distribution ships,
 *                        which configure-cluster says in a warning when that was not 0)
 * @param subDomainGiven  whether the POM gave {@code subDomain} (deployment.toml products have none to set)
 * @param nodeHostName    the node's own {@code hostName}, or null: API Manager peers reach the node under it
 *                        (the cluster-wide one is the load balancer's name)
 */
public record Node(String id, Role role, String localMemberHost, int localMemberPort, int portOffset,
                   boolean portOffsetGiven, boolean wellKnown, String subDomain, boolean subDomainGiven, String hostName,
                   String mgtHostName, List<XmlEdit> xmlEdits, String nodeHostName) {

    public Node {
        xmlEdits = List.copyOf(xmlEdits);
    }

    /** The address other members use to reach this node. */
    public MemberAddress memberAddress() {
        return MemberAddress.of(localMemberHost, localMemberPort);
    }

    /** The name API Manager peers reach this node under: its own hostName, else its localMemberHost. */
    public String peerHost() {
        return nodeHostName != null ? nodeHostName : localMemberHost;
    }

    /** A manager, or a node of a product whose nodes are all alike: it serves the console and may commit. */
    public boolean isManager() {
        return role.servesConsole();
    }
}
