package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.DeploymentSynchronizer;
import io.github.wso2cluster.topology.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * carbon.xml: HostName, MgtHostName, Ports/Offset and the active SVN DeploymentSynchronizer. The file's
 * elements live in carbon.xml's default namespace; lookups go by local name.
 */
public final class CarbonConfigurer {

    /**
     * @param warnings receives what the user should know about this node's carbon.xml (a shipped offset that was
     *                 reset, a shipped synchronizer whose AutoCommit was changed)
     */
    public void configure(XmlEditor editor, Cluster cluster, Node node, List<String> warnings) throws ConfigFileException {
        XmlSource source = editor.source();
        XmlElement server = source.root();
        if (node.hostName() != null) {
            setOrCreate(editor, server, "HostName", node.hostName());
        }
        if (node.isManager() && node.mgtHostName() != null) {
            setOrCreate(editor, server, "MgtHostName", node.mgtHostName());
        }
        XmlElement ports = server.child("Ports").orElseThrow(() -> new ConfigFileException(source.fileName()
                + ": has no <Ports> element under <Server>; restore the stock <Ports> block (it holds <Offset>)"));
        XmlElement offset = ports.child("Offset").orElse(null);
        if (offset != null && !node.portOffsetGiven() && !source.textOf(offset).trim().equals("0")) {
            warnings.add(source.fileName() + ":" + source.lineOf(offset.start()) + ": the distribution ships Ports/Offset "
                    + source.textOf(offset).trim() + "; it becomes " + node.portOffset() + " because the POM gives this node"
                    + " no portOffset (set <portOffset>" + source.textOf(offset).trim() + "</portOffset> to keep it)");
        }
        if (offset != null) {
            editor.setText(offset, String.valueOf(node.portOffset()));
        } else if (ports.children().isEmpty()) {
            editor.appendChild(ports, "<Offset>" + node.portOffset() + "</Offset>", "Ports/Offset = " + node.portOffset());
        } else {
            editor.insertBefore(ports.children().get(0), "<Offset>" + node.portOffset() + "</Offset>",
                    "Ports/Offset = " + node.portOffset());
        }
        boolean commits = cluster.committer().id().equals(node.id());
        if (cluster.deploymentSynchronizer() != null) {
            configureDepSync(editor, server, commits, cluster.deploymentSynchronizer());
        } else {
            keepOneCommitter(editor, server, commits, cluster.committer(), warnings);
        }
    }

    /**
     * Without a POM synchronizer the shipped block stays, but one the distribution ships already enabled would
     * make every node commit: its AutoCommit follows the one-committer rule too.
     */
    private static void keepOneCommitter(XmlEditor editor, XmlElement server, boolean commits, Node committer,
                                         List<String> warnings) throws ConfigFileException {
        XmlSource source = editor.source();
        Optional<XmlElement> block = server.child("DeploymentSynchronizer");
        Optional<XmlElement> enabled = block.flatMap(b -> b.child("Enabled"));
        if (enabled.isEmpty() || !source.textOf(enabled.get()).trim().equals("true")) {
            return;
        }
        Optional<XmlElement> autoCommit = block.get().child("AutoCommit");
        String value = String.valueOf(commits);
        if (autoCommit.isPresent()) {
            editor.setText(autoCommit.get(), value);
        } else {
            editor.appendChild(block.get(), "<AutoCommit>" + value + "</AutoCommit>", "DeploymentSynchronizer/AutoCommit");
        }
        warnings.add(source.fileName() + ":" + source.lineOf(enabled.get().start()) + ": the distribution ships the"
                + " deployment synchronizer enabled; AutoCommit set to " + value + " (only '" + committer.id()
                + "', the first manager, commits; configure <deploymentSynchronizer> to set it up explicitly)");
    }

    /**
     * Sets an element that the stock file may only have as a comment ({@code <!--HostName>...</HostName-->}):
     * the new element goes on the line after that comment, else after {@code <Version>}.
     */
    private static void setOrCreate(XmlEditor editor, XmlElement server, String name, String value)
            throws ConfigFileException {
        Optional<XmlElement> active = server.child(name);
        if (active.isPresent()) {
            editor.setText(active.get(), value);
            return;
        }
        XmlSource source = editor.source();
        String fragment = "<" + name + ">" + XmlEscapes.text(value) + "</" + name + ">";
        for (XmlComment comment : server.comments()) {
            if (comment.body().trim().startsWith(name + ">") || comment.body().trim().startsWith("<" + name + ">")) {
                editor.insertLineAfter(comment.end(), source.indentOf(comment.start()), fragment, name + " = " + value);
                return;
            }
        }
        XmlElement anchor = server.child("Version").orElse(null);
        if (anchor != null) {
            editor.insertLineAfter(anchor.end(), source.indentOf(anchor.start()), fragment, name + " = " + value);
        } else if (!server.children().isEmpty()) {
            editor.insertBefore(server.children().get(0), fragment, name + " = " + value);
        } else {
            editor.appendChild(server, fragment, name + " = " + value);
        }
    }

    private static void configureDepSync(XmlEditor editor, XmlElement server, boolean commits,
                                         DeploymentSynchronizer depSync) throws ConfigFileException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Enabled", "true");
        values.put("AutoCommit", String.valueOf(commits));
        values.put("AutoCheckout", "true");
        values.put("RepositoryType", "svn");
        values.put("SvnUrl", depSync.svnUrl());
        if (depSync.svnUser() != null) {
            values.put("SvnUser", depSync.svnUser());
        }
        if (depSync.svnPassword() != null) {
            values.put("SvnPassword", depSync.svnPassword().reveal());
        }
        values.put("SvnUrlAppendTenantId", String.valueOf(depSync.appendTenantId()));

        XmlElement block = server.child("DeploymentSynchronizer").orElse(null);
        if (block == null) {
            String sep = editor.source().lineSeparator();
            String indent = editor.childIndent(server);
            String step = editor.indentStep(server);
            StringBuilder fragment = new StringBuilder("<DeploymentSynchronizer>");
            values.forEach((name, value) -> fragment.append(sep).append(indent).append(step)
                    .append('<').append(name).append('>').append(XmlEscapes.text(value)).append("</").append(name).append('>'));
            fragment.append(sep).append(indent).append("</DeploymentSynchronizer>");
            editor.appendChild(server, fragment.toString(), "DeploymentSynchronizer (svn)");
            return;
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Optional<XmlElement> child = block.child(entry.getKey());
            if (child.isPresent()) {
                editor.setText(child.get(), entry.getValue(), entry.getKey().equals("SvnPassword"));
            } else {
                editor.appendChild(block, "<" + entry.getKey() + ">" + XmlEscapes.text(entry.getValue())
                        + "</" + entry.getKey() + ">", "DeploymentSynchronizer/" + entry.getKey());
            }
        }
    }
}
