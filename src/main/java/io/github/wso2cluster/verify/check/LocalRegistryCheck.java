package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.verify.facts.DatabaseFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.config.MasterDatasources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local registry ({@code WSO2_CARBON_DB}) is each node's own: two nodes on one database overwrite each
 * other's node-specific resources. Every node on its own H2 passes.
 */
public final class LocalRegistryCheck implements DatabaseChecks.DatabaseCheck {
    @Override
    public String name() {
        return "local-registry";
    }


    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<String, NodeFacts> owners = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            Optional<Datasource> local = node.databases().datasource(MasterDatasources.CARBON_DB);
            if (local.isEmpty() || local.get().embedded()) {
                continue;
            }
            NodeFacts owner = owners.putIfAbsent(local.get().url(), node);
            if (owner != null) {
                findings.error(node, local.get().where(), MasterDatasources.CARBON_DB + " (the local registry) is "
                        + local.get().url() + ", the same database as node '" + owner.name() + "''s; each node's local"
                        + " registry must be its own: give every node a database of its own, or keep the stock H2");
            }
        }
    }
}
