package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.verify.facts.DatabaseFacts;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.config.RegistryConfig;
import io.github.wso2cluster.topology.Role;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * registry.xml's mounts: each mount's {@code instanceId} names a {@code remoteInstance}, whose {@code dbConfig}
 * names a {@code dbConfig}, whose {@code dataSource} names a datasource; {@code cacheId} is exactly
 * {@code username@url} of that datasource (Carbon keys the registry cache by it, and a wrong one breaks
 * invalidation silently); {@code readOnly} false on managers and true on workers (a worker that writes the
 * shared registry races the manager); the same mounts and targets on every node.
 */
public final class RegistryMountsCheck implements DatabaseChecks.DatabaseCheck {
    @Override
    public String name() {
        return "registry-mounts";
    }


    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        NodeFacts reference = null;
        Map<String, String> referenceMounts = null;
        for (NodeFacts node : nodes) {
            DatabaseFacts db = node.databases();
            if (!db.hasRegistry()) {
                continue;
            }
            Map<String, String> mounts = new LinkedHashMap<>();
            Set<String> instancesChecked = new HashSet<>();
            for (RegistryConfig.Mount mount : db.mounts()) {
                mounts.put(String.valueOf(mount.path()), String.valueOf(mount.targetPath()));
                chain(node, db, mount, instancesChecked, findings);
            }
            if (reference == null) {
                reference = node;
                referenceMounts = mounts;
            } else if (!referenceMounts.equals(mounts)) {
                Located where = db.mounts().isEmpty() ? Located.absent(db.registryPath())
                        : db.inRegistry(db.mounts().get(0).element(), db.mounts().get(0).path());
                findings.error(node, where, "mounts " + describe(mounts) + " differ from node '" + reference.name()
                        + "''s " + describe(referenceMounts) + "; every node must mount the same shared registry paths");
            }
        }
    }

    /** @param instancesChecked the remote instances already checked (two mounts often share one: report it once) */
    private static void chain(NodeFacts node, DatabaseFacts db, RegistryConfig.Mount mount, Set<String> instancesChecked,
                              Findings findings) {
        Located at = db.inRegistry(mount.element(), mount.path());
        Optional<RegistryConfig.RemoteInstance> remote = db.remoteInstances().stream()
                .filter(r -> r.id() != null && r.id().equals(mount.instanceId())).findFirst();
        if (remote.isEmpty()) {
            findings.error(node, at, "mount " + mount.path() + " uses instanceId '" + mount.instanceId() + "', which no"
                    + " active <remoteInstance> has as its <id>; the mount is silently ignored: add the remoteInstance");
            return;
        }
        if (!instancesChecked.add(remote.get().id())) {
            return;
        }
        Located remoteAt = db.inRegistry(remote.get().element(), remote.get().id());
        Optional<RegistryConfig.DbConfig> dbConfig = db.dbConfigs().stream()
                .filter(d -> d.name() != null && d.name().equals(remote.get().dbConfig())).findFirst();
        if (dbConfig.isEmpty()) {
            findings.error(node, remoteAt, "remoteInstance '" + remote.get().id() + "' uses dbConfig '"
                    + remote.get().dbConfig() + "', which no <dbConfig name=...> defines; add it");
            return;
        }
        Role role = node.role().orElse(null);
        String readOnly = remote.get().readOnly();
        if (role == Role.MANAGER && !"false".equals(readOnly)) {
            findings.error(node, remoteAt, "remoteInstance '" + remote.get().id() + "' has readOnly " + readOnly
                    + " on a manager, which must write the shared registry; set it to false");
        } else if (role == Role.WORKER && !"true".equals(readOnly)) {
            findings.error(node, remoteAt, "remoteInstance '" + remote.get().id() + "' has readOnly " + readOnly
                    + " on a worker, which would write the shared registry and race the manager; set it to true");
        }
        if (db.datasources().isEmpty()) {
            return;
        }
        Optional<Datasource> datasource = Optional.ofNullable(dbConfig.get().dataSource())
                .flatMap(db::byJndiName);
        if (datasource.isEmpty()) {
            return; // the datasources check names the missing JNDI name
        }
        String expected = datasource.get().user() + "@" + datasource.get().url();
        if (!expected.equals(remote.get().cacheId())) {
            findings.error(node, remoteAt, "remoteInstance '" + remote.get().id() + "' has cacheId '" + remote.get().cacheId()
                    + "', not username@url of " + datasource.get().name() + "; Carbon keys the registry cache by it and a"
                    + " wrong one breaks cache invalidation silently: set <cacheId> to exactly '" + expected + "'");
        }
    }

    private static String describe(Map<String, String> mounts) {
        if (mounts.isEmpty()) {
            return "(none)";
        }
        StringBuilder text = new StringBuilder();
        mounts.forEach((path, target) -> text.append(text.length() == 0 ? "" : ", ").append(path).append(" -> ").append(target));
        return "[" + text + "]";
    }
}
