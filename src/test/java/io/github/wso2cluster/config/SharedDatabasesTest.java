package io.github.wso2cluster.config;

import static io.github.wso2cluster.config.ConfigTestSupport.attribute;
import static io.github.wso2cluster.config.ConfigTestSupport.select;
import static io.github.wso2cluster.config.ConfigTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.LineDiff;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;

/**
 * The shared-database wiring on the real master-datasources.xml, registry.xml and user-mgt.xml of every vendored
 * product: what the contract asks for is there, every other line keeps its bytes (CRLF, ISO-8859-1, the commented
 * look-alikes), and a second run changes nothing.
 */
class SharedDatabasesTest {
    static final String REGISTRY_URL = "jdbc:mysql://carbondb.mysql-wso2.com:3306/REGISTRY_DB?autoReconnect=true&useSSL=false";
    static final String USER_URL = "jdbc:mysql://carbondb.mysql-wso2.com:3306/WSO2_USER_DB?autoReconnect=true";
    static final String PASSWORD = "p<a>ss&\"word";

    static Databases databases() throws Exception {
        return cluster().databases();
    }

    static Cluster cluster() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.databases = new DatabasesInput();
        DatabaseInput registry = new DatabaseInput(REGISTRY_URL, null);
        registry.setUsername("regadmin");
        registry.setPassword(PASSWORD);
        registry.setMountTarget("/_system/asNodes");
        DatabaseInput users = new DatabaseInput(USER_URL, null);
        users.setUsername("umadmin");
        users.setPassword(PASSWORD);
        input.databases.setRegistry(registry);
        input.databases.setUserStore(users);
        return new TopologyValidator(CredentialSource.NONE).validate(input);
    }

    private interface Edit {
        void apply(XmlEditor editor) throws Exception;
    }

    /** The edited bytes, after checking that a second run over them changes nothing. */
    private static byte[] edit(String name, byte[] original, Edit edit, List<String> changes) throws Exception {
        XmlSource source = XmlSource.parse(name, original);
        XmlEditor editor = new XmlEditor(source);
        edit.apply(editor);
        changes.addAll(editor.changes());
        byte[] once = source.encode(editor.result());
        XmlEditor again = new XmlEditor(XmlSource.parse(name, once));
        edit.apply(again);
        assertFalse(again.changed(), name + ": a second run changed " + again.changes());
        return once;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static void assertAddedLinesKeepLineEndings(String where, byte[] original, LineDiff diff) {
        boolean crlf = latin1(original).contains("\r\n");
        for (String added : diff.added()) {
            assertEquals(crlf, added.endsWith("\r\n"), where + ": added line keeps the file's line ending: " + added);
        }
    }

    @Test
    void masterDatasourcesOfEveryProductGetBothSharedDatasourcesAfterTheCarbonOne() throws Exception {
        String file = "repository/conf/datasources/master-datasources.xml";
        List<Path> sets = Fixtures.referenceSets(file);
        assertTrue(sets.size() >= 7, sets.toString());
        Databases databases = databases();
        for (Path set : sets) {
            String where = set.getFileName().toString();
            byte[] original = Files.readAllBytes(set.resolve(file));
            List<String> changes = new java.util.ArrayList<>();
            byte[] edited = edit(file, original, e -> new MasterDatasources(e.source()).configure(e, databases), changes);

            String ds = "/datasources-configuration/datasources/datasource";
            List<String> names = select(edited, ds).stream().map(e -> e.getChildTextTrim("name")).toList();
            int carbon = names.indexOf("WSO2_CARBON_DB");
            assertTrue(carbon >= 0, where + names);
            assertEquals(List.of("WSO2_REGISTRY_DB", "WSO2_USER_DB"), names.subList(carbon + 1, carbon + 3), where);
            String registry = ds + "[name='WSO2_REGISTRY_DB']";
            assertEquals("jdbc/WSO2RegistryDB", text(edited, registry + "/jndiConfig/name"), where);
            assertEquals("RDBMS", attribute(edited, registry + "/definition", "type"), where);
            String conf = registry + "/definition/configuration/";
            assertEquals(REGISTRY_URL, text(edited, conf + "url"), where);
            assertEquals("regadmin", text(edited, conf + "username"), where);
            assertEquals(PASSWORD, text(edited, conf + "password"), where);
            assertEquals("com.mysql.jdbc.Driver", text(edited, conf + "driverClassName"), where);
            assertEquals("50", text(edited, conf + "maxActive"), where);
            assertEquals("60000", text(edited, conf + "maxWait"), where);
            assertEquals("true", text(edited, conf + "testOnBorrow"), where);
            assertEquals("SELECT 1", text(edited, conf + "validationQuery"), where);
            assertEquals("30000", text(edited, conf + "validationInterval"), where);
            assertEquals("jdbc/WSO2UMDB", text(edited, ds + "[name='WSO2_USER_DB']/jndiConfig/name"), where);
            assertEquals(USER_URL, text(edited, ds + "[name='WSO2_USER_DB']/definition/configuration/url"), where);

            LineDiff diff = LineDiff.of(latin1(original), latin1(edited));
            assertEquals(List.of(), diff.removed(), where + ": only additions (WSO2_CARBON_DB and the sample stay as shipped)");
            assertAddedLinesKeepLineEndings(where, original, diff);
            assertTrue(changes.stream().noneMatch(c -> c.contains("ss&")), where + ": the password is not described: " + changes);
            // The new block is indented like its neighbours.
            String text = latin1(edited);
            String carbonIndent = indentOfLine(text, "<name>WSO2_CARBON_DB</name>");
            assertEquals(carbonIndent, indentOfLine(text, "<name>WSO2_REGISTRY_DB</name>"), where);
        }
    }

    private static String indentOfLine(String text, String content) {
        for (String line : LineDiff.lines(text)) {
            if (line.trim().equals(content)) {
                return line.substring(0, line.indexOf('<'));
            }
        }
        throw new AssertionError(content + " not found");
    }

    @Test
    void aSharedDatasourceAlreadyThereIsReplacedInPlaceNotDuplicated() throws Exception {
        String file = "repository/conf/datasources/master-datasources.xml";
        Path set = Fixtures.referenceRoot().resolve("carbon-kernel-4.4.40");
        byte[] stock = Files.readAllBytes(set.resolve(file));
        Databases databases = databases();
        byte[] once = edit(file, stock, e -> new MasterDatasources(e.source()).configure(e, databases), new java.util.ArrayList<>());
        // An operator's hand edit of the URL and user: the next build puts the POM's values back in the same place.
        String handEdited = latin1(once).replace("<url>" + REGISTRY_URL.replace("&", "&amp;"), "<url>jdbc:mysql://old-db:3306/REG")
                .replace("<username>regadmin</username>", "<username>old</username>");
        assertFalse(handEdited.equals(latin1(once)));
        byte[] again = edit(file, handEdited.getBytes(StandardCharsets.ISO_8859_1),
                e -> new MasterDatasources(e.source()).configure(e, databases), new java.util.ArrayList<>());
        assertEquals(latin1(once), latin1(again));
        assertEquals(1, select(again, "//datasource[name='WSO2_REGISTRY_DB']").size());
    }

    @Test
    void registryOfEveryProductMountsTheSharedRegistryReadOnlyOnWorkersOnly() throws Exception {
        String file = "repository/conf/registry.xml";
        List<Path> sets = Fixtures.referenceSets(file);
        assertTrue(sets.size() >= 7, sets.toString());
        Databases databases = databases();
        for (Path set : sets) {
            for (boolean manager : new boolean[] {true, false}) {
                String where = set.getFileName() + (manager ? " manager" : " worker");
                byte[] original = Files.readAllBytes(set.resolve(file));
                byte[] edited = edit(file, original,
                        e -> new RegistryConfig(e.source()).configure(e, databases.registry(), manager), new java.util.ArrayList<>());
                assertEquals("jdbc/WSO2RegistryDB", text(edited, "/wso2registry/dbConfig[@name='sharedregistry']/dataSource"), where);
                String remote = "/wso2registry/remoteInstance[id='instanceid']/";
                assertEquals("https://localhost:9443/registry", attribute(edited, "/wso2registry/remoteInstance[id='instanceid']", "url"), where);
                assertEquals("sharedregistry", text(edited, remote + "dbConfig"), where);
                assertEquals(String.valueOf(!manager), text(edited, remote + "readOnly"), where);
                assertEquals("true", text(edited, remote + "enableCache"), where);
                assertEquals("/", text(edited, remote + "registryRoot"), where);
                assertEquals("regadmin@" + REGISTRY_URL, text(edited, remote + "cacheId"), where);
                assertEquals("/_system/asNodes", text(edited, "/wso2registry/mount[@path='/_system/config']/targetPath"), where);
                assertEquals("true", attribute(edited, "/wso2registry/mount[@path='/_system/config']", "overwrite"), where);
                assertEquals("/_system/governance", text(edited, "/wso2registry/mount[@path='/_system/governance']/targetPath"), where);
                for (Element mount : select(edited, "/wso2registry/mount")) {
                    assertEquals("instanceid", mount.getChildTextTrim("instanceId"), where);
                }
                // The local registry stays writable.
                assertEquals("false", text(edited, "/wso2registry/readOnly"), where);

                LineDiff diff = LineDiff.of(latin1(original), latin1(edited));
                // Kernel 4.6.1 ships active mounts (to its per-node H2 "gov" instance): those are replaced in place.
                // Everything else, the commented look-alikes included, stays.
                for (String removed : diff.removed()) {
                    assertTrue(removed.matches("\\s*(<instanceId>gov</instanceId>|<targetPath>/_system/config</targetPath>)\\s*"),
                            where + ": unexpected change of " + removed);
                }
                assertEquals(set.getFileName().toString().equals("carbon-kernel-4.6.1") ? 3 : 0, diff.removed().size(), where);
                assertAddedLinesKeepLineEndings(where, original, diff);
                assertTrue(latin1(edited).startsWith(latin1(original).substring(0, 40)), where + ": the declaration stays");
            }
        }
    }

    @Test
    void userManagementOfEveryProductPointsTheRealmAtTheSharedUserStore() throws Exception {
        String file = "repository/conf/user-mgt.xml";
        List<Path> sets = Fixtures.referenceSets(file);
        assertTrue(sets.size() >= 6, sets.toString());
        for (Path set : sets) {
            String where = set.getFileName().toString();
            byte[] original = Files.readAllBytes(set.resolve(file));
            byte[] edited = edit(file, original, e -> new UserManagement(e.source()).configure(e), new java.util.ArrayList<>());
            assertEquals("jdbc/WSO2UMDB", text(edited, "/UserManager/Realm/Configuration/Property[@name='dataSource']"), where);
            LineDiff diff = LineDiff.of(latin1(original), latin1(edited));
            assertEquals(1, diff.removed().size(), where + diff);
            // Kernel 4.6.1 ships jdbc/SHARED_DB (its per-node H2 "shared" database), the others jdbc/WSO2CarbonDB.
            assertEquals(diff.removed().get(0).replaceFirst(">jdbc/[A-Za-z0-9_]+<", ">jdbc/WSO2UMDB<"), diff.added().get(0), where);
        }
    }

    @Test
    void aDistributionWithoutTheFileTheSettingNeedsIsAnErrorSayingWhatToDo() throws Exception {
        Cluster cluster = cluster();
        Path set = Fixtures.referenceRoot().resolve("carbon-kernel-4.4.40");
        Map<String, byte[]> files = new java.util.HashMap<>();
        for (String f : List.of(ConfigFiles.AXIS2, ConfigFiles.CARBON, ConfigFiles.CATALINA,
                "repository/conf/datasources/master-datasources.xml", "repository/conf/registry.xml")) {
            files.put(f, Files.readAllBytes(set.resolve(f)));
        }
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> new NodeConfigurer()
                .configure(cluster, cluster.node("worker1").orElseThrow(), path -> Optional.ofNullable(files.get(path))));
        assertEquals("repository/conf/user-mgt.xml: the file does not exist in the distribution; databases/userStore needs"
                + " it: remove <userStore>, or add the file with an overlay", e.getMessage());
    }

    @Test
    void configuredThroughTheNodeConfigurerTheWorkerGetsAllThreeFilesAndThePasswordIsNeverDescribed() throws Exception {
        Cluster cluster = cluster();
        Path set = Fixtures.referenceRoot().resolve("esb-4.9.0");
        Map<String, byte[]> files = new java.util.HashMap<>();
        for (String f : List.of(ConfigFiles.AXIS2, ConfigFiles.CARBON, ConfigFiles.CATALINA,
                "repository/conf/datasources/master-datasources.xml", "repository/conf/registry.xml",
                "repository/conf/user-mgt.xml")) {
            files.put(f, Files.readAllBytes(set.resolve(f)));
        }
        NodeConfiguration worker = new NodeConfigurer().configure(cluster, cluster.node("worker1").orElseThrow(),
                path -> Optional.ofNullable(files.get(path)));
        assertTrue(worker.replaced().keySet().containsAll(List.of("repository/conf/datasources/master-datasources.xml",
                "repository/conf/registry.xml", "repository/conf/user-mgt.xml")), worker.replaced().keySet().toString());
        assertTrue(worker.changes().stream().noneMatch(c -> c.contains(PASSWORD) || c.contains("ss&")), worker.changes().toString());
        assertTrue(cluster.toString().contains("******") && !cluster.toString().contains("ss&"), cluster.toString());
    }
}
