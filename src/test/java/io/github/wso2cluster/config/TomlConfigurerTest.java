package io.github.wso2cluster.config;

import io.github.wso2cluster.product.ConfigPaths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.input.TomlEditInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The cluster's settings spliced into real deployment.toml files (IS 7.0.0, API Manager 4.1.0 and 3.0.0) and into
 * user-written ones (commented blocks, dotted keys, CRLF, no final newline): the keys are set, every other line
 * keeps its bytes, the result is valid TOML, and a second run changes nothing.
 */
class TomlConfigurerTest {
    static final Path ROOT = Path.of("src/test/resources/wso2-toml");
    private static final String TOML = "repository/conf/deployment.toml";

    static ClusterInput input() {
        ClusterInput input = Fixtures.referenceCluster();
        input.proxyPorts = new ProxyPortsInput("80", "443");
        input.databases = new DatabasesInput();
        DatabaseInput shared = new DatabaseInput("jdbc:mysql://db:3306/SHARED_DB?useSSL=false", null);
        shared.setUsername("shared");
        shared.setPassword("s\"ecr\\et");
        DatabaseInput users = new DatabaseInput("jdbc:mysql://db:3306/USER_DB", null);
        users.setUsername("um");
        input.databases.setRegistry(shared);
        input.databases.setUserStore(users);
        input.tomlEdits = List.of(new TomlEditInput("transport.https.properties.maxThreads", "400"));
        return input;
    }

    private static Cluster cluster(ClusterInput input) throws Exception {
        return new TopologyValidator(CredentialSource.NONE).validate(input);
    }

    private static NodeConfiguration configure(Cluster cluster, String node, byte[] toml) throws Exception {
        return TomlConfigurer.configure(cluster, cluster.node(node).orElseThrow(), ConfigPaths.STANDARD, toml);
    }

    private static TomlParseResult parse(byte[] bytes) {
        TomlParseResult parsed = Toml.parse(new String(bytes, StandardCharsets.UTF_8));
        assertEquals(List.of(), parsed.errors());
        return parsed;
    }

    @ParameterizedTest
    @ValueSource(strings = {"is-7.0.0", "apim-4.1.0", "apim-3.0.0"})
    void theRealFilesGetEveryKeyAndKeepEveryOtherLine(String product) throws Exception {
        ClusterInput input = input();
        if (product.equals("apim-3.0.0")) {
            input.mgtHostName = null; // its carbon.xml.j2 reads no mgt_console_hostname (see the validation test)
        }
        Cluster cluster = cluster(input);
        byte[] original = Files.readAllBytes(ROOT.resolve(product).resolve(TOML));
        NodeConfiguration manager = configure(cluster, "manager", original);
        byte[] edited = manager.replaced().get(TOML);
        TomlParseResult toml = parse(edited);
        assertEquals("wka", toml.getString("clustering.membership_scheme"));
        assertEquals("wso2.as.domain", toml.getString("clustering.domain"));
        assertEquals("10.0.0.2", toml.getString("clustering.local_member_host"));
        assertEquals("4100", toml.getString("clustering.local_member_port"));
        assertEquals(List.of("10.0.0.2:4100", "10.0.0.3:4200"), toml.getArray("clustering.members").toList());
        assertEquals("as.wso2.com", toml.getString("server.hostname"));
        assertEquals(product.equals("apim-3.0.0") ? null : "mgt.as.wso2.com", toml.getString("server.mgt_console_hostname"));
        assertEquals(80L, toml.getLong("transport.http.properties.proxyPort"));
        assertEquals(443L, toml.getLong("transport.https.properties.proxyPort"));
        assertEquals(400L, toml.getLong("transport.https.properties.maxThreads"));
        assertEquals("jdbc:mysql://db:3306/SHARED_DB?useSSL=false", toml.getString("database.shared_db.url"));
        assertEquals("shared", toml.getString("database.shared_db.username"));
        assertEquals("s\"ecr\\et", toml.getString("database.shared_db.password"));
        assertEquals("com.mysql.jdbc.Driver", toml.getString("database.shared_db.driver"));
        assertEquals("jdbc:mysql://db:3306/USER_DB", toml.getString("database.user.url"));
        assertEquals("WSO2USER_DB", toml.getString("realm_manager.data_source"));

        String before = new String(original, StandardCharsets.UTF_8);
        String after = new String(edited, StandardCharsets.UTF_8);
        LineDiff diff = LineDiff.of(before, after);
        for (String removed : diff.removed()) {
            // Only values of keys the settings set (hostname, the shared_db connection and its type from the URL), or
            // the last line when the file ends without a line break (it gets one before the appended tables).
            assertTrue(removed.matches("(hostname|type|url|username|password) = .*\\n?") || !before.endsWith("\n")
                    && before.endsWith(removed), product + ": unexpected change of " + removed);
        }
        assertTrue(manager.changes().stream().noneMatch(c -> c.contains("ecr")), manager.changes().toString());
        // Twice: nothing changes.
        NodeConfiguration again = configure(cluster, "manager", edited);
        assertEquals(List.of(), List.copyOf(again.replaced().keySet()), again.changes().toString());
        // The worker: no management host name, its own member address.
        TomlParseResult worker = parse(configure(cluster, "worker2", original).replaced().get(TOML));
        assertEquals("10.0.0.4", worker.getString("clustering.local_member_host"));
        assertEquals(null, worker.getString("server.mgt_console_hostname"));
        assertEquals("9763", new String(manager.added().get(NodeProperties.PATH), StandardCharsets.UTF_8)
                .replaceAll("(?s).*httpPort=(\\d+).*", "$1"));
    }

    @Test
    void aUserFileWithCommentedLookAlikesDottedKeysCrlfAndNoFinalNewlineIsEditedInItsOwnForm() throws Exception {
        String user = String.join("\r\n",
                "# my cluster",
                "#[clustering]",
                "#membership_scheme = \"wka\"",
                "[server]",
                "hostname = 'old.example.com' # the public name",
                "offset = 3",
                "",
                "[transport.http]",
                "properties.port = 9763",
                "",
                "[transport.https.properties]",
                "port = 9443",
                "",
                "[transport.https.sslHostConfig.properties]",
                "ciphers = \"TLS_AES_128_GCM_SHA256\"",
                "[[apim.gateway.environment]]",
                "name = \"Default\"");
        ClusterInput input = input();
        input.nodes.get(0).setPortOffset("3");
        Cluster cluster = cluster(input);
        byte[] edited = configure(cluster, "manager", user.getBytes(StandardCharsets.UTF_8)).replaced().get(TOML);
        String text = new String(edited, StandardCharsets.UTF_8);
        TomlParseResult toml = parse(edited);
        assertEquals(80L, toml.getLong("transport.http.properties.proxyPort"));
        assertEquals(443L, toml.getLong("transport.https.properties.proxyPort"));
        assertEquals(3L, toml.getLong("server.offset"));
        assertEquals("Default", toml.getArray("apim.gateway.environment").getTable(0).getString("name"));
        // The dotted form under [transport.http], the table form under [transport.https.properties], each in place.
        assertTrue(text.contains("[transport.http]\r\nproperties.port = 9763\r\nproperties.proxyPort = 80\r\n"), text);
        assertTrue(text.contains("[transport.https.properties]\r\nport = 9443\r\nproxyPort = 443\r\nmaxThreads = 400\r\n"), text);
        assertTrue(text.contains("hostname = \"as.wso2.com\" # the public name\r\n"), text);
        // The commented look-alike stays a comment; the real table is appended, after a CRLF for the last line.
        assertTrue(text.startsWith("# my cluster\r\n#[clustering]\r\n#membership_scheme = \"wka\"\r\n[server]\r\n"), text);
        assertTrue(text.contains("name = \"Default\"\r\n\r\n[clustering]\r\nmembership_scheme = \"wka\"\r\n"), text);
        assertFalse(text.replace("\r\n", "").contains("\n"), "every line ending stays CRLF");
        LineDiff diff = LineDiff.of(user, text);
        assertEquals(List.of("hostname = 'old.example.com' # the public name\r\n", "name = \"Default\""), diff.removed());
    }

    @Test
    void anOffsetTheFileShipsIsResetWithAWarningWhenThePomGivesNone() throws Exception {
        Cluster cluster = cluster(input());
        NodeConfiguration node = configure(cluster, "worker1", "[server]\nhostname = \"x\"\noffset = 2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(TOML + ":3: the distribution ships [server] offset 2; it becomes 0 because the POM gives this"
                + " node no portOffset (set <portOffset>2</portOffset> to keep it)"), node.warnings());
        assertEquals(0L, parse(node.replaced().get(TOML)).getLong("server.offset"));
    }

    @Test
    void aSyntaxErrorAndABadTomlEditValueNameFileLineAndColumn() throws Exception {
        Cluster cluster = cluster(input());
        ConfigFileException syntax = assertThrows(ConfigFileException.class,
                () -> configure(cluster, "manager", "[server]\nhostname = \"x\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(syntax.getMessage().startsWith(TOML + ":2:"), syntax.getMessage());
        // A value that is no TOML value is a validation problem naming the tomlEdit, before anything is written.
        ClusterInput bad = input();
        bad.tomlEdits = List.of(new TomlEditInput("transport.https.properties.maxThreads", "four hundred"));
        List<String> problems = assertThrows(io.github.wso2cluster.topology.InvalidTopologyException.class,
                () -> cluster(bad)).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("tomlEdits[0] (transport.https.properties.maxThreads): value is not a TOML"
                + " value ("), problems.get(0));
        // A key set to a value where the file has a table is refused, not spliced into nonsense.
        ClusterInput table = input();
        table.tomlEdits = List.of(new TomlEditInput("server", "\"x\""));
        Cluster tableCluster = cluster(table);
        ConfigFileException clash = assertThrows(ConfigFileException.class, () -> configure(tableCluster, "manager",
                Files.readAllBytes(ROOT.resolve("is-7.0.0").resolve(TOML))));
        assertTrue(clash.getMessage().startsWith(TOML + ":1: server is a table here"), clash.getMessage());
    }

    @Test
    void whatADeploymentTomlProductCannotTakeIsListedTogether() throws Exception {
        ClusterInput input = input();
        input.xmlEdits = List.of(new io.github.wso2cluster.topology.input.XmlEditInput("repository/conf/carbon.xml",
                "/Server/HostName", null, "x"));
        input.nodes.get(1).setSubDomain("worker");
        input.deploymentSynchronizer = new io.github.wso2cluster.topology.input.DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/as");
        String template = Files.readString(ROOT.resolve("apim-3.0.0/repository/resources/conf/templates/repository/conf/carbon.xml.j2"));
        List<String> problems = TomlConfigurer.unsupported(cluster(input), template);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("deploymentSynchronizer: deployment.toml products have no SVN deployment"), problems.get(0));
        assertTrue(problems.get(1).startsWith("xmlEdits: this distribution renders its XML files from deployment.toml"), problems.get(1));
        assertTrue(problems.get(2).startsWith("node 'worker1': subDomain has no deployment.toml counterpart"), problems.get(2));
        assertTrue(problems.get(3).startsWith("mgtHostName: this distribution's carbon.xml.j2 does not read"
                + " server.mgt_console_hostname"), problems.get(3));
        String is7 = Files.readString(ROOT.resolve("is-7.0.0/repository/resources/conf/templates/repository/conf/carbon.xml.j2"));
        assertEquals(List.of(), TomlConfigurer.unsupported(cluster(input()), is7));
    }

    @Test
    void aTableTheFileWritesInlineCannotTakeANewKeyAndSaysSo() throws Exception {
        Cluster cluster = cluster(input());
        String inline = "[server]\nhostname = \"x\"\n[transport]\nhttps = { properties = { port = 9443 } }\n";
        ConfigFileException e = assertThrows(ConfigFileException.class,
                () -> configure(cluster, "manager", inline.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith(TOML + ": the settings cannot be added to this file in its own form ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("write the table as a [header] of its own, or set the key with a <tomlEdit>"
                + " where the file defines it"), e.getMessage());
    }

    /** A value with a line break would add keys nobody asked for: refused, naming the tomlEdit (issue 26). */
    @Test
    void aTomlEditValueMustBeExactlyOneTomlValue() {
        ClusterInput input = input();
        input.tomlEdits = List.of(new TomlEditInput("transport.https.properties.sslProtocol", "\"TLSv1.2\"\nsslProtocol2 = 1"),
                new TomlEditInput("transport.https.properties.ciphers", "\"A\"\nciphers = \"NULL\""),
                new TomlEditInput("server.hostname", "\"a\"\n[transport.https.properties]\nsslProtocol = \"SSLv3\""),
                new TomlEditInput("transport.https.properties.maxThreads", "400 # more threads"),
                new TomlEditInput("transport.https.properties.minThreads", "[\"a\",\n \"b\"]"));
        List<String> problems = assertThrows(io.github.wso2cluster.topology.InvalidTopologyException.class,
                () -> cluster(input)).problems();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("tomlEdits[0] (transport.https.properties.sslProtocol): value holds more than"
                + " one TOML value: it sets sslProtocol2 too; give exactly one TOML value"), problems.get(0));
        assertTrue(problems.get(1).startsWith("tomlEdits[1] (transport.https.properties.ciphers): value holds more than"
                + " one TOML value: it sets ciphers too"), problems.get(1));
        assertTrue(problems.get(2).startsWith("tomlEdits[2] (server.hostname): value holds more than one TOML value: it"
                + " sets transport too"), problems.get(2));
        assertTrue(problems.get(3).startsWith("tomlEdits[3] (transport.https.properties.maxThreads): value has something"
                + " after the value (a comment?)"), problems.get(3));
        assertTrue(problems.stream().noneMatch(p -> p.contains("SSLv3") || p.contains("NULL")), problems.toString());
    }

    /** A tomlEdit on a key a setting writes wins, as an xmlEdit does, whether the file has the key or not (issue 26). */
    @Test
    void aTomlEditOnAKeyASettingAlsoWritesWins() throws Exception {
        ClusterInput input = input();
        input.hostName = "as.wso2.com";
        input.tomlEdits = List.of(new TomlEditInput("clustering.domain", "\"edited.domain\""),
                new TomlEditInput("server.hostname", "\"edited.example.com\""),
                new TomlEditInput("transport.https.properties.proxyPort", "8443"),
                new TomlEditInput("clustering.local_member_port", "\"4000\""));
        Cluster cluster = cluster(input);
        for (String product : List.of("is-7.0.0", "apim-4.1.0")) {
            byte[] original = Files.readAllBytes(ROOT.resolve(product).resolve(TOML));
            NodeConfiguration node = configure(cluster, "worker1", original);
            TomlParseResult toml = parse(node.replaced().get(TOML));
            assertEquals("edited.domain", toml.getString("clustering.domain"), product);
            assertEquals("edited.example.com", toml.getString("server.hostname"), product);
            assertEquals(8443L, toml.getLong("transport.https.properties.proxyPort"), product);
            assertEquals(80L, toml.getLong("transport.http.properties.proxyPort"), product);
            assertEquals("4000", toml.getString("clustering.local_member_port"), product);
            assertEquals(1, node.changes().stream().filter(c -> c.contains("clustering.domain") || c.contains("] domain ="))
                    .count(), node.changes().toString());
            // The file as the tomlEdit alone would leave it: a second run changes nothing.
            assertTrue(configure(cluster, "worker1", node.replaced().get(TOML)).replaced().isEmpty(), product);
        }
    }

    /** A UTF-8 byte-order mark stays on an edited deployment.toml, as on the XML files (issue 26). */
    @Test
    void aByteOrderMarkIsKept() throws Exception {
        Cluster cluster = cluster(input());
        byte[] plain = Files.readAllBytes(ROOT.resolve("is-7.0.0").resolve(TOML));
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        byte[] withoutMark = configure(cluster, "manager", plain).replaced().get(TOML);
        byte[] withMark = configure(cluster, "manager", bom).replaced().get(TOML);
        assertEquals(withoutMark.length + 3, withMark.length);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(withMark[0], withMark[1], withMark[2]));
        assertTrue(java.util.Arrays.equals(withoutMark, java.util.Arrays.copyOfRange(withMark, 3, withMark.length)));
        assertTrue(configure(cluster, "manager", withMark).replaced().isEmpty(), "a second run changes nothing");
    }

    /** deployment.toml products have no registry mount: a mountTarget given is refused, not dropped (issue 26). */
    @Test
    void aMountTargetOnADeploymentTomlProductIsRefused() throws Exception {
        String is7 = Files.readString(ROOT.resolve("is-7.0.0/repository/resources/conf/templates/repository/conf/carbon.xml.j2"));
        ClusterInput input = input();
        input.databases.getRegistry().setMountTarget("/_system/isNodes");
        assertEquals(List.of("databases/registry/mountTarget: deployment.toml products have no registry mount setting"
                + " ([database.shared_db] holds the whole shared registry); remove mountTarget"),
                TomlConfigurer.unsupported(cluster(input), is7));
    }

    /** Change lines go to the build log (at -X too): a URL's password in them is masked (issue 26). */
    @Test
    void aUrlPasswordNeverReachesTheChangeLines() throws Exception {
        ClusterInput input = input();
        input.databases.getRegistry().setUrl("jdbc:postgresql://shared:pa55word@db:5432/SHARED_DB?password=pa55word");
        NodeConfiguration node = configure(cluster(input), "manager", Files.readAllBytes(ROOT.resolve("is-7.0.0").resolve(TOML)));
        assertTrue(node.changes().stream().anyMatch(c -> c.contains("jdbc:postgresql://shared:******@db:5432/SHARED_DB"
                + "?password=******")), node.changes().toString());
        assertTrue(node.changes().stream().noneMatch(c -> c.contains("pa55word")), node.changes().toString());
        assertTrue(new String(node.replaced().get(TOML), StandardCharsets.UTF_8).contains("pa55word@db"), "the file keeps it");
    }
}
