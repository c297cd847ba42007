package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.config.TomlDatabases;
import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Micro Integrator: every node that coordinates through {@code WSO2_COORDINATION_DB} has its own
 * {@code [cluster_config] node_id}. A node id twice stops the second node at start ("Node with id ... already exists
 * in cluster"), as WSO2's Helm chart does by giving every replica the same one; without one, each start takes a
 * new random id, so task ownership and the task nodes cannot name it.
 */
public final class NodeIdsCheck implements Check {
    static final String NAME = "node-ids";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> notApplicable(List<NodeFacts> nodes) {
        return coordinated(nodes).isEmpty() ? Optional.of("no node coordinates through " + DatabaseNames.COORDINATION_DB)
                : Optional.empty();
    }

    static List<NodeFacts> coordinated(List<NodeFacts> nodes) {
        return nodes.stream().filter(n -> n.databases().datasource(DatabaseNames.COORDINATION_DB).isPresent()).toList();
    }

    /** The node's {@code [cluster_config] node_id}, at its line (absent: at line 0). */
    static Located nodeId(NodeFacts node) {
        Optional<TomlSource> toml = node.toml();
        return toml.flatMap(t -> t.value(TomlDatabases.NODE_ID)).map(v -> new Located(String.valueOf(v),
                toml.get().fileName(), toml.get().lineOf(TomlDatabases.NODE_ID)))
                .orElse(Located.absent(node.settings().datasourcesFile()));
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Map<String, NodeFacts> owners = new LinkedHashMap<>();
        for (NodeFacts node : coordinated(nodes)) {
            Located id = nodeId(node);
            if (!id.present() || id.value().isBlank()) {
                findings.error(node, id, "no [cluster_config] node_id: the node takes a new random id at every start, so"
                        + " task_nodes cannot name it; set node_id = \"" + node.name() + "\" (configure-cluster writes the"
                        + " node's id)");
                continue;
            }
            NodeFacts owner = owners.putIfAbsent(id.value(), node);
            if (owner != null) {
                findings.error(node, id, "[cluster_config] node_id '" + id.value() + "' is also node '" + owner.name()
                        + "''s: the second node to start stops (\"Node with id " + id.value() + " already exists in"
                        + " cluster\"); give every node its own node_id");
            }
        }
    }
}
