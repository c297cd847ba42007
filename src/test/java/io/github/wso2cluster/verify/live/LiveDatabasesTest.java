package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.verify.ClusterVerifier;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeFiles;
import io.github.wso2cluster.verify.facts.NodeReader;
import io.github.wso2cluster.verify.report.Reports;
import io.github.wso2cluster.verify.report.VerifyResult;
import java.nio.file.Files;
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
        return build("jdbc:mysql://carbondb.mysql-wso2.com:" + port + "/REGISTRY_DB?autoReconnect=true", registryPassword,
                port, Map.of());
    }

    /** @param libraries jars put into the distribution's repository/components/lib (the node then has them too) */
    private List<NodeFacts> build(String registryUrl, String registryPassword, int port, Map<String, byte[]> libraries)
            throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        // The database by its DNS name, resolved through the nodes' hosts entries, as in WSO2's guide.
        input.hostsEntries = List.of("127.0.0.1 carbondb.mysql-wso2.com");
        input.databases = new DatabasesInput();
        DatabaseInput registry = new DatabaseInput(registryUrl, null);
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
        ZipBuilder distribution = ZipBuilder.create().folder(Fixtures.referenceRoot().resolve("esb-4.9.0"), "wso2esb-4.9.0");
        libraries.forEach((name, bytes) -> distribution.file("wso2esb-4.9.0/repository/components/lib/" + name, bytes, 0644));
        Path zip = distribution.write(tmp.resolve("esb.zip"));
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

    /** The live check as verify-cluster runs it, through its LiveCheck adapter, with or without databases/driver. */
    private LiveOutcome check(List<NodeFacts> nodes, Path mavenDriver) throws Exception {
        LiveEnvironment environment = new LiveEnvironment() {
            @Override
            public Path hazelcast(List<String> versions) throws LiveSetupException {
                throw new LiveSetupException("not here");
            }

            @Override
            public java.util.Optional<Path> driver() {
                return java.util.Optional.ofNullable(mavenDriver);
            }
        };
        return new LiveDatabases().check(nodes, new LiveContext(environment, tmp.resolve("work"), java.time.Duration.ofSeconds(5),
                null, null, "none", Reporter.SILENT));
    }

    /**
     * A jar whose classes are named like the driver's and whose static initializers write {@code marker}: what a
     * node zip of unknown origin can carry in its library folder.
     */
    private byte[] impostor(Path marker, String... classes) throws Exception {
        javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
        Path sources = Files.createDirectories(tmp.resolve("impostor-src"));
        Path classesDir = Files.createDirectories(tmp.resolve("impostor-classes"));
        List<String> files = new ArrayList<>();
        for (String name : classes) {
            String pkg = name.substring(0, name.lastIndexOf('.'));
            Path source = Files.createDirectories(sources.resolve(pkg.replace('.', '/'))).resolve("Driver.java");
            Files.writeString(source, "package " + pkg + ";\npublic class Driver {\n    static {\n        try {\n"
                    + "            java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker.toString().replace("\\", "/")
                    + "\"), \"" + name + " ran in the build's JVM\");\n        } catch (java.io.IOException e) {\n"
                    + "            throw new IllegalStateException(e);\n        }\n    }\n}\n");
            files.add(source.toString());
        }
        List<String> arguments = new ArrayList<>(List.of("-d", classesDir.toString()));
        arguments.addAll(files);
        assertEquals(0, compiler.run(null, null, null, arguments.toArray(String[]::new)));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream jar = new java.util.zip.ZipOutputStream(bytes); var walk = Files.walk(classesDir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new java.util.zip.ZipEntry(classesDir.relativize(file).toString().replace('\\', '/')));
                jar.write(Files.readAllBytes(file));
            }
        }
        return bytes.toByteArray();
    }

    /**
     * LOAD DATA LOCAL INFILE lets the server have the client send any of its files. The URL asks for it
     * (allowLoadLocalInfile=true, as a POM or a node zip may): a plain connection sends the file, the live check's does
     * not, and its case says what it switched off (issue 26).
     */
    @Test
    void aUrlThatAllowsLocalInfileCannotMakeTheCheckSendAFile() throws Exception {
        Path secret = Files.writeString(tmp.resolve("build-machine-secret.txt"), "the build machine's secret\n");
        String url = "jdbc:mysql://127.0.0.1:" + server.port() + "/REGISTRY_DB?allowLoadLocalInfile=true&autoDeserialize=true";
        String load = "LOAD DATA LOCAL INFILE '" + secret.toString().replace("\\", "/") + "' INTO TABLE stolen";
        try (URLClassLoader loader = new URLClassLoader(new URL[] {driverJar().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            // What a plain connection with that URL does: the server gets the file.
            java.util.Properties login = new java.util.Properties();
            login.setProperty("user", "regadmin");
            login.setProperty("password", REGISTRY_PASSWORD);
            java.sql.Driver plain = (java.sql.Driver) Class.forName("com.mysql.cj.jdbc.Driver", true, loader)
                    .getDeclaredConstructor().newInstance();
            try (java.sql.Connection connection = plain.connect(url, login); java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS stolen (line VARCHAR(200))");
                statement.execute("DELETE FROM stolen");
                statement.execute(load);
                assertEquals(1, count(statement), "the server read the build machine's file over a plain connection");
                statement.execute("DELETE FROM stolen");
            }

            JdbcUrls.Prepared prepared = JdbcUrls.forLiveCheck(url, Map.of());
            assertEquals(List.of("allowLoadLocalInfile", "autoDeserialize"), prepared.removed());
            assertFalse(prepared.url().toLowerCase(java.util.Locale.ROOT).contains("localinfile"), prepared.url());
            // The check's own connection, and one with the URL left as it was but the check's properties (they win).
            JdbcUrls.Prepared unstripped = new JdbcUrls.Prepared(url, prepared.properties(), List.of(), null);
            for (JdbcUrls.Prepared way : List.of(prepared, unstripped)) {
                try (java.sql.Connection connection = LiveDatabases.open(loader, "com.mysql.jdbc.Driver", way, "regadmin",
                        REGISTRY_PASSWORD); java.sql.Statement statement = connection.createStatement()) {
                    java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                            () -> statement.execute(load));
                    // The client no longer offers the capability, so the server refuses the statement (MariaDB 1148).
                    assertTrue(refused.getMessage().matches("(?is).*(local infile|loading local data is disabled).*"),
                            refused.getMessage());
                    assertEquals(0, count(statement), way.url());
                }
            }
        }

        List<NodeFacts> nodes = build("jdbc:mysql://carbondb.mysql-wso2.com:" + server.port()
                + "/REGISTRY_DB?autoReconnect=true&allowLoadLocalInfile=true&autoDeserialize=true", REGISTRY_PASSWORD,
                server.port(), Map.of());
        LiveOutcome outcome = check(nodes, driverJar());
        assertEquals("live-database: 2 of 2 shared databases answered", outcome.line());
        List<String> registry = outcome.findings().stream().map(Finding::message).filter(m -> m.contains("REGISTRY_DB")).toList();
        assertEquals(3, registry.size(), outcome.findings().toString());
        assertTrue(registry.stream().allMatch(m -> m.endsWith("(driver from databases/driver (mysql-connector-j-8.4.0.jar);"
                + " switched off from the URL, as they let the server act on this machine: allowLoadLocalInfile,"
                + " autoDeserialize)")), registry.toString());
    }

    private static int count(java.sql.Statement statement) throws java.sql.SQLException {
        try (java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM stolen")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * A class named like the driver in another jar of the node's library folder is never loaded: the driver comes
     * from databases/driver alone, or else from the ONE node jar that holds the datasource's driver class, in a class
     * loader of its own; two jars holding it is refused, naming both (issue 26).
     */
    @Test
    void aDriverImpostorInTheNodesLibraryFolderNeverRuns() throws Exception {
        Path marker = tmp.resolve("impostor-ran.txt");
        // Sorted first in the folder; named like Connector/J's old alias, while the datasources name Connector/J 8's own
        // class (configure-cluster writes com.mysql.cj.jdbc.Driver for the 8.4.0 driver jar).
        List<NodeFacts> nodes = build("jdbc:mysql://carbondb.mysql-wso2.com:" + server.port() + "/REGISTRY_DB",
                REGISTRY_PASSWORD, server.port(), Map.of("aaa-impostor.jar", impostor(marker, "com.mysql.jdbc.Driver")));
        for (Path mavenDriver : java.util.Arrays.asList(driverJar(), null)) {
            LiveOutcome outcome = check(nodes, mavenDriver);
            assertFalse(Files.exists(marker), "the impostor's static initializer ran: " + outcome.findings());
            assertEquals("live-database: 2 of 2 shared databases answered", outcome.line(), outcome.findings().toString());
            String from = mavenDriver != null ? "(driver from databases/driver (mysql-connector-j-8.4.0.jar))"
                    : "(driver from repository/components/lib/mysql-connector-j-8.4.0.jar)";
            assertTrue(outcome.findings().stream().allMatch(f -> f.message().endsWith(from)), outcome.findings().toString());
        }

        // Both names in the impostor: two jars hold com.mysql.cj.jdbc.Driver, so none is loaded.
        List<NodeFacts> ambiguous = build("jdbc:mysql://carbondb.mysql-wso2.com:" + server.port() + "/REGISTRY_DB",
                REGISTRY_PASSWORD, server.port(), Map.of("aaa-impostor.jar", impostor(marker, "com.mysql.cj.jdbc.Driver",
                        "com.mysql.jdbc.Driver")));
        LiveOutcome refused = check(ambiguous, null);
        assertFalse(Files.exists(marker), "the impostor's static initializer ran: " + refused.findings());
        assertEquals("live-database: 0 of 2 shared databases answered", refused.line());
        assertTrue(refused.findings().stream().allMatch(f -> f.severity() == Severity.ERROR && f.message().endsWith(
                "the driver class com.mysql.cj.jdbc.Driver is in 2 jars of the node's repository/components/lib (aaa-impostor.jar,"
                + " mysql-connector-j-8.4.0.jar), so which one is the driver is not clear and none was loaded; name the"
                + " driver's artifact in <databases><driver>")), refused.findings().toString());
        assertTrue(check(ambiguous, driverJar()).line().endsWith("2 of 2 shared databases answered"));
        assertFalse(Files.exists(marker));
    }

    /**
     * A password in the URL (user:password@, password=) is masked in the findings, the text report, the JUnit XML
     * and the log, whichever check prints the URL (issue 26).
     */
    @Test
    void aPasswordInTheUrlReachesNoReportAndNoLogLine() throws Exception {
        String url = "jdbc:mysql://regadmin:" + REGISTRY_PASSWORD + "@carbondb.mysql-wso2.com:" + server.port()
                + "/REGISTRY_DB?password=" + REGISTRY_PASSWORD + "&autoReconnect=true";
        List<NodeFacts> built = build(url, REGISTRY_PASSWORD, server.port(), Map.of());
        List<String> zips = built.stream().map(NodeFacts::source).toList();
        List<String> log = new CopyOnWriteArrayList<>();
        Reporter capture = new Reporter() {
            @Override
            public void info(String message) {
                log.add(message);
            }

            @Override
            public void warn(String message) {
                log.add(message);
            }

            @Override
            public void debug(String message) {
                log.add(message);
            }
        };
        // One node disagrees on the URL's password, so a static finding quotes the URLs too.
        io.github.wso2cluster.testkit.TestClusters.editEntry(Path.of(zips.get(2)), "repository/conf/datasources/master-datasources.xml",
                t -> t.replace("?password=" + REGISTRY_PASSWORD, "?password=other-" + REGISTRY_PASSWORD));
        Path target = tmp.resolve("verify");
        io.github.wso2cluster.verify.VerifyRequest request = new io.github.wso2cluster.verify.VerifyRequest(tmp, target, false,
                String.join(",", zips), null, List.of("live-cluster", "live-load-balancer"), true, 5, null, false, true, null);
        LiveEnvironment environment = new LiveEnvironment() {
            @Override
            public Path hazelcast(List<String> versions) throws LiveSetupException {
                throw new LiveSetupException("not here");
            }

            @Override
            public java.util.Optional<Path> driver() throws LiveSetupException {
                try {
                    return java.util.Optional.of(driverJar());
                } catch (Exception e) {
                    throw new LiveSetupException(e.getMessage());
                }
            }
        };
        VerifyResult result = new io.github.wso2cluster.verify.VerifySession(request, environment, capture).run();
        String text = Files.readString(target.resolve("wso2-cluster/" + Reports.TEXT));
        String junit = Files.readString(target.resolve("wso2-cluster/" + Reports.JUNIT));
        String lines = String.join("\n", log);
        for (String output : List.of(text, junit, lines)) {
            assertFalse(output.contains(REGISTRY_PASSWORD), output);
            assertTrue(output.contains("jdbc:mysql://regadmin:******@carbondb.mysql-wso2.com:" + server.port()
                    + "/REGISTRY_DB?password=******&amp;autoReconnect=true".replace("&amp;", output == junit ? "&amp;" : "&")),
                    output);
        }
        assertTrue(result.findings().stream().anyMatch(f -> f.check().equals("datasources")), result.text());
        assertTrue(result.findings().stream().anyMatch(f -> f.check().equals(LiveDatabases.CHECK)
                && f.message().startsWith("connected to")), result.text());
    }

    /** A password only the running server resolves is reported as untestable and never sent (issue 26). */
    @Test
    void aSecretReferenceOrVaultPasswordIsNeverSent() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(listener.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<NodeFacts> nodes = build("jdbc:mysql://carbondb.mysql-wso2.com:" + listener.getLocalPort() + "/REGISTRY_DB",
                    REGISTRY_PASSWORD, listener.getLocalPort(), Map.of());
            String ds = "repository/conf/datasources/master-datasources.xml";
            for (NodeFacts node : nodes) {
                io.github.wso2cluster.testkit.TestClusters.editEntry(Path.of(node.source()), ds, t -> t
                        .replace("<password>" + REGISTRY_PASSWORD + "</password>", "<password>$secret{registry_db_password}</password>")
                        .replace("<password>" + USER_PASSWORD + "</password>", "<password svns:secretAlias=\"Datasources.UM.Password\""
                                + " xmlns:svns=\"http://org.wso2.securevault/configuration\">password</password>"));
            }
            List<NodeFacts> edited = new NodeReader(null).read(nodes.stream().map(n -> Path.of(n.source())).toList(), Map.of());
            LiveOutcome outcome = check(edited, driverJar());
            Thread.sleep(200);
            assertEquals(List.of(), accepted, "nothing connected to the database");
            assertEquals("live-database: 0 of 0 shared databases answered; 2 not tested (a password only the running server"
                    + " resolves)", outcome.line());
            assertEquals(6, outcome.findings().size(), outcome.findings().toString());
            assertTrue(outcome.findings().stream().allMatch(f -> f.severity() == Severity.INFO
                    && f.message().startsWith("not tested: ")), outcome.findings().toString());
            assertTrue(outcome.findings().stream().anyMatch(f -> f.message().contains("the password is a $secret{} reference,"
                    + " which only the running server resolves")), outcome.findings().toString());
            assertTrue(outcome.findings().stream().anyMatch(f -> f.message().contains("the password is a secure-vault alias")),
                    outcome.findings().toString());
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
