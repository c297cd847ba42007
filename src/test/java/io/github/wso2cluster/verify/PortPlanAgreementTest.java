package io.github.wso2cluster.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.InvalidTopologyException;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.report.VerifyResult;
import io.github.wso2cluster.config.ConfigFiles;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one port rule: whatever offset two co-hosted nodes get, the POM's validation accepts it exactly when
 * verify-cluster's port-conflicts check passes the nodes configure-cluster writes from it.
 */
class PortPlanAgreementTest {

    @Test
    void validationAndVerifyAgreeOnEveryOffsetOfACoHostedNode() throws Exception {
        Map<String, byte[]> distribution = new LinkedHashMap<>();
        for (String file : List.of(ConfigFiles.AXIS2, ConfigFiles.CARBON, ConfigFiles.CATALINA)) {
            distribution.put(file, Files.readAllBytes(ZipBuilder.sampleDistribution().resolve(file)));
        }
        List<Integer> refused = new ArrayList<>();
        for (int offset = 0; offset <= 2200; offset++) {
            ClusterInput input = TestClusters.referenceInput();
            input.nodes.get(2).setLocalMemberHost(input.nodes.get(1).getLocalMemberHost());
            input.nodes.get(2).setLocalMemberPort("4300");
            input.nodes.get(2).setPortOffset(String.valueOf(offset));
            Cluster cluster;
            try {
                cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
            } catch (InvalidTopologyException e) {
                refused.add(offset);
                continue;
            }
            List<NodeFacts> nodes = new ArrayList<>();
            TestClusters.configureFiles(cluster, distribution).forEach((id, files) -> nodes.add(NodeFacts.of(id, id, files)));
            VerifyResult result = new ClusterVerifier().verify(nodes);
            assertEquals(List.of(), result.of("worker2", "port-conflicts"), "offset " + offset + " was accepted");
        }
        // 0: the same ports; 236: HTTP 9999 is the other's JMX registry port; 320: HTTPS 9763 is its HTTP port;
        // 1348: HTTP 11111 is its JMX server port.
        assertTrue(refused.containsAll(List.of(0, 236, 320, 1348)), refused.toString());
        assertFalse(refused.contains(1), refused.toString());
    }
}
