package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.config.TomlDatabases;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Micro Integrator: the {@code task_nodes} of WSO2's TaskNodeResolver ({@code [[task_resolver]]}, its first entry,
 * as TasksDSComponent reads it) name node ids of this cluster, and are the same on every node. A name that is no
 * node's id is silently skipped, so tasks meant for it run elsewhere or nowhere.
 */
public final class TaskNodesCheck implements Check {
    static final String NAME = "task-nodes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> notApplicable(List<NodeFacts> nodes) {
        return nodes.stream().anyMatch(n -> taskNodes(n).present()) ? Optional.empty()
                : Optional.of("no node names task_nodes: the default resolver shares tasks out over every node");
    }

    /** The first {@code [[task_resolver]]} entry's {@code task_nodes}, at its line. */
    static Located taskNodes(NodeFacts node) {
        return node.toml().map(toml -> {
            Object array = toml.value(TomlDatabases.TASK_RESOLVER).orElse(null);
            if (array instanceof TomlArray entries && !entries.isEmpty() && entries.get(0) instanceof TomlTable first
                    && first.get(TomlDatabases.TASK_NODES) != null) {
                var at = first.inputPositionOf(TomlDatabases.TASK_NODES);
                return new Located(String.valueOf(first.get(TomlDatabases.TASK_NODES)), toml.fileName(),
                        at == null ? 0 : (int) at.line());
            }
            return Located.absent(toml.fileName());
        }).orElse(Located.absent(node.settings().datasourcesFile()));
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        Set<String> ids = new LinkedHashSet<>();
        nodes.forEach(n -> Optional.ofNullable(NodeIdsCheck.nodeId(n).value()).ifPresent(ids::add));
        Located reference = null;
        NodeFacts referenceNode = null;
        for (NodeFacts node : nodes) {
            Located named = taskNodes(node);
            if (!named.present()) {
                continue;
            }
            for (String id : Arrays.stream(named.value().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
                if (!ids.contains(id)) {
                    findings.error(node, named, "task_nodes names '" + id + "', which is no node's [cluster_config]"
                            + " node_id (they are " + String.join(", ", ids) + "); its tasks never run there: name node ids");
                }
            }
            if (reference == null) {
                reference = named;
                referenceNode = node;
            } else if (!reference.value().equals(named.value())) {
                findings.error(node, named, "task_nodes is '" + named.value() + "' but node '" + referenceNode.name()
                        + "' has '" + reference.value() + "'; every node must name the same task nodes");
            }
        }
    }
}
