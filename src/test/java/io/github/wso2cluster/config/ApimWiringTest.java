package io.github.wso2cluster.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.github.wso2cluster.testkit.ApimClusters.apim;
import static io.github.wso2cluster.testkit.ApimClusters.distributed;
import static io.github.wso2cluster.testkit.ApimClusters.node;

import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * API Manager 4.1.0's real deployment.toml wired for a distributed cluster (two control planes, two gateways, two
 * traffic managers, co-hosted ones with offsets) and an active-active pair: every cross-node URL is each peer's
 * host with its own offset-shifted port, as the contract lists per role; no Hazelcast without membershipScheme.
 */
class ApimWiringTest {
    static final Path ROOT = Path.of("src/test/resources/wso2-toml");
    private static final String TOML = "repository/conf/deployment.toml";

    static TomlParseResult configure(Cluster cluster, String node, String product) throws Exception {
        return configure(cluster, node, product, product.substring(product.indexOf('-') + 1));
    }

    /** The files of {@code product}, recognised as {@code version}. */
    static TomlParseResult configure(Cluster cluster, String node, String product, String version) throws Exception {
        byte[] original = Files.readAllBytes(ROOT.resolve(product).resolve(TOML));
        NodeConfiguration result = TomlConfigurer.configure(cluster, cluster.node(node).orElseThrow(),
                apim(version), original);
        String edited = new String(result.replaced().get(TOML), StandardCharsets.UTF_8);
        TomlParseResult parsed = Toml.parse(edited);
        assertEquals(List.of(), parsed.errors());
        // Surgical: no stock line outside the wired keys changes.
        for (String removed : LineDiff.of(new String(original, StandardCharsets.UTF_8), edited).removed()) {
            // (a line the diff shows moved, such as the last one gaining its line break, is still there)
            assertTrue(edited.contains(removed.strip() + "\n") || removed.strip().matches("(hostname|server_role|service_url|ws_endpoint|wss_endpoint|http_endpoint|https_endpoint"
                    + "|websub_event_receiver_https?_endpoint) ?=.*"), removed);
        }
        return parsed;
    }

    @Test
    void gatewaysReachEveryControlPlaneAndTrafficManagerOnTheirOwnOffsets() throws Exception {
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(distributed("4.1.0"));
        TomlParseResult gw = configure(cluster, "gw1", "apim-4.1.0");
        assertEquals("gateway-worker", gw.getString("server.server_role"));
        assertEquals("https://10.0.0.1:9443/services/", gw.getString("apim.key_manager.service_url"));
        assertEquals("https://10.0.0.1:9443/services/", gw.getString("apim.event_hub.service_url"));
        assertEquals(List.of("tcp://10.0.0.1:5672", "tcp://10.0.0.2:5673"),
                gw.getArray("apim.event_hub.event_listening_endpoints").toList());
        assertEquals(List.of("tcp://10.0.0.1:5675", "tcp://10.0.0.4:5672"),
                gw.getArray("apim.throttling.throttle_decision_endpoints").toList());
        TomlArray groups = gw.getArray("apim.throttling.url_group");
        assertEquals(2, groups.size());
        assertEquals(List.of("tcp://10.0.0.1:9614"), groups.getTable(0).getArray("traffic_manager_urls").toList());
        assertEquals(List.of("ssl://10.0.0.1:9714"), groups.getTable(0).getArray("traffic_manager_auth_urls").toList());
        assertEquals(List.of("tcp://10.0.0.4:9611"), groups.getTable(1).getArray("traffic_manager_urls").toList());
        assertEquals(List.of("Default"), gw.getArray("apim.sync_runtime_artifacts.gateway.gateway_labels").toList());
        assertNull(gw.get("clustering"), "no Hazelcast without membershipScheme");
    }

    @Test
    void controlPlanesDuplicateToTheOtherAndPublishTheGatewaysEndpoints() throws Exception {
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(distributed("4.1.0"));
        TomlParseResult cp2 = configure(cluster, "cp2", "apim-4.1.0");
        assertEquals("control-plane", cp2.getString("server.server_role"));
        assertEquals(List.of("tcp://10.0.0.1:5672"), cp2.getArray("apim.event_hub.event_duplicate_url").toList());
        TomlArray publish = cp2.getArray("apim.event_hub.publish.url_group");
        assertEquals(List.of("tcp://10.0.0.2:9612"), publish.getTable(1).getArray("urls").toList());
        assertEquals(List.of("ssl://10.0.0.2:9712"), publish.getTable(1).getArray("auth_urls").toList());
        TomlTable env = cp2.getArray("apim.gateway.environment").getTable(0);
        assertEquals("Default", env.getString("name"));
        assertEquals("hybrid", env.getString("type"));
        assertEquals("https://gw1.example:9443/services/", env.getString("service_url"));
        assertEquals("ws://gw1.example:9099", env.getString("ws_endpoint"));
        assertEquals("https://gw1.example:8243", env.getString("https_endpoint"));
        assertEquals("https://gw1.example:8021", env.getString("websub_event_receiver_https_endpoint"));
        assertFalse(cp2.contains("apim.throttling.event_duplicate_url"));
    }

    @Test
    void trafficManagersDuplicateToTheOtherAndDecideOnTheirOwnBroker() throws Exception {
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(distributed("4.1.0"));
        TomlParseResult tm1 = configure(cluster, "tm1", "apim-4.1.0");
        assertEquals("traffic-manager", tm1.getString("server.server_role"));
        assertEquals(List.of("tcp://10.0.0.4:5672"), tm1.getArray("apim.throttling.event_duplicate_url").toList());
        // Its own broker on its own offset: a stock localhost:5672 would be cp1's, on the same host.
        assertEquals(List.of("tcp://10.0.0.1:5675"), tm1.getArray("apim.throttling.throttle_decision_endpoints").toList());
        assertEquals("https://10.0.0.1:9443/services/", tm1.getString("apim.event_hub.service_url"));
    }

    @Test
    void activeActiveNodesDuplicateThrottlingToEachOther() throws Exception {
        ClusterInput input = new ClusterInput();
        input.nodes = new ArrayList<>(List.of(node("am1", "all-in-one", "10.0.0.1", "0"),
                node("am2", "all-in-one", "10.0.0.1", "2")));
        input.distributionProduct = apim("4.1.0");
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
        TomlParseResult am2 = configure(cluster, "am2", "apim-4.1.0");
        assertEquals("default", am2.getString("server.server_role"));
        assertEquals(List.of("tcp://10.0.0.1:5672"), am2.getArray("apim.throttling.event_duplicate_url").toList());
        TomlArray groups = am2.getArray("apim.throttling.url_group");
        assertEquals(List.of("tcp://10.0.0.1:9611"), groups.getTable(0).getArray("traffic_manager_urls").toList());
        assertEquals(List.of("tcp://10.0.0.1:9613"), groups.getTable(1).getArray("traffic_manager_urls").toList());
        // Its own gateway, on its own offset.
        assertEquals("ws://10.0.0.1:9101", am2.getArray("apim.gateway.environment").getTable(0).getString("ws_endpoint"));
    }

    @Test
    void aSecondRunChangesNothingAndWsoPlaceholderGroupsAreReplacedInPlace() throws Exception {
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(distributed("4.1.0"));
        byte[] stock = Files.readAllBytes(ROOT.resolve("apim-4.1.0").resolve(TOML));
        NodeConfiguration first = TomlConfigurer.configure(cluster, cluster.node("gw1").orElseThrow(), apim("4.1.0"), stock);
        NodeConfiguration second = TomlConfigurer.configure(cluster, cluster.node("gw1").orElseThrow(), apim("4.1.0"),
                first.replaced().get(TOML));
        assertEquals(java.util.Map.of(), second.replaced(), "a configured file is left as it is");

        // WSO2's gateway-worker.toml wiring, as users copy it: two url_groups at tm1.local/tm2.local, then a table.
        String user = new String(stock, StandardCharsets.UTF_8) + "\n\n[[apim.throttling.url_group]]\n"
                + "traffic_manager_urls = [\"tcp://tm1.local:9611\"]\ntraffic_manager_auth_urls = [\"ssl://tm1.local:9711\"]\n"
                + "type = \"loadbalance\"\n\n[[apim.throttling.url_group]]\ntraffic_manager_urls = [\"tcp://tm2.local:9611\"]\n"
                + "traffic_manager_auth_urls = [\"ssl://tm2.local:9711\"]\n\n# kept\n[apim.cache.gateway_token]\nenable = true\n";
        NodeConfiguration wired = TomlConfigurer.configure(cluster, cluster.node("gw1").orElseThrow(), apim("4.1.0"),
                user.getBytes(StandardCharsets.UTF_8));
        String edited = new String(wired.replaced().get(TOML), StandardCharsets.UTF_8);
        TomlParseResult toml = Toml.parse(edited);
        assertEquals(List.of(), toml.errors());
        assertFalse(edited.contains("tm1.local") || edited.contains("tm2.local"), edited);
        assertEquals(2, toml.getArray("apim.throttling.url_group").size());
        assertEquals(List.of("tcp://10.0.0.1:9614"), toml.getArray("apim.throttling.url_group").getTable(0)
                .getArray("traffic_manager_urls").toList());
        assertTrue(edited.contains("\n# kept\n[apim.cache.gateway_token]\nenable = true\n"), edited);
    }

    @Test
    void keyManagerProfileNameFollowsTheVersion() throws Exception {
        for (String[] version : new String[][] {{"4.2.0", "api-key-manager-deprecated"}, {"4.3.0", "api-key-manager-node"}}) {
            ClusterInput input = distributed(version[0]);
            input.nodes.add(node("km1", "key-manager", "10.0.0.9", "0"));
            Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
            TomlParseResult km = configure(cluster, "km1", "apim-4.1.0", version[0]);
            assertEquals(version[1], km.getString("server.server_role"));
            TomlParseResult gw = configure(cluster, "gw1", "apim-4.1.0");
            assertEquals("https://10.0.0.9:9443/services/", gw.getString("apim.key_manager.service_url"));
        }
    }

    @Test
    void threeXGatewaysReachTheKeyManagerAndTrafficManagers() throws Exception {
        ClusterInput input = new ClusterInput();
        input.nodes = new ArrayList<>(List.of(node("pub", "publisher", "10.0.0.1", "0"),
                node("km", "key-manager", "10.0.0.2", "0"), node("tm", "traffic-manager", "10.0.0.3", "3"),
                node("gw", "gateway", "10.0.0.4", "0")));
        input.distributionProduct = apim("3.0.0");
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
        TomlParseResult gw = configure(cluster, "gw", "apim-3.0.0");
        assertEquals("gateway-worker", gw.getString("server.server_role"));
        assertEquals("https://10.0.0.2:9443/services/", gw.getString("apim.key_manager.service_url"));
        assertEquals(List.of("tcp://10.0.0.3:5675"), gw.getArray("apim.throttling.throttle_decision_endpoints").toList());
        assertFalse(gw.contains("apim.event_hub"), "3.0.0 has no event hub");
        TomlParseResult pub = configure(cluster, "pub", "apim-3.0.0");
        assertEquals("api-publisher", pub.getString("server.server_role"));
        assertEquals("https://10.0.0.3:9446/services/", pub.getString("apim.throttling.service_url"));
        TomlTable env = pub.getArray("apim.gateway.environment").getTable(0);
        assertEquals("Production and Sandbox", env.getString("name"));
        assertEquals("http://10.0.0.4:8280", env.getString("http_endpoint"));
    }
}
