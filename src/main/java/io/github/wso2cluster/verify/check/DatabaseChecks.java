package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.verify.facts.DatabaseFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;
import java.util.Optional;

/** What the four database checks share: whether they apply at all. */
public final class DatabaseChecks {
    private DatabaseChecks() {
    }

    /** A check of the shared databases: not applicable to a cluster that shares none. */
    interface DatabaseCheck extends Check {
        @Override
        public default Optional<String> notApplicable(List<NodeFacts> nodes) {
            return DatabaseChecks.notApplicable(nodes);
        }
    }

    /**
     * Why the database checks do not apply to these nodes, or empty when they do: a cluster with no shared
     * datasource keeps every node's registry and users in its own H2 database, and there is nothing to compare.
     */
    public static Optional<String> notApplicable(List<NodeFacts> nodes) {
        boolean shared = nodes.stream().anyMatch(n -> n.databases().datasources().stream()
                .anyMatch(Datasource::shared));
        return shared ? Optional.empty() : Optional.of("no shared datasource: every node keeps its registry and users"
                + " in its own embedded database (configure <databases> to share them)");
    }

    static String names(List<NodeFacts> nodes) {
        return nodes.stream().map(NodeFacts::name).toList().toString();
    }
}
