package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.topology.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * axis2.xml's {@code <clustering>}, the one place that knows where its values stand: enabled, the membership
 * scheme, the domain, the node's member address and subDomain, and the {@code <members>} list.
 * configure-cluster edits through it and verify-cluster reads through it, so both look at the same elements.
 */
public final class Axis2Clustering {
    public static final String MEMBERSHIP_SCHEME = "membershipScheme";
    public static final String DOMAIN = "domain";
    public static final String LOCAL_MEMBER_HOST = "localMemberHost";
    public static final String LOCAL_MEMBER_PORT = "localMemberPort";
    public static final String GROUP_PASSWORD = "groupPassword";
    private static final String SUB_DOMAIN = "subDomain";

    private final XmlSource source;

    public Axis2Clustering(XmlSource source) {
        this.source = source;
    }

    /** One {@code <member>} of a {@code <members>} list, as written. */
    public record MemberEntry(XmlElement element, String host, String port) {
    }

    public Optional<XmlElement> clustering() {
        return source.root().child("clustering");
    }

    /** The {@code enable} attribute of {@code <clustering>}. */
    public Optional<XmlAttribute> enable() {
        return clustering().flatMap(c -> c.attribute("enable"));
    }

    /** A {@code <parameter name="...">} of {@code <clustering>}. */
    public Optional<XmlElement> parameter(String name) {
        return clustering().flatMap(c -> c.child("parameter", "name", name));
    }

    /** The active {@code subDomain} property. */
    public Optional<XmlElement> subDomain() {
        return parameter("properties").flatMap(p -> p.child("property", "name", SUB_DOMAIN));
    }

    /** The subDomain property's value. */
    public static String subDomainValue(XmlElement property) {
        return property.attributeValue("value");
    }

    /** Every active {@code <members>} block (exactly one is right). */
    public List<XmlElement> membersBlocks() {
        return clustering().map(c -> c.children("members")).orElse(List.of());
    }

    /** The entries of the first {@code <members>} block. */
    public List<MemberEntry> memberEntries() {
        List<MemberEntry> entries = new ArrayList<>();
        clustering().flatMap(c -> c.child("members")).ifPresent(members -> {
            for (XmlElement member : members.children("member")) {
                entries.add(new MemberEntry(member, member.child("hostName").map(source::textOf).orElse(""),
                        member.child("port").map(source::textOf).orElse("")));
            }
        });
        return entries;
    }

    public void configure(XmlEditor editor, Cluster cluster, Node node) throws ConfigFileException {
        XmlElement clustering = clustering().orElseThrow(() -> new ConfigFileException(
                source.fileName() + ": has no active <clustering> element under <" + source.root().name
                        + ">; restore the stock <clustering class=\"...HazelcastClusteringAgent\"> block"));

        editor.setAttribute(clustering, "enable", "true");
        setParameter(editor, clustering, MEMBERSHIP_SCHEME, cluster.membershipScheme());
        setParameter(editor, clustering, DOMAIN, cluster.domain());
        setParameter(editor, clustering, LOCAL_MEMBER_HOST, node.localMemberHost());
        setParameter(editor, clustering, LOCAL_MEMBER_PORT, String.valueOf(node.localMemberPort()));
        setSubDomain(editor, clustering, node.subDomain());
        setMembers(editor, clustering, cluster.wellKnownMembers());
    }

    private static void setParameter(XmlEditor editor, XmlElement clustering, String name, String value)
            throws ConfigFileException {
        XmlElement parameter = clustering.child("parameter", "name", name).orElse(null);
        if (parameter != null) {
            editor.setText(parameter, value);
            return;
        }
        String fragment = "<parameter name=\"" + name + "\">" + XmlEscapes.text(value) + "</parameter>";
        XmlElement anchor = clustering.child("parameter", "name", "properties")
                .or(() -> clustering.child("members")).orElse(null);
        if (anchor != null) {
            editor.insertBefore(anchor, fragment, "clustering parameter " + name + " = " + value);
        } else {
            editor.appendChild(clustering, fragment, "clustering parameter " + name + " = " + value);
        }
    }

    private static void setSubDomain(XmlEditor editor, XmlElement clustering, String subDomain) {
        XmlElement properties = clustering.child("parameter", "name", "properties").orElse(null);
        String property = "<property name=\"" + SUB_DOMAIN + "\" value=\"" + XmlEscapes.attribute(subDomain, '"') + "\"/>";
        if (properties == null) {
            String fragment = "<parameter name=\"properties\">" + property + "</parameter>";
            XmlElement anchor = clustering.child("members").orElse(null);
            if (anchor != null) {
                editor.insertBefore(anchor, fragment, "clustering properties with subDomain = " + subDomain);
            } else {
                editor.appendChild(clustering, fragment, "clustering properties with subDomain = " + subDomain);
            }
            return;
        }
        List<XmlElement> existing = properties.children("property", "name", SUB_DOMAIN);
        if (existing.isEmpty()) {
            // ESB 4.9.0 ships its subDomain properties commented out: add an active one.
            editor.appendChild(properties, property, "clustering property subDomain = " + subDomain);
        }
        for (XmlElement element : existing) {
            editor.setAttribute(element, "value", subDomain);
        }
    }

    private static void setMembers(XmlEditor editor, XmlElement clustering, List<MemberAddress> members) {
        List<XmlElement> blocks = clustering.children("members");
        String what = "clustering members = " + members;
        if (blocks.isEmpty()) {
            String indent = editor.childIndent(clustering);
            String block = membersBlock(editor, indent, editor.indentStep(clustering), members);
            XmlElement anchor = clustering.child("groupManagement").orElse(null);
            if (anchor != null) {
                editor.insertBefore(anchor, block, what);
            } else {
                editor.appendChild(clustering, block, what);
            }
            return;
        }
        XmlElement first = blocks.get(0);
        String indent = editor.source().indentOf(first.start());
        editor.replace(first, membersBlock(editor, indent, editor.indentStep(first), members), what);
        for (XmlElement extra : blocks.subList(1, blocks.size())) {
            editor.remove(extra, "extra <members> block at line " + editor.source().lineOf(extra.start()));
        }
    }

    /** The {@code <members>} element text, starting at its own tag (its line's indentation is already there). */
    private static String membersBlock(XmlEditor editor, String indent, String step, List<MemberAddress> members) {
        String sep = editor.source().lineSeparator();
        StringBuilder block = new StringBuilder("<members>");
        for (MemberAddress member : members) {
            block.append(sep).append(indent).append(step).append("<member>")
                    .append(sep).append(indent).append(step).append(step)
                    .append("<hostName>").append(XmlEscapes.text(member.host())).append("</hostName>")
                    .append(sep).append(indent).append(step).append(step)
                    .append("<port>").append(member.port()).append("</port>")
                    .append(sep).append(indent).append(step).append("</member>");
        }
        return block.append(sep).append(indent).append("</members>").toString();
    }
}
