package io.github.wso2cluster.topology.input;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <node>} exactly as written in the POM, before validation. Every field is text so that a
 * wrong value gets our message (naming the node) rather than a binding error.
 */
public class NodeInput {
    private String id;
    private String role;
    private String localMemberHost;
    private String localMemberPort;
    private String portOffset;
    private String wellKnown;
    private String subDomain;
    private String hostName;
    private String mgtHostName;
    private List<XmlEditInput> xmlEdits = new ArrayList<>();

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getLocalMemberHost() { return localMemberHost; }
    public void setLocalMemberHost(String localMemberHost) { this.localMemberHost = localMemberHost; }
    public String getLocalMemberPort() { return localMemberPort; }
    public void setLocalMemberPort(String localMemberPort) { this.localMemberPort = localMemberPort; }
    public String getPortOffset() { return portOffset; }
    public void setPortOffset(String portOffset) { this.portOffset = portOffset; }
    public String getWellKnown() { return wellKnown; }
    public void setWellKnown(String wellKnown) { this.wellKnown = wellKnown; }
    public String getSubDomain() { return subDomain; }
    public void setSubDomain(String subDomain) { this.subDomain = subDomain; }
    public String getHostName() { return hostName; }
    public void setHostName(String hostName) { this.hostName = hostName; }
    public String getMgtHostName() { return mgtHostName; }
    public void setMgtHostName(String mgtHostName) { this.mgtHostName = mgtHostName; }
    public List<XmlEditInput> getXmlEdits() { return xmlEdits; }
    public void setXmlEdits(List<XmlEditInput> xmlEdits) { this.xmlEdits = xmlEdits; }
}
