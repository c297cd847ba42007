package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.MemberAddress;
import io.github.wso2cluster.topology.Node;
import java.util.List;

/**
 * axis2.xml's {@code <clustering>}: enabled, well-known-address membership, the cluster's domain, the node's
 * member address and subDomain, and exactly one {@code <members>} list.
 */
public final class Axis2Configurer {

    public void configure(XmlEditor editor, Cluster cluster, Node node) throws ConfigFileException {
        XmlSource source = editor.source();
        XmlElement clustering = source.root().child("clustering").orElseThrow(() -> new ConfigFileException(
                source.fileName() + ": has no active <clustering> element under <" + source.root().name
                        + ">; restore the stock <clustering class=\"...HazelcastClusteringAgent\"> block"));

        editor.setAttribute(clustering, "enable", "true");
        setParameter(editor, clustering, "membershipScheme", cluster.membershipScheme());
        setParameter(editor, clustering, "domain", cluster.domain());
        setParameter(editor, clustering, "localMemberHost", node.localMemberHost());
        setParameter(editor, clustering, "localMemberPort", String.valueOf(node.localMemberPort()));
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
        String property = "<property name=\"subDomain\" value=\"" + XmlEscapes.attribute(subDomain, '"') + "\"/>";
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
        List<XmlElement> existing = properties.children("property", "name", "subDomain");
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
