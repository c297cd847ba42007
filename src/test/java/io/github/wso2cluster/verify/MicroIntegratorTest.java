package io.github.wso2cluster.verify;

import static io.github.wso2cluster.testkit.ProductBuilds.database;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.ClusterBuildException;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.testkit.NodeZip;
import io.github.wso2cluster.testkit.ProductBuilds;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.report.VerifyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Micro Integrator 4.x end to end on its real files (wso2-products/mi-4.3.0): RDBMS coordination instead of Hazelcast,
 * a unique node_id per node, the task nodes, and the checks that catch what WSO2's Helm chart gets wrong.
 */
class MicroIntegratorTest {
    private static final String TOML = "conf/deployment.toml";
    static final String COORDINATION_URL = "jdbc:mysql://db.example.com:3306/CLUSTER_DB?useSSL=false&allowPublicKeyRetrieval=true";

    @TempDir
    Path tmp;

    static ClusterInput cluster() {
        ClusterInput input = new ClusterInput();
        input.nodes = new ArrayList<>(List.of(Fixtures.node("mi1", null, "10.0.2.11", null),
                Fixtures.node("mi2", "member", "10.0.2.12", null), Fixtures.node("mi3", null, "10.0.2.13", null)));
        input.databases = new DatabasesInput();
        input.databases.setCoordination(database(COORDINATION_URL, "cluster"));
        input.taskNodes = List.of("mi1", "mi2");
        return input;
    }

    private ClusterAssembly.Result build(ClusterInput input, String name) throws Exception {
        return ProductBuilds.build(ProductBuilds.microIntegrator(), input, tmp, name);
    }

    @Test
    void aCoordinatedClusterGetsItsDatasourceUniqueNodeIdsAndTaskNodesAndNoHazelcast() throws Exception {
        ClusterAssembly.Result built = build(cluster(), "mi");
        List<NodeFacts> nodes = ProductBuilds.read(ProductBuilds.zips(built));
        VerifyResult result = new ClusterVerifier().verify(nodes);
        assertEquals(0, result.errors() + result.warnings(), result.text());
        assertTrue(result.checks().containsAll(List.of("shared-state", "node-ids", "task-nodes", "toml-keys", "datasources")),
                result.checks().toString());
        assertEquals(ClusterVerifier.NO_HAZELCAST, result.notApplicable().get("clustering-enabled"));
        assertEquals(ClusterVerifier.NO_HAZELCAST, result.notApplicable().get("well-known-members"));
        assertTrue(result.text().contains("product: Micro Integrator 4.3.0 (deployment.toml)"), result.text());

        String stock = Files.readString(ProductBuilds.PRODUCTS.resolve("mi-4.3.0/" + TOML));
        try (NodeZip node = NodeZip.open(built.zips().get(1).zip().toFile())) {
            String text = node.text(TOML);
            TomlParseResult toml = Toml.parse(text);
            assertFalse(toml.contains("clustering"), text);
            assertEquals("mi2", toml.getString("cluster_config.node_id"));
            assertEquals("org.wso2.micro.integrator.ntask.coordination.task.resolver.TaskNodeResolver",
                    toml.getString("task_handling.resolver_class"));
            assertEquals("mi1,mi2", toml.getArray("task_resolver").getTable(0).getString("task_nodes"));
            var datasource = toml.getArray("datasource").getTable(0);
            assertEquals("WSO2_COORDINATION_DB", datasource.getString("id"));
            assertEquals(COORDINATION_URL.replace("&", "&amp;"), datasource.getString("url"));
            assertEquals("p&amp;ss&lt;word", datasource.getString("password"));
            assertEquals("SELECT 1", datasource.getString("pool_options.validationQuery"));
            assertEquals(50L, datasource.getLong("pool_options.maxActive"));
            // Surgical: every stock line stays, the commented [[datasource]] sample included.
            assertEquals(List.of(), LineDiff.of(stock, text).removed());
            assertTrue(text.contains("# [[datasource]]\n# id = \"WSO2CarbonDB\""), text);
            assertEquals("micro-integrator", node.properties("cluster/node.properties").getProperty("product"));
            assertEquals(null, node.properties("cluster/node.properties").getProperty("domain"));
        }
        // What verify-cluster reads back is what the server reads: the URL unescaped.
        assertEquals(COORDINATION_URL, nodes.get(0).databases().datasource("WSO2_COORDINATION_DB").orElseThrow().url());
    }

    @Test
    void helmsSharedNodeIdAStrayTaskNodeAndANodeWithoutCoordinationAreNamed() throws Exception {
        List<Path> zips = ProductBuilds.zips(build(cluster(), "broken"));
        // WSO2's Helm chart renders one node_id for every replica.
        TestClusters.editEntry(zips.get(1), TOML, t -> t.replace("node_id = \"mi2\"", "node_id = \"mi1\""));
        TestClusters.editEntry(zips.get(0), TOML, t -> t.replace("task_nodes = \"mi1,mi2\"", "task_nodes = \"mi1,node-9\""));
        TestClusters.editEntry(zips.get(2), TOML, t -> t.replace("id = \"WSO2_COORDINATION_DB\"", "id = \"WSO2_OTHER_DB\""));
        VerifyResult result = new ClusterVerifier().verify(ProductBuilds.read(zips));
        List<Finding> ids = result.of("mi2", "node-ids");
        assertEquals(1, ids.size(), result.text());
        assertTrue(ids.get(0).located().matches("conf/deployment\\.toml:\\d+: \\[cluster_config] node_id 'mi1' is also node"
                + " 'mi1''s: the second node to start stops .*"), ids.get(0).located());
        assertTrue(result.of("mi1", "task-nodes").stream().anyMatch(f -> f.message().startsWith("task_nodes names 'node-9',"
                + " which is no node's [cluster_config] node_id")), result.text());
        assertTrue(result.of("mi1", "task-nodes").stream().noneMatch(f -> f.message().contains("'mi2'")), result.text());
        List<Finding> state = result.of("mi3", "shared-state");
        assertEquals(1, state.size(), result.text());
        assertTrue(state.get(0).message().startsWith("no WSO2_COORDINATION_DB: cluster membership and which node runs each"
                + " task then live in the product's embedded default database, on this node only; share it with"
                + " <databases><coordination>"), state.get(0).message());
    }

    @Test
    void aClusterWithoutCoordinationIsInformationAndARegistryIsRefused() throws Exception {
        ClusterInput input = cluster();
        input.databases = null;
        input.taskNodes = List.of();
        VerifyResult result = new ClusterVerifier().verify(ProductBuilds.read(ProductBuilds.zips(build(input, "plain"))));
        assertEquals(0, result.errors() + result.warnings(), result.text());
        List<Finding> info = result.of("mi1", "shared-state");
        assertEquals(1, info.size());
        assertEquals(Severity.INFO, info.get(0).severity());
        assertTrue(info.get(0).message().startsWith("no node has WSO2_COORDINATION_DB: every node runs scheduled tasks"));
        assertTrue(result.notApplicable().containsKey("node-ids"), result.notApplicable().toString());

        ClusterInput registry = cluster();
        registry.databases.setRegistry(database("jdbc:mysql://db.example.com:3306/REG_DB", "reg"));
        registry.databases.setCoordination(null);
        ClusterBuildException e = assertThrows(ClusterBuildException.class, () -> build(registry, "refused"));
        assertTrue(e.getMessage().contains("databases/registry: Micro Integrator 4.3.0 (deployment.toml) has no shared"
                + " registry database"), e.getMessage());
        assertTrue(e.getMessage().contains("taskNodes: tasks are shared out only between nodes that coordinate through"
                + " WSO2_COORDINATION_DB"), e.getMessage());
    }
}
