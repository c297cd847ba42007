package io.github.wso2cluster.topology;

import java.util.List;

/**
 * A validated node.
 *
 * @param hostName    carbon.xml HostName (the node's override, else the cluster's), or null to leave alone
 * @param mgtHostName carbon.xml MgtHostName for a manager, or null to leave alone
 */
public record Node(String id, Role role, String localMemberHost, int localMemberPort, int portOffset,
                   boolean wellKnown, String subDomain, String hostName, String mgtHostName,
                   List<XmlEdit> xmlEdits) {

    public Node {
        xmlEdits = List.copyOf(xmlEdits);
    }

    /** The address other members use to reach this node. */
    public MemberAddress memberAddress() {
        return MemberAddress.of(localMemberHost, localMemberPort);
    }

    public boolean isManager() {
        return role == Role.MANAGER;
    }
}
