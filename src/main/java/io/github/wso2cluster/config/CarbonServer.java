package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.DeploymentSynchronizer;
import io.github.wso2cluster.topology.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * carbon.xml, the one place that knows where its values stand: HostName, MgtHostName, Ports/Offset, the JMX
 * ports and the active SVN DeploymentSynchronizer. configure-cluster edits through it and verify-cluster reads
 * through it. The file's elements live in carbon.xml's default namespace; lookups go by local name.
 */
public final class CarbonServer {
    public static final String HOST_NAME = "HostName";
    public static final String MGT_HOST_NAME = "MgtHostName";
    private static final String PORTS = "Ports";
    private static final String OFFSET = "Offset";
    private static final String SYNCHRONIZER = "DeploymentSynchronizer";
    /** The synchronizer's children, by what they hold. */
    public static final String ENABLED = "Enabled";
    public static final String AUTO_COMMIT = "AutoCommit";
    public static final String AUTO_CHECKOUT = "AutoCheckout";
    public static final String SVN_URL = "SvnUrl";
    public static final String SVN_URL_APPEND_TENANT_ID = "SvnUrlAppendTenantId";
    private static final String SVN_PASSWORD = "SvnPassword";
    public static final String JMX_REGISTRY_PORT = "RMIRegistryPort";
    public static final String JMX_SERVER_PORT = "RMIServerPort";

    private final XmlSource source;

    public CarbonServer(XmlSource source) {
        this.source = source;
    }

    public Optional<XmlElement> hostName() {
        return source.root().child(HOST_NAME);
    }

    public Optional<XmlElement> mgtHostName() {
        return source.root().child(MGT_HOST_NAME);
    }

    public Optional<XmlElement> offset() {
        return source.root().child(PORTS).flatMap(p -> p.child(OFFSET));
    }

    /** A JMX port ({@link #JMX_REGISTRY_PORT}, {@link #JMX_SERVER_PORT}). */
    public Optional<XmlElement> jmxPort(String name) {
        return source.root().child(PORTS).flatMap(p -> p.child("JMX")).flatMap(j -> j.child(name));
    }

    /** A child of the active DeploymentSynchronizer ({@link #ENABLED}, {@link #AUTO_COMMIT}, ...). */
    public Optional<XmlElement> synchronizer(String child) {
        return source.root().child(SYNCHRONIZER).flatMap(d -> d.child(child));
    }

    /** Where the cluster depends on a value: the host names, every port, the synchronizer. */
    public List<XmlElement> clusterValues() {
        List<XmlElement> elements = new ArrayList<>();
        for (String name : List.of(HOST_NAME, MGT_HOST_NAME, PORTS, SYNCHRONIZER)) {
            elements.addAll(source.root().children(name));
        }
        return elements;
    }

    /** Elements that hold a secret (the SVN password): never scanned, never quoted. */
    public List<XmlElement> secrets() {
        List<XmlElement> secrets = new ArrayList<>();
        source.root().children(SYNCHRONIZER).forEach(d -> secrets.addAll(d.children(SVN_PASSWORD)));
        return secrets;
    }

    public void configure(XmlEditor editor, Cluster cluster, Node node, List<String> warnings) throws ConfigFileException {
        XmlElement server = source.root();
        if (node.hostName() != null) {
            setOrCreate(editor, server, HOST_NAME, node.hostName());
        }
        if (node.isManager() && node.mgtHostName() != null) {
            setOrCreate(editor, server, MGT_HOST_NAME, node.mgtHostName());
        }
        XmlElement ports = server.child(PORTS).orElseThrow(() -> new ConfigFileException(source.fileName()
                + ": has no <Ports> element under <Server>; restore the stock <Ports> block (it holds <Offset>)"));
        XmlElement offset = ports.child(OFFSET).orElse(null);
        if (offset != null && !node.portOffsetGiven() && !source.textOf(offset).trim().equals("0")) {
            warnings.add(source.fileName() + ":" + source.lineOf(offset.start()) + ": the distribution ships Ports/Offset "
                    + source.textOf(offset).trim() + "; it becomes " + node.portOffset() + " because the POM gives this node"
                    + " no portOffset (set <portOffset>" + source.textOf(offset).trim() + "</portOffset> to keep it)");
        }
        if (offset != null) {
            editor.setText(offset, String.valueOf(node.portOffset()));
        } else if (ports.children().isEmpty()) {
            editor.appendChild(ports, offsetElement(node.portOffset()), PORTS + "/" + OFFSET + " = " + node.portOffset());
        } else {
            editor.insertBefore(ports.children().get(0), offsetElement(node.portOffset()),
                    PORTS + "/" + OFFSET + " = " + node.portOffset());
        }
        boolean commits = cluster.committer().id().equals(node.id());
        if (cluster.deploymentSynchronizer() != null) {
            configureDepSync(editor, server, commits, cluster.deploymentSynchronizer());
        } else {
            keepOneCommitter(editor, server, commits, cluster.committer(), warnings);
        }
    }

    private static String offsetElement(int offset) {
        return "<" + OFFSET + ">" + offset + "</" + OFFSET + ">";
    }

    /**
     * Without a POM synchronizer the shipped block stays, but one the distribution ships already enabled would
     * make every node commit: its AutoCommit follows the one-committer rule too.
     */
    private static void keepOneCommitter(XmlEditor editor, XmlElement server, boolean commits, Node committer,
                                         List<String> warnings) throws ConfigFileException {
        XmlSource source = editor.source();
        Optional<XmlElement> block = server.child(SYNCHRONIZER);
        Optional<XmlElement> enabled = block.flatMap(b -> b.child(ENABLED));
        if (enabled.isEmpty() || !source.textOf(enabled.get()).trim().equals("true")) {
            return;
        }
        Optional<XmlElement> autoCommit = block.get().child(AUTO_COMMIT);
        String value = String.valueOf(commits);
        if (autoCommit.isPresent()) {
            editor.setText(autoCommit.get(), value);
        } else {
            editor.appendChild(block.get(), "<" + AUTO_COMMIT + ">" + value + "</" + AUTO_COMMIT + ">",
                    SYNCHRONIZER + "/" + AUTO_COMMIT);
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
        values.put(ENABLED, "true");
        values.put(AUTO_COMMIT, String.valueOf(commits));
        values.put(AUTO_CHECKOUT, "true");
        values.put("RepositoryType", "svn");
        values.put(SVN_URL, depSync.svnUrl());
        if (depSync.svnUser() != null) {
            values.put("SvnUser", depSync.svnUser());
        }
        if (depSync.svnPassword() != null) {
            values.put(SVN_PASSWORD, depSync.svnPassword().reveal());
        }
        values.put(SVN_URL_APPEND_TENANT_ID, String.valueOf(depSync.appendTenantId()));

        XmlElement block = server.child(SYNCHRONIZER).orElse(null);
        if (block == null) {
            String sep = editor.source().lineSeparator();
            String indent = editor.childIndent(server);
            String step = editor.indentStep(server);
            StringBuilder fragment = new StringBuilder("<" + SYNCHRONIZER + ">");
            values.forEach((name, value) -> fragment.append(sep).append(indent).append(step)
                    .append('<').append(name).append('>').append(XmlEscapes.text(value)).append("</").append(name).append('>'));
            fragment.append(sep).append(indent).append("</" + SYNCHRONIZER + ">");
            editor.appendChild(server, fragment.toString(), "DeploymentSynchronizer (svn)");
            return;
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Optional<XmlElement> child = block.child(entry.getKey());
            if (child.isPresent()) {
                editor.setText(child.get(), entry.getValue(), entry.getKey().equals(SVN_PASSWORD));
            } else {
                editor.appendChild(block, "<" + entry.getKey() + ">" + XmlEscapes.text(entry.getValue())
                        + "</" + entry.getKey() + ">", SYNCHRONIZER + "/" + entry.getKey());
            }
        }
    }
}
