package io.github.wso2cluster.verify.live;

import static io.github.wso2cluster.testkit.ProductBuilds.database;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.MariaDbServer;
import io.github.wso2cluster.testkit.ProductBuilds;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * live-database on every product database, against a real MariaDB the test starts under target/: an Identity
 * Server cluster's three shared databases each connected once; a Micro Integrator cluster's coordination database
 * checked for the tables of the distribution's own dbscripts/mysql/mysql_cluster.sql (present, and missing).
 */
class LiveProductDatabasesTest {
    private static final String PASSWORD = "Pr0duct-db!";
    private static MariaDbServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMariaDb() throws Exception {
        String schema = Files.readString(ProductBuilds.PRODUCTS.resolve("mi-4.3.0/dbscripts/mysql/mysql_cluster.sql"));
        StringBuilder init = new StringBuilder();
        for (String db : List.of("CLUSTER_DB", "EMPTY_CLUSTER_DB", "IDENTITY_DB", "SHARED_DB", "USER_DB")) {
            init.append("CREATE DATABASE IF NOT EXISTS ").append(db).append(";\n");
        }
        init.append("CREATE USER IF NOT EXISTS 'wso2'@'%' IDENTIFIED BY '").append(PASSWORD).append("';\n")
                .append("GRANT ALL ON *.* TO 'wso2'@'%';\nUSE CLUSTER_DB;\n").append(schema).append('\n');
        server = MariaDbServer.start(Path.of("target", "mariadb-products-" + ProcessHandle.current().pid()).toAbsolutePath(),
                init.toString());
    }

    @AfterAll
    static void stopMariaDb() {
        if (server != null) {
            server.close();
        }
    }

    private static DatabaseInput on(String name) {
        DatabaseInput in = database("jdbc:mysql://127.0.0.1:" + server.port() + "/" + name + "?useSSL=false&allowPublicKeyRetrieval=true",
                "wso2");
        in.setPassword(PASSWORD);
        return in;
    }

    private static LiveDatabases.Outcome live(List<NodeFacts> nodes) throws Exception {
        Path jar = Path.of(com.mysql.cj.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            return new LiveDatabases().run(nodes, loader);
        }
    }

    private static ClusterInput nodes(String... ids) {
        ClusterInput input = new ClusterInput();
        input.nodes = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            NodeInput node = Fixtures.node(ids[i], null, "10.0.3." + (11 + i), null);
            node.setWellKnown("true");
            input.nodes.add(node);
        }
        input.databases = new DatabasesInput();
        return input;
    }

    @Test
    void everySharedDatabaseOfAnIdentityServerClusterIsReachedOnce() throws Exception {
        ClusterInput input = nodes("is1", "is2");
        input.domain = "wso2.is.domain";
        input.databases.setIdentity(on("IDENTITY_DB"));
        input.databases.setRegistry(on("SHARED_DB"));
        input.databases.setUserStore(on("USER_DB"));
        LiveDatabases.Outcome outcome = live(ProductBuilds.read(ProductBuilds.zips(ProductBuilds.build(
                ProductBuilds.identityServer7(), input, tmp, "is"))));
        assertEquals("3 of 3 shared databases answered", outcome.summary(), outcome.findings().toString());
        List<Finding> is1 = outcome.findings().stream().filter(f -> f.node().equals("is1")).toList();
        assertEquals(3, is1.size(), is1.toString());
        assertTrue(is1.stream().allMatch(f -> f.severity() == Severity.INFO && f.message().startsWith("connected to")), is1.toString());
        // The URL reaches the driver unescaped ("&" in deployment.toml is "&amp;", which the server's XML parser reads).
        assertTrue(is1.stream().anyMatch(f -> f.message().contains("/IDENTITY_DB?useSSL=false&allowPublicKeyRetrieval=true")),
                is1.toString());
        assertTrue(outcome.findings().stream().noneMatch(f -> f.message().contains(PASSWORD)));
    }

    @Test
    void theCoordinationDatabaseMustHoldTheTablesOfTheDistributionsClusterScript() throws Exception {
        ClusterInput input = nodes("mi1", "mi2");
        input.databases.setCoordination(on("CLUSTER_DB"));
        LiveDatabases.Outcome ready = live(ProductBuilds.read(ProductBuilds.zips(ProductBuilds.build(
                ProductBuilds.microIntegrator(), input, tmp, "mi"))));
        assertEquals("1 of 1 shared database answered", ready.summary());
        assertTrue(ready.findings().stream().allMatch(f -> f.severity() == Severity.INFO && f.message().endsWith("; it holds"
                + " the 5 tables of dbscripts/mysql/mysql_cluster.sql")), ready.findings().toString());

        input.databases.setCoordination(on("EMPTY_CLUSTER_DB"));
        LiveDatabases.Outcome empty = live(ProductBuilds.read(ProductBuilds.zips(ProductBuilds.build(
                ProductBuilds.microIntegrator(), input, tmp, "mi-empty"))));
        List<Finding> errors = empty.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(2, errors.size(), empty.findings().toString());
        assertTrue(errors.get(0).message().contains("but it lacks the tables LEADER_STATUS_TABLE, CLUSTER_NODE_STATUS_TABLE,"
                + " MEMBERSHIP_EVENT_TABLE, REMOVED_MEMBERS_TABLE, COORDINATED_TASK_TABLE of the distribution's"
                + " dbscripts/mysql/mysql_cluster.sql: coordination fails at start; run that script on the database"),
                errors.get(0).message());
    }
}
