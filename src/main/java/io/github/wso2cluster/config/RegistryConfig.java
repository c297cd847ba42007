package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.database.SharedDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * registry.xml, the one place that knows where the registry wiring stands: {@code dbConfig}s, {@code
 * remoteInstance}s and {@code mount}s. Only active elements count: the stock file's commented
 * {@code <!--remoteInstance ...>} and {@code <!--mount ...>} look-alikes are comments, never read, never edited.
 */
public final class RegistryConfig {
    /** The names WSO2's clustering guide uses, which Carbon ties together by value. */
    public static final String SHARED_DB_CONFIG = "sharedregistry";
    public static final String INSTANCE_ID = "instanceid";
    public static final String CONFIG_PATH = "/_system/config";
    public static final String GOVERNANCE_PATH = "/_system/governance";
    private static final String REMOTE_URL = "https://localhost:9443/registry";

    private final XmlSource source;

    public RegistryConfig(XmlSource source) {
        this.source = source;
    }

    public record DbConfig(XmlElement element, String name, String dataSource) {
    }

    public record RemoteInstance(XmlElement element, String id, String dbConfig, String readOnly, String cacheId) {
    }

    public record Mount(XmlElement element, String path, String instanceId, String targetPath) {
    }

    public List<DbConfig> dbConfigs() {
        return source.root().children("dbConfig").stream()
                .map(e -> new DbConfig(e, e.attributeValue("name"), text(e, "dataSource"))).toList();
    }

    public List<RemoteInstance> remoteInstances() {
        return source.root().children("remoteInstance").stream()
                .map(e -> new RemoteInstance(e, text(e, "id"), text(e, "dbConfig"), text(e, "readOnly"), text(e, "cacheId")))
                .toList();
    }

    public List<Mount> mounts() {
        return source.root().children("mount").stream()
                .map(e -> new Mount(e, e.attributeValue("path"), text(e, "instanceId"), text(e, "targetPath"))).toList();
    }

    public Optional<DbConfig> dbConfig(String name) {
        return dbConfigs().stream().filter(d -> name.equals(d.name())).findFirst();
    }

    public Optional<RemoteInstance> remoteInstance(String id) {
        return remoteInstances().stream().filter(r -> id.equals(r.id())).findFirst();
    }

    private String text(XmlElement parent, String child) {
        return parent.child(child).map(source::textOf).orElse(null);
    }

    /**
     * Mounts the shared registry: {@code dbConfig sharedregistry}, {@code remoteInstance instanceid} (read-only on
     * workers) and the config and governance mounts, each replaced in place when present, else added after the
     * stock {@code dbConfig}. The root {@code readOnly} (the node's local registry) is not touched.
     */
    public void configure(XmlEditor editor, SharedDatabase registry, boolean manager) throws ConfigFileException {
        XmlElement root = source.root();
        List<DbConfig> dbConfigs = dbConfigs();
        if (dbConfigs.isEmpty()) {
            throw new ConfigFileException(source.fileName() + ": has no active <dbConfig> under <" + root.name
                    + ">; restore the stock <dbConfig name=\"wso2registry\"> (the node's local registry)");
        }
        XmlElement anchor = dbConfigs.get(dbConfigs.size() - 1).element();
        List<String> blocks = new ArrayList<>();
        List<String> what = new ArrayList<>();

        XmlFragment dbConfig = XmlFragment.like(editor, anchor, root)
                .open("dbConfig", "name=\"" + SHARED_DB_CONFIG + "\"").leaf("dataSource", Databases.REGISTRY_JNDI)
                .close("dbConfig");
        place(editor, dbConfig(SHARED_DB_CONFIG).map(DbConfig::element), dbConfig, "dbConfig " + SHARED_DB_CONFIG, blocks, what);

        XmlFragment remote = XmlFragment.like(editor, anchor, root)
                .open("remoteInstance", "url=\"" + REMOTE_URL + "\"").leaf("id", INSTANCE_ID)
                .leaf("dbConfig", SHARED_DB_CONFIG).leaf("readOnly", String.valueOf(!manager))
                .leaf("enableCache", "true").leaf("registryRoot", "/").leaf("cacheId", registry.cacheId())
                .close("remoteInstance");
        place(editor, remoteInstance(INSTANCE_ID).map(RemoteInstance::element), remote,
                "remoteInstance " + INSTANCE_ID + " (readOnly " + !manager + ")", blocks, what);

        for (String[] mount : new String[][] {{CONFIG_PATH, registry.mountTarget()}, {GOVERNANCE_PATH, GOVERNANCE_PATH}}) {
            XmlFragment fragment = XmlFragment.like(editor, anchor, root)
                    .open("mount", "path=\"" + mount[0] + "\" overwrite=\"true\"").leaf("instanceId", INSTANCE_ID)
                    .leaf("targetPath", mount[1]).close("mount");
            place(editor, mounts().stream().filter(m -> mount[0].equals(m.path())).map(Mount::element).findFirst(),
                    fragment, "mount " + mount[0] + " -> " + mount[1], blocks, what);
        }
        if (!blocks.isEmpty()) {
            String indent = source.indentOf(anchor.start());
            String sep = source.lineSeparator();
            editor.insertLineAfter(anchor.end(), indent, String.join(sep + indent, blocks), String.join(", ", what));
        }
    }

    private static void place(XmlEditor editor, Optional<XmlElement> present, XmlFragment fragment, String what,
                              List<String> blocks, List<String> whatAdded) {
        if (present.isPresent()) {
            editor.replace(present.get(), fragment.toString(), what + " (replaced)");
        } else {
            blocks.add(fragment.toString());
            whatAdded.add(what);
        }
    }

    /** Where the cluster depends on a value: the dbConfigs, remote instances and mounts. */
    public List<XmlElement> clusterValues() {
        List<XmlElement> all = new ArrayList<>();
        dbConfigs().forEach(d -> all.add(d.element()));
        remoteInstances().forEach(r -> all.add(r.element()));
        mounts().forEach(m -> all.add(m.element()));
        return all;
    }
}
