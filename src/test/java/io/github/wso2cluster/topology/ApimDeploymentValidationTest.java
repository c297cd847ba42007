package io.github.wso2cluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.LoadBalancerInput;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an API Manager deployment must have before anything is written: a control plane and a gateway once it is
 * not all-in-one, roles of its own version, and session affinity its deployment.toml can render.
 */
class ApimDeploymentValidationTest {
    private static ClusterInput input(String version, String... roles) {
        ClusterInput input = new ClusterInput();
        input.nodes = new ArrayList<>();
        for (int i = 0; i < roles.length; i++) {
            NodeInput node = Fixtures.node("n" + i, roles[i], "10.0.0." + (i + 1), null);
            input.nodes.add(node);
        }
        input.distributionProduct = new Product(ProductLine.API_MANAGER, version, ConfigFormat.TOML, ConfigPaths.STANDARD);
        return input;
    }

    private static List<String> problems(ClusterInput input) {
        return assertThrows(InvalidTopologyException.class,
                () -> new TopologyValidator(CredentialSource.NONE).validate(input)).problems();
    }

    @Test
    void aDistributedDeploymentNeedsAControlPlaneAndAGateway() {
        assertEquals(List.of("nodes: this distributed API Manager 4.1.0 (deployment.toml) deployment has no control-plane"
                + " node (nor an all-in-one one): nothing publishes APIs to the gateways or holds the event hub; give a"
                + " node <role>control-plane</role>"), problems(input("4.1.0", "gateway", "traffic-manager")));
        assertEquals(List.of("nodes: this distributed API Manager 4.1.0 (deployment.toml) deployment has no gateway node"
                + " (nor an all-in-one one): no node serves the APIs; give a node <role>gateway</role>"),
                problems(input("4.1.0", "control-plane", "traffic-manager")));
        assertTrue(problems(input("3.0.0", "gateway", "key-manager")).get(0).contains("has no publisher node"));
    }

    @Test
    void gatewayAndControlPlaneWithoutATrafficManagerIsValidAndNeedsNoDomain() throws Exception {
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input("4.1.0", "control-plane", "gateway"));
        assertNull(cluster.domain());
        assertNull(cluster.membershipScheme(), "no Hazelcast unless membershipScheme is given");
        new TopologyValidator(CredentialSource.NONE).validate(input("4.1.0", "all-in-one", "all-in-one"));
    }

    @Test
    void aRoleOfTheOtherVersionNamesTheAllowedOnes() {
        assertEquals(List.of("nodes[0] 'n0': role 'control-plane' is a role of API Manager 4.x, not of API Manager"
                + " 3.0.0 (deployment.toml); use all-in-one, publisher, devportal, key-manager, gateway, traffic-manager"
                + " (manager and worker are accepted too, as all-in-one)"), problems(input("3.0.0", "control-plane", "gateway")));
        assertEquals(List.of("nodes[0] 'n0': role 'publisher' is a role of API Manager 3.x, not of API Manager 4.1.0"
                + " (deployment.toml); use all-in-one, control-plane, gateway, traffic-manager, key-manager (manager and"
                + " worker are accepted too, as all-in-one)"), problems(input("4.1.0", "publisher", "gateway")));
    }

    @Test
    void routeAffinityIsRefusedAndHashIsTheDefault() throws Exception {
        ClusterInput input = input("4.1.0", "control-plane", "gateway");
        input.hostName = "gw.example.com";
        input.proxyPorts = new ProxyPortsInput("80", "443");
        input.loadBalancer = new LoadBalancerInput();
        input.loadBalancer.setSslCertificate("/etc/nginx/ssl/am.crt");
        input.loadBalancer.setSslCertificateKey("/etc/nginx/ssl/am.key");
        assertEquals(SessionAffinity.HASH, new TopologyValidator(CredentialSource.NONE).validate(input).loadBalancer()
                .sessionAffinity());
        input.loadBalancer.setSessionAffinity("route");
        assertEquals(List.of("loadBalancer/sessionAffinity: route needs catalina-server.xml's jvmRoute, which API Manager"
                + " 4.1.0 (deployment.toml) renders from deployment.toml without one, so no session would stay on its"
                + " node; use hash (the default here) or none"), problems(input));
    }
}
