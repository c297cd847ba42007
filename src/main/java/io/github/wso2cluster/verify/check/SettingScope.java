package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;
import java.util.Optional;

/**
 * Checks of a setting some formats have no place for (deployment.toml has no subDomain): they run on the nodes
 * whose format has it, and do not apply, saying why in the format's own words, when no node's does.
 */
final class SettingScope {
    private SettingScope() {
    }

    static Optional<String> notApplicable(List<NodeFacts> nodes, Setting setting) {
        if (nodes.isEmpty() || !having(nodes, setting).isEmpty()) {
            return Optional.empty();
        }
        return nodes.get(0).settings().locations().absence(setting);
    }

    static List<NodeFacts> having(List<NodeFacts> nodes, Setting setting) {
        return nodes.stream().filter(n -> n.settings().locations().absence(setting).isEmpty()).toList();
    }
}
