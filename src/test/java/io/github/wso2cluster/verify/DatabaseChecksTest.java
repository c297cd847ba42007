package io.github.wso2cluster.verify;

import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.report.VerifyResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.testkit.TextEdits;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four database checks on the real ESB 4.9.0 files as configure-cluster wires them (passing), and on the
 * hand edits that break a shared registry or user store in production, each named by node, file and line.
 */
class DatabaseChecksTest {
    private static final String DATASOURCES = "repository/conf/datasources/master-datasources.xml";
    private static final String REGISTRY = "repository/conf/registry.xml";
    private static final String USER_MGT = "repository/conf/user-mgt.xml";
    private static final String REGISTRY_URL = "jdbc:mysql://carbondb.mysql-wso2.com:3306/REGISTRY_DB?autoReconnect=true";

    private final Map<String, Map<String, byte[]>> nodes = new LinkedHashMap<>();

    @BeforeEach
    void build() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.databases = new DatabasesInput();
        DatabaseInput registry = new DatabaseInput(REGISTRY_URL, null);
        registry.setUsername("regadmin");
        registry.setPassword("secret");
        DatabaseInput users = new DatabaseInput("jdbc:mysql://carbondb.mysql-wso2.com:3306/WSO2_USER_DB", null);
        users.setUsername("umadmin");
        input.databases.setRegistry(registry);
        input.databases.setUserStore(users);
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
        Path set = Fixtures.referenceRoot().resolve("esb-4.9.0");
        Map<String, byte[]> distribution = new LinkedHashMap<>();
        try (var walk = Files.walk(set)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                distribution.put(set.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        nodes.putAll(TestClusters.configureFiles(cluster, distribution));
    }

    private void edit(String node, String file, UnaryOperator<String> change) {
        TextEdits.edit(nodes.get(node), file, change, node);
    }

    private VerifyResult verify() {
        List<NodeFacts> facts = new ArrayList<>();
        nodes.forEach((id, files) -> facts.add(NodeFacts.of(id, id + ".zip", files)));
        return new ClusterVerifier().verify(facts);
    }

    private static List<String> errors(VerifyResult result, String node, String check) {
        return result.of(node, check).stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::located).toList();
    }

    private static int lineOf(byte[] file, String text) {
        String content = new String(file, StandardCharsets.ISO_8859_1);
        return (int) content.substring(0, content.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theWiredClusterPassesEveryDatabaseCheck() {
        VerifyResult result = verify();
        assertEquals(0, result.errors() + result.warnings(), result.text());
        assertTrue(result.checks().containsAll(List.of("datasources", "registry-mounts", "user-store", "local-registry")));
    }

    @Test
    void aWorkerOnAnotherRegistryDatabaseIsAnError() {
        edit("worker2", DATASOURCES, t -> t.replace("3306/REGISTRY_DB", "3306/REGISTRY_DB_OLD"));
        VerifyResult result = verify();
        int line = lineOf(nodes.get("worker2").get(DATASOURCES), "<datasource>\n            <name>WSO2_REGISTRY_DB");
        assertEquals(List.of(DATASOURCES + ":" + line + ": datasource WSO2_REGISTRY_DB has URL"
                + " 'jdbc:mysql://carbondb.mysql-wso2.com:3306/REGISTRY_DB_OLD?autoReconnect=true' but node 'manager' has '"
                + REGISTRY_URL + "'; the nodes must share one database: give every node the same <url>"),
                errors(result, "worker2", "datasources"));
        assertEquals(List.of(), errors(result, "worker1", "datasources"));
    }

    @Test
    void aNodeWithoutTheSharedUserStoreDatasourceAndARealmStillOnItsOwnDatabaseAreErrors() {
        edit("worker1", DATASOURCES, t -> t.replaceFirst("(?s)\\s*<datasource>\\s*<name>WSO2_USER_DB</name>.*?</datasource>", ""));
        edit("worker1", USER_MGT, t -> t.replace("jdbc/WSO2UMDB", "jdbc/WSO2CarbonDB"));
        VerifyResult result = verify();
        assertEquals(List.of(DATASOURCES + ": has no datasource WSO2_USER_DB, which node 'manager' shares"
                + " (jdbc:mysql://carbondb.mysql-wso2.com:3306/WSO2_USER_DB); every node needs the same shared datasources:"
                + " add it, as configure-cluster's <databases> does"), errors(result, "worker1", "datasources"));
        List<String> userStore = errors(result, "worker1", "user-store");
        assertEquals(1, userStore.size(), result.text());
        assertTrue(userStore.get(0).startsWith(USER_MGT + ":" + lineOf(nodes.get("worker1").get(USER_MGT), "jdbc/WSO2CarbonDB")
                + ": the user store (jdbc/WSO2CarbonDB) is its own embedded database (jdbc:h2:"), userStore.get(0));
    }

    @Test
    void aJndiNameNoDatasourceHasIsAnError() {
        edit("manager", REGISTRY, t -> t.replace("<dataSource>jdbc/WSO2RegistryDB</dataSource>",
                "<dataSource>jdbc/WSO2RegistryDb</dataSource>"));
        VerifyResult result = verify();
        int line = lineOf(nodes.get("manager").get(REGISTRY), "<dbConfig name=\"sharedregistry\">");
        assertEquals(List.of(REGISTRY + ":" + line + ": dbConfig 'sharedregistry' uses jdbc/WSO2RegistryDb, which no"
                + " datasource of " + DATASOURCES + " has as its JNDI name; Carbon fails to start: add the datasource or fix"
                + " <dataSource>"), errors(result, "manager", "datasources"));
    }

    @Test
    void aCacheIdThatIsNotUsernameAtUrlIsAnError() {
        edit("worker1", REGISTRY, t -> t.replace("<cacheId>regadmin@", "<cacheId>root@"));
        VerifyResult result = verify();
        int line = lineOf(nodes.get("worker1").get(REGISTRY), "<remoteInstance url=");
        assertEquals(List.of(REGISTRY + ":" + line + ": remoteInstance 'instanceid' has cacheId 'root@" + REGISTRY_URL
                + "', not username@url of WSO2_REGISTRY_DB; Carbon keys the registry cache by it and a wrong one breaks cache"
                + " invalidation silently: set <cacheId> to exactly 'regadmin@" + REGISTRY_URL + "'"),
                errors(result, "worker1", "registry-mounts"));
    }

    @Test
    void aWritableRegistryOnAWorkerAndAReadOnlyOneOnTheManagerAreErrors() {
        edit("worker2", REGISTRY, t -> t.replace("<readOnly>true</readOnly>", "<readOnly>false</readOnly>"));
        edit("manager", REGISTRY, t -> t.replaceFirst("(?s)(<remoteInstance[^>]*>(?:(?!</remoteInstance>).)*?<readOnly>)false",
                "$1true"));
        VerifyResult result = verify();
        assertEquals(1, errors(result, "worker2", "registry-mounts").size(), result.text());
        assertTrue(errors(result, "worker2", "registry-mounts").get(0).contains("has readOnly false on a worker, which would"
                + " write the shared registry and race the manager; set it to true"));
        assertTrue(errors(result, "manager", "registry-mounts").get(0).contains("has readOnly true on a manager"),
                result.text());
    }

    @Test
    void aMountOnAMissingInstanceAndMountsThatDifferAreErrors() {
        edit("worker1", REGISTRY, t -> t.replace("<targetPath>/_system/nodes</targetPath>", "<targetPath>/_system/w1</targetPath>"));
        edit("worker2", REGISTRY, t -> t.replaceFirst("<instanceId>instanceid</instanceId>", "<instanceId>instanceId</instanceId>"));
        VerifyResult result = verify();
        assertEquals(1, errors(result, "worker1", "registry-mounts").size(), result.text());
        assertTrue(errors(result, "worker1", "registry-mounts").get(0).contains(": mounts [/_system/config -> /_system/w1,"
                + " /_system/governance -> /_system/governance] differ from node 'manager''s [/_system/config -> /_system/nodes,"
                + " /_system/governance -> /_system/governance]"), result.text());
        assertTrue(errors(result, "worker2", "registry-mounts").get(0).contains("mount /_system/config uses instanceId"
                + " 'instanceId', which no active <remoteInstance> has as its <id>"), result.text());
    }

    @Test
    void twoNodesSharingOneLocalRegistryDatabaseIsAnErrorOwnH2Passes() {
        for (String node : List.of("manager", "worker1")) {
            edit(node, DATASOURCES, t -> t.replaceFirst("<url>jdbc:h2:[^<]*</url>", "<url>jdbc:mysql://db:3306/LOCAL</url>"));
        }
        VerifyResult result = verify();
        assertEquals(List.of(), errors(result, "manager", "local-registry"));
        assertEquals(1, errors(result, "worker1", "local-registry").size(), result.text());
        assertTrue(errors(result, "worker1", "local-registry").get(0).contains("WSO2_CARBON_DB (the local registry) is"
                + " jdbc:mysql://db:3306/LOCAL, the same database as node 'manager''s"), result.text());
        assertEquals(List.of(), errors(result, "worker2", "local-registry"));
    }

    @Test
    void placeholdersInTheWiringAreErrorsButPasswordsAreNeverScanned() {
        edit("worker1", DATASOURCES, t -> t.replace("<password>secret</password>", "<password>${db.password}</password>")
                .replace("3306/WSO2_USER_DB", "${db.port}/WSO2_USER_DB"));
        VerifyResult result = verify();
        List<String> placeholders = errors(result, "worker1", "placeholders");
        assertEquals(1, placeholders.size(), result.text());
        assertTrue(placeholders.get(0).contains("${db.port}"), placeholders.toString());
        assertTrue(result.findings().stream().noneMatch(f -> f.message().contains("db.password")), result.text());
    }
}
