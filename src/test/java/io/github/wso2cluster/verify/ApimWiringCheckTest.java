package io.github.wso2cluster.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.ApimClusters;
import io.github.wso2cluster.testkit.ProductBuilds;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.verify.apim.ApimWiringCheck;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.report.VerifyResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify-cluster's apim-wiring on API Manager 4.1.0 nodes built from the real files: the derived wiring passes; a URL
 * left at a stock localhost, a placeholder host, a peer of the wrong role, a duplicate list naming the node itself
 * and a gateway label no control plane has are each reported with node, file, line and key.
 */
class ApimWiringCheckTest {
    private static final String TOML = "repository/conf/deployment.toml";

    @TempDir
    Path tmp;

    private List<Path> build(String name) throws Exception {
        ZipBuilder am = ZipBuilder.create().folder(ProductBuilds.TOML.resolve("apim-4.1.0"), "wso2am-4.1.0");
        ClusterInput input = ApimClusters.distributed("4.1.0");
        return ProductBuilds.zips(ProductBuilds.build(am, input, tmp, name));
    }

    private static List<Finding> wiring(List<Path> zips) {
        VerifyResult result = new ClusterVerifier().verify(ProductBuilds.read(zips));
        assertTrue(result.checks().contains(ApimWiringCheck.NAME), result.text());
        return result.findings().stream().filter(f -> f.check().equals(ApimWiringCheck.NAME)).toList();
    }

    @Test
    void theDerivedWiringPasses() throws Exception {
        List<Finding> findings = wiring(build("ok"));
        assertEquals(List.of(), findings);
    }

    @Test
    void activeActiveAndThreeXWiringsPassToo() throws Exception {
        ClusterInput active = new ClusterInput();
        active.nodes = new java.util.ArrayList<>(List.of(ApimClusters.node("am1", "all-in-one", "10.0.0.1", "0"),
                ApimClusters.node("am2", "all-in-one", "10.0.0.1", "2")));
        ZipBuilder am = ZipBuilder.create().folder(ProductBuilds.TOML.resolve("apim-4.1.0"), "wso2am-4.1.0");
        assertEquals(List.of(), wiring(ProductBuilds.zips(ProductBuilds.build(am, active, tmp, "aa"))));
        ClusterInput three = new ClusterInput();
        three.nodes = new java.util.ArrayList<>(List.of(ApimClusters.node("pub", "publisher", "10.0.0.1", "0"),
                ApimClusters.node("km", "key-manager", "10.0.0.2", "0"), ApimClusters.node("tm", "traffic-manager",
                "10.0.0.1", "3"), ApimClusters.node("gw", "gateway", "10.0.0.4", "0")));
        ZipBuilder am3 = ZipBuilder.create().folder(ProductBuilds.TOML.resolve("apim-3.0.0"), "wso2am-3.0.0");
        assertEquals(List.of(), wiring(ProductBuilds.zips(ProductBuilds.build(am3, three, tmp, "three"))));
    }

    @Test
    void eachMiswiredUrlIsReportedWithNodeFileLineAndKey() throws Exception {
        List<Path> zips = build("bad");
        // zips: cp1, cp2, gw1, tm1, tm2
        TestClusters.editEntry(zips.get(2), TOML, t -> t.replace("service_url = \"https://10.0.0.1:9443/services/\"",
                "service_url = \"https://km.wso2.com:443/services/\"").replace("\"tcp://10.0.0.4:5672\"",
                "\"tcp://10.0.0.2:5673\"").replace("gateway_labels =[\"Default\"]", "gateway_labels =[\"Production\"]"));
        TestClusters.editEntry(zips.get(3), TOML, t -> t.replace("event_duplicate_url = [\"tcp://10.0.0.4:5672\"]",
                "event_duplicate_url = [\"tcp://localhost:5675\"]"));
        List<String> messages = wiring(zips).stream().map(f -> f.node() + " " + f.located()).toList();
        String all = String.join("\n", messages);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("gw1 " + TOML + ":") && m.contains("[apim.key_manager]"
                + " service_url has https://km.wso2.com:443/services/, which reaches WSO2's placeholder host km.wso2.com;"
                + " it should reach 'cp1' at https://10.0.0.1:9443 or 'cp2' at https://10.0.0.2:9444")), all);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("gw1 ") && m.contains("[apim.throttling]"
                + " throttle_decision_endpoints has tcp://10.0.0.2:5673, which reaches node 'cp2', a control-plane")), all);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("gw1 ") && m.contains("throttle_decision_endpoints misses"
                + " node 'tm2'")), all);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("gw1 ") && m.contains("gateway_labels has 'Production',"
                + " which is no [[apim.gateway.environment]] name of node 'cp1'")), all);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("tm1 ") && m.contains("[apim.throttling]"
                + " event_duplicate_url has tcp://localhost:5675, which reaches this node itself")), all);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("tm1 ") && m.contains("event_duplicate_url misses node"
                + " 'tm2': every other traffic-manager must be listed")), all);
        assertTrue(messages.stream().allMatch(m -> m.matches("\\S+ " + TOML + ":\\d+: .*")), all);
        assertFalse(messages.stream().anyMatch(m -> m.startsWith("cp") || m.startsWith("tm2")), all);
    }

    @Test
    void aStockFileOnASeparatedGatewayTalksToItself() throws Exception {
        List<Path> zips = build("stock");
        TestClusters.editEntry(zips.get(2), TOML, t -> t.replace("service_url = \"https://10.0.0.1:9443/services/\"\n",
                ""));
        List<String> messages = wiring(zips).stream().map(Finding::located).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("[apim.key_manager] service_url is not set, so the"
                + " templates point it at this node itself; set it to https://10.0.0.1:9443/services/")), messages.toString());
    }
}
