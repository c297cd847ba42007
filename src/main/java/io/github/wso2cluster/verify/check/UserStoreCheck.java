package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.verify.facts.DatabaseFacts;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The user store: every node's realm reads the same database. A node whose realm still points at its own
 * embedded database has users and roles of its own, which the manager never sees.
 */
public final class UserStoreCheck implements DatabaseChecks.DatabaseCheck {
    @Override
    public String name() {
        return "user-store";
    }


    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        NodeFacts reference = null;
        String referenceUrl = null;
        for (NodeFacts node : nodes) {
            Located realm = node.databases().userStoreDataSource();
            if (!realm.present()) {
                continue;
            }
            Optional<Datasource> datasource = node.databases().byJndiName(realm.value());
            if (datasource.isEmpty()) {
                continue; // the datasources check names the missing JNDI name
            }
            String url = datasource.get().embedded() ? "its own embedded database (" + datasource.get().url() + ")"
                    : datasource.get().url();
            if (reference == null) {
                reference = node;
                referenceUrl = url;
            } else if (!Objects.equals(referenceUrl, url)) {
                findings.error(node, realm, "the user store (" + realm.value() + ") is " + url + ", but node '"
                        + reference.name() + "''s is " + referenceUrl + "; users and roles would differ from node to"
                        + " node: point every realm at the same shared datasource (databases/userStore)");
            }
        }
    }
}
