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
 */
public record Node(String id, Role role, String localMemberHost, int localMemberPort, int portOffset,
                   boolean portOffsetGiven, boolean wellKnown, String subDomain, boolean subDomainGiven, String hostName,
                   String mgtHostName, List<XmlEdit> xmlEdits) {

    public Node {
        xmlEdits = List.copyOf(xmlEdits);
    }

    /** The address other members use to reach this node. */
    public MemberAddress memberAddress() {
        return MemberAddress.of(localMemberHost, localMemberPort);
    }

    /** A manager, or a node of a product whose nodes are all alike: it serves the console and may commit. */
    public boolean isManager() {
        return role.servesConsole();
    }
}
