package io.github.wso2cluster.verify;

import static io.github.wso2cluster.testkit.ProductBuilds.database;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.ClusterBuildException;
import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.testkit.NodeZip;
import io.github.wso2cluster.testkit.ProductBuilds;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.report.Reports;
import io.github.wso2cluster.verify.report.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Every piece of cluster state shared, on real files: Identity Server 7.0.0 and API Manager 4.1.0 (deployment.toml),
 * API Manager 2.1.0 and EI 6.4.0's business-process profile (XML). Configured from a valid POM they pass; the
 * issue's clusters (identity_db or apim_db left on each node's H2) fail shared-state, naming node, file, line,
 * datasource and the databases element.
 */
class ProductDatabasesTest {
    private static final String TOML = "repository/conf/deployment.toml";
    private static final String IDENTITY_URL = "jdbc:mysql://db.example.com:3306/IDENTITY_DB?useSSL=false&serverTimezone=UTC";

    @TempDir
    Path tmp;

    private static ClusterInput twoNodes(String domain) {
        ClusterInput input = new ClusterInput();
        input.domain = domain;
        NodeInput one = Fixtures.node("node1", null, "10.0.1.11", null);
        one.setWellKnown("true");
        NodeInput two = Fixtures.node("node2", null, "10.0.1.12", null);
        two.setWellKnown("true");
        input.nodes = new ArrayList<>(List.of(one, two));
        input.databases = new DatabasesInput();
        input.databases.setRegistry(database("jdbc:mysql://db.example.com:3306/SHARED_DB", "shared"));
        input.databases.setUserStore(database("jdbc:mysql://db.example.com:3306/USER_DB", "users"));
        return input;
    }

    private static VerifyResult verify(List<NodeFacts> nodes) {
        return new ClusterVerifier().verify(nodes);
    }

    @Test
    void anIdentityServerClusterWithItsIdentityDatabaseOnEachNodesH2FailsNamingTheElementThatFixesIt() throws Exception {
        // The issue, as a new user tried it: registry and user store shared, identity_db left as shipped.
        List<NodeFacts> nodes = ProductBuilds.read(ProductBuilds.zips(ProductBuilds.build(ProductBuilds.identityServer7(),
                twoNodes("wso2.is.domain"), tmp, "is")));
        VerifyResult result = verify(nodes);
        for (String node : List.of("node1", "node2")) {
            List<Finding> state = result.of(node, "shared-state");
            assertEquals(1, state.size(), result.text());
            assertTrue(state.get(0).located().matches("repository/conf/deployment\\.toml:\\d+: WSO2_IDENTITY_DB is"
                    + " node-local \\(jdbc:h2:\\./repository/database/WSO2IDENTITY_DB;.*\\): OAuth tokens, sessions and"
                    + " consents live on this node only, so the cluster is a cluster of one for them; share it with"
                    + " <databases><identity>"), state.get(0).located());
        }
        assertTrue(result.text().contains("product: Identity Server 7.0.0 (deployment.toml)\n"), result.text());
    }

    @Test
    void anIdentityServerClusterConfiguredFromAValidPomPassesAndItsUrlIsEscapedWhereTheTemplatesRenderXml() throws Exception {
        ClusterInput input = twoNodes("wso2.is.domain");
        input.databases.setIdentity(database(IDENTITY_URL, "identity"));
        ClusterAssembly.Result built = ProductBuilds.build(ProductBuilds.identityServer7(), input, tmp, "is");
        List<NodeFacts> nodes = ProductBuilds.read(ProductBuilds.zips(built));
        VerifyResult result = verify(nodes);
        assertEquals(0, result.errors() + result.warnings(), result.text());
        assertTrue(result.checks().contains("shared-state"), result.checks().toString());
        // What the server reads (the XML the template renders) is the URL as given.
        Datasource identity = nodes.get(0).databases().datasource("WSO2_IDENTITY_DB").orElseThrow();
        assertEquals(IDENTITY_URL, identity.url());
        assertEquals("p&ss<word", identity.password().reveal());
        try (NodeZip node = NodeZip.open(built.zips().get(1).zip().toFile())) {
            String text = node.text(TOML);
            TomlParseResult toml = Toml.parse(text);
            assertEquals("mysql", toml.getString("database.identity_db.type"));
            assertEquals(IDENTITY_URL.replace("&", "&amp;"), toml.getString("database.identity_db.url"));
            assertEquals("p&amp;ss&lt;word", toml.getString("database.identity_db.password"));
            assertEquals("mysql", toml.getString("database.shared_db.type"));
            // Surgical: of the stock lines only values the settings set changed.
            String stock = Files.readString(ProductBuilds.TOML.resolve("is-7.0.0/" + TOML));
            LineDiff.of(stock, text).removed().forEach(line -> assertTrue(line.matches("(hostname|type|url|username|password)"
                    + " = .*\\n?"), line));
            assertEquals("identity-server", node.properties("cluster/node.properties").getProperty("product"));
            assertEquals("7.0.0", node.properties("cluster/node.properties").getProperty("productVersion"));
            assertEquals("member", node.properties("cluster/node.properties").getProperty("role"));
        }
        String manifest = Files.readString(tmp.resolve("out-is/wso2-cluster/cluster.json"));
        assertTrue(manifest.contains("\"product\": {\"id\": \"identity-server\", \"name\": \"Identity Server\", \"version\":"
                + " \"7.0.0\", \"format\": \"deployment.toml\""), manifest);
        assertTrue(!manifest.contains("ss<word") && !manifest.contains("p&amp;ss"), manifest);
        Reports.write(result, tmp.resolve("reports"), false);
        assertTrue(Files.readString(tmp.resolve("reports/" + Reports.JUNIT)).contains("<property"
                + " name=\"wso2-cluster.node1.product\" value=\"Identity Server 7.0.0 (deployment.toml)\"/>"));

        // Built elsewhere (archives): a node whose identity_db points at another database is named too.
        TestClusters.editEntry(built.zips().get(1).zip(), TOML, t -> t.replace("IDENTITY_DB?useSSL", "IDENTITY2_DB?useSSL"));
        List<Finding> differ = verify(ProductBuilds.read(ProductBuilds.zips(built))).of("node2", "shared-state");
        assertEquals(1, differ.size(), differ.toString());
        assertTrue(differ.get(0).message().startsWith("WSO2_IDENTITY_DB is identity@jdbc:mysql://db.example.com:3306/"
                + "IDENTITY2_DB?useSSL=false&serverTimezone=UTC but node 'node1' has identity@" + IDENTITY_URL), differ.toString());
    }

    @Test
    void anApiManagerGatewayNeedsOnlyTheSharedDatabaseAndEveryOtherRoleItsApimDatabase() throws Exception {
        ZipBuilder am = ZipBuilder.create().folder(ProductBuilds.TOML.resolve("apim-4.1.0"), "wso2am-4.1.0");
        ClusterInput input = twoNodes("wso2.am.domain");
        input.nodes.get(0).setRole("control-plane");
        input.nodes.get(1).setRole("gateway");
        VerifyResult result = verify(ProductBuilds.read(ProductBuilds.zips(ProductBuilds.build(am, input, tmp, "am"))));
        assertEquals(1, result.errors(), result.text());
        assertTrue(result.of("node1", "shared-state").get(0).message().startsWith("WSO2AM_DB is node-local"), result.text());
        assertEquals(List.of(), result.of("node2", "shared-state"), result.text());

        input.databases.setApim(database("jdbc:mariadb://db.example.com:3306/APIM_DB", "apim"));
        ClusterAssembly.Result built = ProductBuilds.build(am, input, tmp, "am2");
        assertEquals(0, verify(ProductBuilds.read(ProductBuilds.zips(built))).errors());
        try (NodeZip node = NodeZip.open(built.zips().get(0).zip().toFile())) {
            TomlParseResult toml = Toml.parse(node.text(TOML));
            assertEquals("mariadb", toml.getString("database.apim_db.type"));
            assertEquals("org.mariadb.jdbc.Driver", toml.getString("database.apim_db.driver"));
        }
    }

    @Test
    void apiManager3KnowsNoMariadbTypeSoItsTablesSayMysql() throws Exception {
        ZipBuilder am = ZipBuilder.create().folder(ProductBuilds.TOML.resolve("apim-3.0.0"), "wso2am-3.0.0");
        ClusterInput input = twoNodes("wso2.am.domain");
        input.databases.setApim(database("jdbc:mariadb://db.example.com:3306/APIM_DB", "apim"));
        ClusterAssembly.Result built = ProductBuilds.build(am, input, tmp, "am3");
        try (NodeZip node = NodeZip.open(built.zips().get(0).zip().toFile())) {
            assertEquals("mysql", Toml.parse(node.text(TOML)).getString("database.apim_db.type"));
        }
    }

    /** API Manager 2.1.0: its own axis2.xml, registry.xml and datasources on the kernel's carbon.xml and user-mgt.xml. */
    private static ZipBuilder apim210() throws Exception {
        String top = "wso2am-2.1.0";
        return ZipBuilder.create().folder(ProductBuilds.CONF.resolve("apim-2.1.0"), top)
                .file(top + "/repository/conf/carbon.xml", Files.readAllBytes(ProductBuilds.CONF.resolve(
                        "carbon-kernel-4.4.1/repository/conf/carbon.xml")), 0644)
                .file(top + "/repository/conf/user-mgt.xml", Files.readAllBytes(ProductBuilds.CONF.resolve(
                        "carbon-kernel-4.4.1/repository/conf/user-mgt.xml")), 0644)
                .file(top + "/repository/conf/tomcat/catalina-server.xml", Files.readAllBytes(ProductBuilds.CONF.resolve(
                        "as-5.3.0/repository/conf/tomcat/catalina-server.xml")), 0644);
    }

    @Test
    void apiManager2SharesWso2amDbReplacedInPlaceStrictlyAndKeepsTheBrokerStoreLocal() throws Exception {
        ClusterInput input = twoNodes("wso2.am.domain");
        input.product = "api-manager"; // API Manager 2.x is told apart by repository/conf/api-manager.xml, not vendored
        input.nodes.get(0).setRole("manager");
        input.nodes.get(1).setRole("worker");
        VerifyResult without = verify(ProductBuilds.read(ProductBuilds.zips(ProductBuilds.build(apim210(), input, tmp, "am2"))));
        assertTrue(without.of("node2", "shared-state").stream().anyMatch(f -> f.located().matches("repository/conf/"
                + "datasources/master-datasources\\.xml:\\d+: WSO2AM_DB is node-local .*<databases><apim>")), without.text());

        input.databases.setApim(database("jdbc:mysql://db.example.com:3306/WSO2AM_DB", "apim"));
        ClusterAssembly.Result built = ProductBuilds.build(apim210(), input, tmp, "am2b");
        VerifyResult result = verify(ProductBuilds.read(ProductBuilds.zips(built)));
        assertEquals(0, result.errors() + result.warnings(), result.text());
        String file = "repository/conf/datasources/master-datasources.xml";
        try (NodeZip node = NodeZip.open(built.zips().get(1).zip().toFile())) {
            String am = "/datasources-configuration/datasources/datasource[name='WSO2AM_DB']/definition/configuration/";
            assertEquals("jdbc:mysql://db.example.com:3306/WSO2AM_DB", node.xpath(file, am + "url"));
            assertEquals("com.mysql.jdbc.Driver", node.xpath(file, am + "driverClassName"));
            // Strictly in place: only the connection lines changed; the stock pool settings and the broker store stay.
            LineDiff diff = LineDiff.of(Files.readString(ProductBuilds.CONF.resolve("apim-2.1.0/" + file)), node.text(file));
            assertTrue(diff.removed().stream().allMatch(l -> l.matches("\\s*<(url|username|password|driverClassName)>.*\\n")),
                    diff.toString());
            assertTrue(node.xpath(file, "/datasources-configuration/datasources/datasource[name='WSO2_MB_STORE_DB']"
                    + "/definition/configuration/url").startsWith("jdbc:h2:"));
        }
    }

    /** EI 6.4.0's business-process profile, with its BPS and Activiti datasource files. */
    private static ZipBuilder businessProcess() throws Exception {
        return ZipBuilder.create().folder(ProductBuilds.CONF.resolve("ei-6.4.0-business-process"), "wso2ei-6.4.0")
                .folder(ProductBuilds.PRODUCTS.resolve("ei-6.4.0-business-process"), "wso2ei-6.4.0");
    }

    @Test
    void theBusinessProcessProfileSharesItsProcessDatabasesInTheirOwnFiles() throws Exception {
        ClusterInput input = twoNodes("wso2.ei.domain");
        input.confDirectory = "wso2/business-process/conf";
        input.databases.setUserStore(null); // the profile's set has no user-mgt.xml
        input.nodes.get(0).setRole("manager");
        input.nodes.get(1).setRole("worker");
        VerifyResult without = verify(ProductBuilds.read(ProductBuilds.zips(ProductBuilds.build(businessProcess(), input, tmp,
                "ei"))));
        List<String> messages = without.of("node1", "shared-state").stream().map(Finding::located).toList();
        assertEquals(2, messages.size(), without.text());
        assertTrue(messages.get(0).matches("wso2/business-process/conf/datasources/bps-datasources\\.xml:\\d+: BPS_DS is"
                + " node-local \\(jdbc:h2:file:repository/database/jpadb.*<databases><bps>"), messages.toString());
        assertTrue(messages.get(1).contains("ACTIVITI_DB is node-local") && messages.get(1).endsWith("<databases><activiti>"),
                messages.toString());

        input.databases.setBps(database("jdbc:mysql://db.example.com:3306/BPS_DB", "bps"));
        input.databases.setActiviti(database("jdbc:mysql://db.example.com:3306/ACTIVITI_DB", "activiti"));
        ClusterAssembly.Result built = ProductBuilds.build(businessProcess(), input, tmp, "ei2");
        VerifyResult result = verify(ProductBuilds.read(ProductBuilds.zips(built)));
        assertEquals(0, result.errors() + result.warnings(), result.text());
        try (NodeZip node = NodeZip.open(built.zips().get(0).zip().toFile())) {
            String bps = "wso2/business-process/conf/datasources/bps-datasources.xml";
            String conf = "/datasources-configuration/datasources/datasource[name='BPS_DS']/definition/configuration/";
            assertEquals("jdbc:mysql://db.example.com:3306/BPS_DB", node.xpath(bps, conf + "url"));
            assertEquals("100", node.xpath(bps, conf + "maxActive")); // the profile's own pool size stays
            assertEquals("bpsds", node.xpath(bps, "/datasources-configuration/datasources/datasource[name='BPS_DS']"
                    + "/jndiConfig/name"));
        }
    }

    @Test
    void aDatabaseTheProductHasNoneForIsRefusedNamingTheProduct() throws Exception {
        ClusterInput input = twoNodes("wso2.as.domain");
        input.nodes.get(0).setRole("manager");
        input.nodes.get(1).setRole("worker");
        input.databases.setIdentity(database("jdbc:mysql://db.example.com:3306/IDENTITY_DB", "identity"));
        input.databases.setBps(database("jdbc:mysql://db.example.com:3306/BPS_DB", "bps"));
        ZipBuilder kernel = ZipBuilder.create().folder(ProductBuilds.CONF.resolve("carbon-kernel-4.4.1"), "wso2as-5.3.0");
        ClusterBuildException e = assertThrows(ClusterBuildException.class, () -> ProductBuilds.build(kernel, input, tmp, "as"));
        assertTrue(e.getMessage().contains("databases/identity: Carbon 4.x product 5.3.0 has no WSO2_IDENTITY_DB database"
                + " (Identity Server keeps its tokens, sessions and consents there); remove <identity>"), e.getMessage());
        assertTrue(e.getMessage().contains("databases/bps: Carbon 4.x product 5.3.0 has no BPS_DS database (EI 6.x's"
                + " business-process profile keeps it in <conf>/datasources/bps-datasources.xml, which this distribution"
                + " does not ship); remove <bps>"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out-as/cluster-node1.zip")));
    }

    @Test
    void aClusterOfOneNodeHasNothingToShare() throws Exception {
        ClusterInput input = twoNodes("wso2.is.domain");
        input.nodes.remove(1);
        VerifyResult result = verify(ProductBuilds.read(ProductBuilds.zips(ProductBuilds.build(ProductBuilds.identityServer7(),
                input, tmp, "one"))));
        assertEquals("a cluster of one node has nothing to share", result.notApplicable().get("shared-state"));
    }

    @Test
    void connectorJ8GetsItsOwnDriverClassName() throws Exception {
        Path jar = tmp.resolve("mysql-connector-j-8.4.0.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("com/mysql/cj/jdbc/Driver.class"));
            out.write("stand-in".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            // What makes a jar a JDBC driver for the validation (an HTML page from a proxy is not one).
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/services/java.sql.Driver"));
            out.write("com.mysql.cj.jdbc.Driver\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ClusterInput input = twoNodes("wso2.is.domain");
        input.databases.setDriver("com.mysql:mysql-connector-j:8.4.0");
        input.nodes.get(0).setRole("manager");
        input.nodes.get(1).setRole("worker");
        var databases = new io.github.wso2cluster.topology.TopologyValidator(io.github.wso2cluster.topology.CredentialSource.NONE,
                coordinates -> jar).validate(input).databases();
        assertEquals("com.mysql.cj.jdbc.Driver", databases.registry().driverClassName());
        assertEquals("com.mysql.cj.jdbc.Driver", databases.userStore().driverClassName());
    }

    /** Every file of wso2-products/ has its provenance row, and its bytes are the blob the row names (git hash-object). */
    @Test
    void everyVendoredFileHasItsProvenanceRowAndItsBlob() throws Exception {
        Path root = ProductBuilds.PRODUCTS;
        String provenance = Files.readString(root.resolve("PROVENANCE.md"));
        int files = 0;
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("PROVENANCE.md")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(file);
                java.security.MessageDigest sha1 = java.security.MessageDigest.getInstance("SHA-1");
                sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
                String blob = java.util.HexFormat.of().formatHex(sha1.digest(bytes));
                assertTrue(provenance.contains("| " + relative + " | " + bytes.length + " | "), relative);
                assertTrue(provenance.contains(" | " + blob + " | "), relative + " " + blob);
                files++;
            }
        }
        assertEquals(27, files);
    }
}
