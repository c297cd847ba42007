package io.github.wso2cluster.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.InvalidTopologyException;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.Role;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Roles per product line (the contract's "Products and roles" table), validated against the distribution's product. */
class ProductRolesTest {
    private static final Product IS7 = new Product(ProductLine.IDENTITY_SERVER, "7.0.0", ConfigFormat.TOML, ConfigPaths.STANDARD);
    private static final Product MI = new Product(ProductLine.MICRO_INTEGRATOR, "4.3.0", ConfigFormat.TOML,
            new ConfigPaths(ConfigPaths.CONF));
    private static final Product AS = new Product(ProductLine.CARBON, "5.2.1", ConfigFormat.XML, ConfigPaths.STANDARD);

    private static ClusterInput input(Product product, String... roles) {
        ClusterInput input = Fixtures.referenceCluster();
        for (int i = 0; i < roles.length; i++) {
            input.nodes.get(i).setRole(roles[i]);
        }
        input.distributionProduct = product;
        return input;
    }

    private static Cluster validate(ClusterInput input) throws InvalidTopologyException {
        return new TopologyValidator(CredentialSource.NONE).validate(input);
    }

    private static List<String> problems(ClusterInput input) {
        return assertThrows(InvalidTopologyException.class, () -> validate(input)).problems();
    }

    @Test
    void identityServerNodesAreMembersByDefaultAndNeedNoManager() throws Exception {
        Cluster cluster = validate(input(IS7, null, null, "member"));
        assertEquals(List.of(Role.MEMBER, Role.MEMBER, Role.MEMBER), cluster.nodes().stream().map(Node::role).toList());
        // Every member serves the console: mgtHostName reaches each, and the derived well-known members are all.
        assertTrue(cluster.nodes().stream().allMatch(n -> "mgt.as.wso2.com".equals(n.mgtHostName())));
        // POMs written for earlier versions keep building: manager and worker stay accepted (they mean member).
        Cluster legacy = validate(input(IS7, "manager", "worker", "worker"));
        assertEquals(Role.WORKER, legacy.nodes().get(1).role());
        assertEquals(Role.MEMBER, ProductRoles.effective(IS7, legacy.nodes().get(1).role()));
    }

    @Test
    void aRoleTheProductDoesNotTakeNamesTheProductAndItsRoles() {
        List<String> problems = problems(input(IS7, "member", "gateway", "member"));
        assertEquals(List.of("nodes[1] 'worker1': role 'gateway' is unknown for Identity Server 7.0.0 (deployment.toml); use"
                + " member (manager and worker are accepted too, as member)"), problems);
        // A Carbon 4.x product keeps its words: manager or worker, and a manager is required.
        List<String> carbon = problems(input(AS, "member", "worker", "worker"));
        assertEquals(List.of("nodes[0] 'manager': role 'member' is unknown; use manager or worker",
                "nodes: no node has role manager; a cluster needs one (it runs the management console and commits"
                        + " deployments)"), carbon);
        List<String> missing = problems(input(AS, null, "worker", "worker"));
        assertTrue(missing.contains("nodes[0] 'manager': role is required (manager or worker)"), missing.toString());
    }

    @Test
    void apiManagerRolesFollowItsVersion() throws Exception {
        Product am4 = new Product(ProductLine.API_MANAGER, "4.1.0", ConfigFormat.TOML, ConfigPaths.STANDARD);
        Product am3 = new Product(ProductLine.API_MANAGER, "3.0.0", ConfigFormat.TOML, ConfigPaths.STANDARD);
        assertEquals(Role.ALL_IN_ONE, validate(input(am4, null, "control-plane", "gateway")).nodes().get(0).role());
        assertTrue(problems(input(am3, "all-in-one", "control-plane", "gateway")).get(0).contains("role 'control-plane'"
                + " is a role of API Manager 4.x, not of API Manager 3.0.0 (deployment.toml); use all-in-one, publisher, devportal, key-manager,"
                + " gateway, traffic-manager"));
        assertEquals(Role.ALL_IN_ONE, ProductRoles.effective(am4, Role.MANAGER));
    }

    @Test
    void microIntegratorNeedsNoDomainAndItsTaskNodesMustBeNodes() throws Exception {
        ClusterInput input = input(MI, "member", "member", "member");
        input.domain = null;
        input.taskNodes = List.of("manager", "worker2");
        Cluster cluster = validate(input);
        assertNull(cluster.domain());
        assertEquals(List.of("manager", "worker2"), cluster.taskNodes());

        input.taskNodes = List.of("manager", "worker9", "manager");
        assertEquals(List.of("taskNodes[1]: 'worker9' is not the id of a node; use one of manager, worker1, worker2",
                "taskNodes[2]: 'manager' is listed twice"), problems(input));
        ClusterInput identity = input(IS7, "member", "member", "member");
        identity.taskNodes = List.of("manager");
        assertTrue(problems(identity).get(0).startsWith("taskNodes: Identity Server 7.0.0 (deployment.toml) has no task"
                + " coordination to configure"), problems(identity).toString());
        // Wherever Hazelcast clustering is written, the domain stays required.
        ClusterInput noDomain = input(IS7, "member", "member", "member");
        noDomain.domain = null;
        assertTrue(problems(noDomain).get(0).startsWith("domain: is required"), problems(noDomain).toString());
    }

    @Test
    void productOverridesTheRecognitionAndMustBeALine() throws Exception {
        // A deployment.toml distribution the files do not tell apart from a generic Carbon product.
        ClusterInput input = input(new Product(ProductLine.CARBON, "7.0.0", ConfigFormat.TOML, ConfigPaths.STANDARD),
                "member", "member", "member");
        input.product = "identity-server";
        assertEquals(ProductLine.IDENTITY_SERVER, validate(input).productLine());
        input.product = "esb";
        assertTrue(problems(input).contains("product: 'esb' is not a product line; use one of carbon, identity-server,"
                + " api-manager, micro-integrator, or leave it out to recognise the distribution"), problems(input).toString());
    }
}
