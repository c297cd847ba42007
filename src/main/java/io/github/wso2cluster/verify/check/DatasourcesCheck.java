package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.verify.facts.DatabaseFacts;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.config.RegistryConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared datasources: the same ones, with the same URL and user, on every node; and every JNDI name that
 * registry.xml or user-mgt.xml uses names a datasource of the node (else Carbon fails at start with a JNDI error).
 */
public final class DatasourcesCheck implements DatabaseChecks.DatabaseCheck {
    @Override
    public String name() {
        return "datasources";
    }


    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<String, NodeFacts> firstWith = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            node.databases().datasources().stream().filter(Datasource::shared)
                    .forEach(d -> firstWith.putIfAbsent(d.name(), node));
        }
        for (Map.Entry<String, NodeFacts> shared : firstWith.entrySet()) {
            String name = shared.getKey();
            NodeFacts reference = shared.getValue();
            Datasource expected = reference.databases().datasource(name).orElseThrow();
            for (NodeFacts node : nodes) {
                if (node == reference) {
                    continue;
                }
                Optional<Datasource> mine = node.databases().datasource(name);
                if (mine.isEmpty()) {
                    findings.error(node, Located.absent(node.databases().datasourcesPath()), "has no datasource " + name
                            + ", which node '" + reference.name() + "' shares (" + expected.url() + "); every node needs"
                            + " the same shared datasources: add it, as configure-cluster's <databases> does");
                } else if (!Objects.equals(expected.url(), mine.get().url())) {
                    findings.error(node, mine.get().where(), "datasource " + name + " has URL '" + mine.get().url()
                            + "' but node '" + reference.name() + "' has '" + expected.url() + "'; the nodes must share one"
                            + " database: give every node the same <url>");
                } else if (!Objects.equals(expected.user(), mine.get().user())) {
                    findings.error(node, mine.get().where(), "datasource " + name + " connects as '" + mine.get().user()
                            + "' but node '" + reference.name() + "' as '" + expected.user() + "'; use the same <username>"
                            + " on every node (registry cacheIds include it)");
                }
            }
        }
        for (NodeFacts node : nodes) {
            DatabaseFacts db = node.databases();
            if (db.datasources().isEmpty()) {
                continue;
            }
            for (RegistryConfig.DbConfig dbConfig : db.dbConfigs()) {
                if (dbConfig.dataSource() != null && db.byJndiName(dbConfig.dataSource()).isEmpty()) {
                    findings.error(node, db.inRegistry(dbConfig.element(), dbConfig.dataSource()), "dbConfig '"
                            + dbConfig.name() + "' uses " + dbConfig.dataSource() + ", which no datasource of "
                            + db.datasourcesPath() + " has as its JNDI name; Carbon fails to start: add the datasource"
                            + " or fix <dataSource>");
                }
            }
            Located userStore = node.databases().userStoreDataSource();
            if (userStore.present() && db.byJndiName(userStore.value()).isEmpty()) {
                findings.error(node, userStore, "the realm's dataSource " + userStore.value() + " is not the JNDI name of"
                        + " any datasource of " + db.datasourcesPath() + "; Carbon fails to start: add the datasource or"
                        + " fix the property");
            }
        }
    }
}
