package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.verify.ClusterVerifier;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeFiles;
import io.github.wso2cluster.verify.facts.NodeReader;
import io.github.wso2cluster.verify.report.Reports;
import io.github.wso2cluster.verify.report.VerifyResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.MariaDbServer;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared-database wiring end to end against a real MariaDB that the test starts under target/: the real
 * ESB 4.9.0 files configured with {@code <databases>} (the driver jar put into every node), checked statically
 * with no finding, and live: connected through the host name of {@code hostsEntries}, as whom and to which
 * server; a wrong password, a closed port and a server that never answers each fail within the time limit
 * with the SQLState, and no report holds a password.
 */
class LiveDatabasesTest {
    private static final String REGISTRY_PASSWORD = "reg-S3cret!";
    private static final String USER_PASSWORD = "um-S3cret!";
    private static MariaDbServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startMariaDb() throws Exception {
        Path folder = Path.of("target", "mariadb-" + ProcessHandle.current().pid()).toAbsolutePath();
        server = MariaDbServer.start(folder, String.join("\n",
                "CREATE DATABASE IF NOT EXISTS REGISTRY_DB;",
                "CREATE DATABASE IF NOT EXISTS WSO2_USER_DB;",
                "CREATE USER IF NOT EXISTS 'regadmin'@'%' IDENTIFIED BY '" + REGISTRY_PASSWORD + "';",
                "CREATE USER IF NOT EXISTS 'umadmin'@'%' IDENTIFIED BY '" + USER_PASSWORD + "';",
                "GRANT ALL ON REGISTRY_DB.* TO 'regadmin'@'%';",
                "GRANT ALL ON WSO2_USER_DB.* TO 'umadmin'@'%';", ""));
    }

    @AfterAll
    static void stopMariaDb() throws Exception {
        if (server != null) {
            long pid = server.pid();
            server.close();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "mariadbd " + pid + " is stopped");
        }
    }

    /** The driver jar, as Maven resolves it for {@code databases/driver}. */
    private static Path driverJar() throws Exception {
        return Path.of(com.mysql.cj.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private List<NodeFacts> build(int port, String registryPassword) throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        // The database by its DNS name, resolved through the nodes' hosts entries, as in WSO2's guide.
        input.hostsEntries = List.of("127.0.0.1 carbondb.mysql-wso2.com");
        input.databases = new DatabasesInput();
        DatabaseInput registry = new DatabaseInput("jdbc:mysql://carbondb.mysql-wso2.com:" + port
                + "/REGISTRY_DB?autoReconnect=true", null);
        registry.setUsername("regadmin");
        registry.setPassword(registryPassword);
        DatabaseInput users = new DatabaseInput("jdbc:mysql://carbondb.mysql-wso2.com:" + port
                + "/WSO2_USER_DB?autoReconnect=true", null);
        users.setUsername("umadmin");
        users.setPassword(USER_PASSWORD);
        input.databases.setRegistry(registry);
        input.databases.setUserStore(users);
        input.databases.setDriver("com.mysql:mysql-connector-j:8.4.0");
        Path jar = driverJar();
        Cluster cluster = new TopologyValidator(CredentialSource.NONE, coordinates -> jar).validate(input);
        Path zip = ZipBuilder.create().folder(Fixtures.referenceRoot().resolve("esb-4.9.0"), "wso2esb-4.9.0")
                .write(tmp.resolve("esb.zip"));
        ClusterAssembly.Request request = new ClusterAssembly.Request(zip, Digests.sha256(zip), null,
                new OutputLayout(tmp.resolve("out"), "cluster"), new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")),
                true, 2, "test");
        List<Path> zips = new ClusterAssembly(Reporter.SILENT).assemble(cluster, request).zips().stream()
                .map(z -> z.zip()).toList();
        return new NodeReader(null).read(zips, Map.of());
    }

    /** The live check as verify-cluster runs it: the driver from the node's own library folder. */
    private LiveDatabases.Outcome live(List<NodeFacts> nodes) throws Exception {
        List<Path> jars = NodeFiles.copyLibraries(nodes.get(0), tmp.resolve("lib"));
        assertEquals(List.of("mysql-connector-j-8.4.0.jar"), jars.stream().map(j -> j.getFileName().toString()).toList());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jars.get(0).toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            return new LiveDatabases().run(nodes, loader);
        }
    }

    @Test
    void configuredNodesPassStaticallyAndConnectLiveThroughTheirHostsEntries() throws Exception {
        List<NodeFacts> nodes = build(server.port(), REGISTRY_PASSWORD);
        VerifyResult result = new ClusterVerifier().verify(nodes);
        assertEquals(0, result.errors() + result.warnings(), result.text());
        assertTrue(result.checks().containsAll(List.of("datasources", "registry-mounts", "user-store", "local-registry")),
                result.checks().toString());
        assertEquals(List.of("shared-state", "load-balancer", "toml-keys"), new ArrayList<>(result.notApplicable().keySet()));

        LiveDatabases.Outcome outcome = live(nodes);
        assertNull(outcome.notApplicable());
        assertEquals("2 of 2 shared databases answered", outcome.summary());
        assertEquals(6, outcome.findings().size(), outcome.findings().toString());
        for (Finding finding : outcome.findings()) {
            assertEquals(Severity.INFO, finding.severity(), finding.toString());
            // Connector/J names a MariaDB server "MySQL 5.5.5-<MariaDB version>".
            assertTrue(finding.message().matches("connected to jdbc:mysql://carbondb\\.mysql-wso2\\.com:" + server.port()
                    + "/(REGISTRY_DB|WSO2_USER_DB)\\?autoReconnect=true as '(regadmin|umadmin)@127\\.0\\.0\\.1': MySQL .*MariaDB.*"),
                    finding.message());
        }
        String text = result.withLive(LiveDatabases.CHECK, outcome.findings(), "live-database: " + outcome.summary()).text();
        assertTrue(text.contains("live-database: 2 of 2 shared databases answered"), text);
        assertFalse(text.contains(REGISTRY_PASSWORD) || text.contains(USER_PASSWORD), text);
    }

    @Test
    void aWrongPasswordFailsFastWithTheSqlStateAndNeverShowsThePassword() throws Exception {
        List<NodeFacts> nodes = build(server.port(), "not-the-password");
        long start = System.nanoTime();
        LiveDatabases.Outcome outcome = live(nodes);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("1 of 2 shared databases answered", outcome.summary());
        List<Finding> errors = outcome.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(3, errors.size(), outcome.findings().toString());
        for (Finding error : errors) {
            assertTrue(error.message().startsWith("could not connect to jdbc:mysql://carbondb.mysql-wso2.com:" + server.port()
                    + "/REGISTRY_DB?autoReconnect=true as 'regadmin': SQLState 28000: Access denied for user 'regadmin'"),
                    error.message());
            assertFalse(error.message().contains("not-the-password"), error.message());
            assertEquals("repository/conf/datasources/master-datasources.xml", error.file());
        }
        // autoReconnect=true in the URL would retry for seconds; the check turns it off.
        assertTrue(seconds < 2.5, "took " + seconds + " s");
    }

    @Test
    void aClosedPortAndAServerThatNeverAnswersFailWithinTheLimit() throws Exception {
        int closed = MariaDbServer.freePort();
        List<NodeFacts> refused = build(closed, REGISTRY_PASSWORD);
        long start = System.nanoTime();
        LiveDatabases.Outcome outcome = live(refused);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("0 of 2 shared databases answered", outcome.summary());
        assertTrue(outcome.findings().stream().allMatch(f -> f.severity() == Severity.ERROR
                && f.message().contains("SQLState 08")), outcome.findings().toString());
        assertTrue(seconds < 5, "took " + seconds + " s for two URLs");

        // A listener that accepts and never says a word: the driver's own timeout, else the hard limit, ends it.
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<NodeFacts> mute = build(silent.getLocalPort(), REGISTRY_PASSWORD);
            start = System.nanoTime();
            outcome = live(mute);
            seconds = (System.nanoTime() - start) / 1e9;
            assertEquals("0 of 2 shared databases answered", outcome.summary());
            assertTrue(outcome.findings().stream().allMatch(f -> f.severity() == Severity.ERROR), outcome.findings().toString());
            assertTrue(seconds < 2 * 2.6, "took " + seconds + " s for two URLs");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void nodesWithoutASharedDatasourceSkipTheDatabaseChecksSayingWhy() throws Exception {
        Path zip = ZipBuilder.create().folder(Fixtures.referenceRoot().resolve("esb-4.9.0"), "wso2esb-4.9.0")
                .write(tmp.resolve("plain.zip"));
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(Fixtures.referenceCluster());
        ClusterAssembly.Request request = new ClusterAssembly.Request(zip, Digests.sha256(zip), null,
                new OutputLayout(tmp.resolve("plain"), "cluster"), new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")),
                true, 2, "test");
        List<NodeFacts> nodes = new NodeReader(null).read(new ClusterAssembly(Reporter.SILENT).assemble(cluster, request)
                .zips().stream().map(z -> z.zip()).toList(), Map.of());
        VerifyResult result = new ClusterVerifier().verify(nodes);
        assertEquals(List.of("datasources", "registry-mounts", "user-store", "local-registry", "shared-state", "load-balancer",
                "toml-keys"),
                new ArrayList<>(result.notApplicable().keySet()));
        assertTrue(result.text().contains("not applicable: datasources, registry-mounts, user-store, local-registry (no shared"
                + " datasource"), result.text());
        String junit = Reports.junit(result, false);
        assertTrue(junit.contains("name=\"registry-mounts\" time=\"0\">\n    <skipped message=\"not applicable: no shared"
                + " datasource"), junit);
        LiveDatabases.Outcome outcome = new LiveDatabases().run(nodes, getClass().getClassLoader());
        assertNotNull(outcome.notApplicable());
        assertEquals(List.of(), outcome.findings());
    }

    /** The driver comes from the first readable node: a node that cannot be read does not stop the live check. */
    @Test
    void theDriverIsTakenFromTheFirstReadableNode() throws Exception {
        List<NodeFacts> nodes = new ArrayList<>(build(server.port(), REGISTRY_PASSWORD));
        Path missing = tmp.resolve("gone.zip");
        nodes.add(0, NodeFiles.unreadable(missing, "it does not exist"));
        List<Path> jars = NodeFiles.copyLibraries(nodes, tmp.resolve("first-readable"));
        assertEquals(List.of("mysql-connector-j-8.4.0.jar"), jars.stream().map(j -> j.getFileName().toString()).toList());
    }
}
