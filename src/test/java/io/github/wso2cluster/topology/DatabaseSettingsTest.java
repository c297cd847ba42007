package io.github.wso2cluster.topology;

import io.github.wso2cluster.topology.database.Databases;
import io.github.wso2cluster.topology.database.DriverSource;
import io.github.wso2cluster.topology.database.JdbcUrlSafety;
import io.github.wso2cluster.topology.database.SharedDatabase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code <databases>}: the contract's defaults, and every problem listed at once, naming its element. */
class DatabaseSettingsTest {
    private static final CredentialSource SETTINGS = id -> switch (id) {
        case "wso2-db" -> Optional.of(new Credentials("wso2dbuser", Secret.of("from-settings")));
        case "locked" -> throw new CredentialSource.Unavailable("the password of server 'locked' cannot be decrypted:"
                + " no settings-security.xml master password");
        default -> Optional.empty();
    };
    /** The real Connector/J jar of the test class path, as Maven would resolve it. */
    private static final Path CONNECTOR_J = connectorJ();
    private static final DriverSource REPOSITORY = coordinates -> {
        if (coordinates.equals("com.mysql:mysql-connector-j:8.4.0")) {
            return CONNECTOR_J;
        }
        throw new DriverSource.Unresolvable("Could not find artifact " + coordinates + " in central");
    };

    private static Path connectorJ() {
        try {
            return Path.of(com.mysql.cj.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClusterInput input(DatabaseInput registry, DatabaseInput userStore, String driver) {
        ClusterInput input = Fixtures.referenceCluster();
        input.databases = new DatabasesInput();
        input.databases.setRegistry(registry);
        input.databases.setUserStore(userStore);
        input.databases.setDriver(driver);
        return input;
    }

    private static Cluster validate(ClusterInput input) throws InvalidTopologyException {
        return new TopologyValidator(SETTINGS, REPOSITORY).validate(input);
    }

    private static List<String> problems(ClusterInput input) {
        return assertThrows(InvalidTopologyException.class, () -> validate(input)).problems();
    }

    @Test
    void defaultsComeFromTheUrlAndCredentialsFromSettingsXml() throws Exception {
        Databases databases = validate(input(new DatabaseInput("jdbc:mysql://db:3306/REGISTRY_DB?autoReconnect=true", "wso2-db"),
                new DatabaseInput("jdbc:oracle:thin:@db:1521:ORCL", "wso2-db"), "com.mysql:mysql-connector-j:8.4.0")).databases();
        SharedDatabase registry = databases.registry();
        assertEquals("wso2dbuser", registry.user());
        assertEquals("from-settings", registry.password().reveal());
        // The contract: the resolved driver jar is Connector/J 8.4, so the default is its own class name.
        assertEquals("com.mysql.cj.jdbc.Driver", registry.driverClassName());
        assertEquals("SELECT 1", registry.validationQuery());
        assertEquals("/_system/nodes", registry.mountTarget());
        assertEquals("wso2dbuser@jdbc:mysql://db:3306/REGISTRY_DB?autoReconnect=true", registry.cacheId());
        assertEquals("oracle.jdbc.OracleDriver", databases.userStore().driverClassName());
        assertEquals("SELECT 1 FROM DUAL", databases.userStore().validationQuery());
        assertNull(databases.userStore().mountTarget());
        assertEquals(CONNECTOR_J, databases.driverJar());
        assertEquals("mysql-connector-j-8.4.0.jar", databases.driverFileName());
        assertFalse(databases.toString().contains("from-settings"), databases.toString());
    }

    @Test
    void everySubprotocolTheContractNamesHasItsDriver() throws Exception {
        for (String[] row : new String[][] {{"mariadb", "org.mariadb.jdbc.Driver"}, {"postgresql", "org.postgresql.Driver"},
                {"sqlserver", "com.microsoft.sqlserver.jdbc.SQLServerDriver"}, {"db2", "com.ibm.db2.jcc.DB2Driver"},
                {"h2:tcp", "org.h2.Driver"}}) {
            DatabaseInput db = new DatabaseInput("jdbc:" + row[0] + "://db/X", "wso2-db");
            assertEquals(row[1], validate(input(db, null, null)).databases().registry().driverClassName(), row[0]);
        }
    }

    @Test
    void everyProblemIsListedAtOnceNamingItsElement() {
        DatabaseInput badUrl = new DatabaseInput("mysql://db:3306/REGISTRY_DB", null);
        badUrl.setUsername("u");
        DatabaseInput noUser = new DatabaseInput("jdbc:sybase:Tds:db:5000/USERS", null);
        noUser.setMountTarget("/_system/x");
        List<String> problems = problems(input(badUrl, noUser, "com.mysql:mysql-connector-j:0.0.1"));
        assertEquals(List.of(
                "databases/registry/url: 'mysql://db:3306/REGISTRY_DB' is not a JDBC URL (jdbc:<subprotocol>:...), e.g."
                        + " jdbc:mysql://carbondb.example.com:3306/REGISTRY_DB",
                "databases/userStore: no database user; set <serverId> (a settings.xml <server> with <username> and"
                        + " <password>) or <username>",
                "databases/userStore/driverClassName: is required for jdbc:sybase: URLs (known without it: db2, h2, mariadb,"
                        + " mysql, oracle, postgresql, sqlserver)",
                "databases/userStore/mountTarget: only the registry is mounted; remove it here",
                "databases/driver: com.mysql:mysql-connector-j:0.0.1 does not resolve (Could not find artifact"
                        + " com.mysql:mysql-connector-j:0.0.1 in central); check the coordinates, or that your repositories"
                        + " (settings.xml mirrors) serve it"), problems);
    }

    @Test
    void anUnknownOrUndecryptableServerIdAndBadCoordinatesAreProblems() {
        DatabaseInput unknown = new DatabaseInput("jdbc:mysql://db/REG", "nope");
        DatabaseInput locked = new DatabaseInput("jdbc:mysql://db/UM", "locked");
        List<String> problems = problems(input(unknown, locked, "mysql-connector-j"));
        assertEquals(List.of(
                "databases/registry/serverId: no <server> with id 'nope' in settings.xml; add one with <username> and <password>",
                "databases/userStore/serverId: the password of server 'locked' cannot be decrypted: no settings-security.xml"
                        + " master password",
                "databases/driver: 'mysql-connector-j' is not groupId:artifactId:version, e.g. com.mysql:mysql-connector-j:8.4.0"),
                problems);
    }

    @Test
    void bothServerIdAndPasswordAndAnEmptyBlockAreProblems() {
        DatabaseInput both = new DatabaseInput("jdbc:mysql://db/REG", "wso2-db");
        both.setPassword("pom-secret");
        List<String> problems = problems(input(both, null, null));
        assertEquals(List.of("databases/registry: set serverId or username/password, not both"), problems);
        assertTrue(problems(input(null, null, null)).contains("databases: is empty; configure <registry>, <userStore> and/or"
                + " <driver>, or remove it"));
    }

    /** An embedded H2 URL is each node's own file: refused as a shared database; an H2 server is fine (issue 26). */
    @Test
    void anEmbeddedH2UrlIsNoSharedDatabase() throws Exception {
        for (String url : List.of("jdbc:h2:./repository/database/WSO2SHARED_DB;DB_CLOSE_ON_EXIT=FALSE", "jdbc:h2:file:/opt/db/REG",
                "jdbc:h2:mem:reg", "jdbc:h2:~/reg", "jdbc:H2:repository/database/REG", "jdbc:h2:zip:/x.zip!/reg")) {
            DatabaseInput h2 = new DatabaseInput(url, "wso2-db");
            List<String> problems = problems(input(h2, null, null));
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("databases/registry/url: '" + url + "' is an embedded H2 database, which"
                    + " every node opens on its own disk, so nothing is shared; give the URL of a database server the nodes"
                    + " share (an H2 server is jdbc:h2:tcp://host/path or jdbc:h2:ssl://host/path)"), problems.get(0));
        }
        for (String url : List.of("jdbc:h2:tcp://db.example.com:9092/~/reg", "jdbc:h2:ssl://db.example.com/reg")) {
            assertEquals("org.h2.Driver", validate(input(null, new DatabaseInput(url, "wso2-db"), null)).databases()
                    .userStore().driverClassName(), url);
        }
    }

    /** What a proxy returns for a missing artifact, or a jar without a driver, is no driver (issue 26). */
    @Test
    void aResolvedDriverMustBeAJarHoldingAJdbcDriver(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path html = java.nio.file.Files.writeString(tmp.resolve("mysql-connector-j-9.9.9.jar"), "<!DOCTYPE html>\n<html><head>"
                + "<title>404 Not Found</title></head><body>Artifact not found</body></html>\n");
        Path empty = tmp.resolve("commons-lang-2.6.jar");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(empty))) {
            out.putNextEntry(new java.util.zip.ZipEntry("org/apache/commons/lang/StringUtils.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
        }
        DriverSource proxy = coordinates -> coordinates.endsWith(":9.9.9") ? html : empty;
        ClusterInput input = input(new DatabaseInput("jdbc:mysql://db/REG", "wso2-db"), null, "com.mysql:mysql-connector-j:9.9.9");
        List<String> problems = assertThrows(InvalidTopologyException.class,
                () -> new TopologyValidator(SETTINGS, proxy).validate(input)).problems();
        assertEquals(List.of("databases/driver: com.mysql:mysql-connector-j:9.9.9 resolved to " + html + ", which is not a"
                + " jar (an HTML page, starting '<!DOCTYPE html> <html><head><title>404 Not Found</title></head><'); check"
                + " the coordinates, and delete that file from your local repository if a proxy served it (an HTML error page"
                + " is the usual cause) so Maven fetches it again"), problems);
        input.databases.setDriver("commons-lang:commons-lang:2.6");
        problems = assertThrows(InvalidTopologyException.class,
                () -> new TopologyValidator(SETTINGS, proxy).validate(input)).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("databases/driver: commons-lang:commons-lang:2.6 resolved to " + empty
                + ", which holds no JDBC driver (no class named in META-INF/services/java.sql.Driver, nor"
                + " com.mysql.jdbc.Driver)"), problems.get(0));
        // The real Connector/J passes: its service file names com.mysql.cj.jdbc.Driver, which it holds.
        assertEquals(CONNECTOR_J, validate(input(new DatabaseInput("jdbc:mysql://db/REG", "wso2-db"), null,
                "com.mysql:mysql-connector-j:8.4.0")).databases().driverJar());
    }

    /** A URL's password never reaches a problem or a printed object; client-side parameters are named (issue 26). */
    @Test
    void urlPasswordsAreMaskedAndClientSideParametersNamed() {
        for (String[] row : new String[][] {
                {"jdbc:postgresql://u:secret@h/db", "jdbc:postgresql://u:******@h/db"},
                {"jdbc:mysql://u:secret@h:3306/db?useSSL=true", "jdbc:mysql://u:******@h:3306/db?useSSL=true"},
                {"jdbc:mysql://h/db?user=u&password=secret&useSSL=true", "jdbc:mysql://h/db?user=u&password=******&useSSL=true"},
                {"jdbc:sqlserver://h;user=u;Password=secret;encrypt=true", "jdbc:sqlserver://h;user=u;Password=******;encrypt=true"},
                {"jdbc:oracle:thin:scott/secret@h:1521:ORCL", "jdbc:oracle:thin:scott/******@h:1521:ORCL"},
                {"jdbc:mysql://(host=h,port=3306,password=secret)/db", "jdbc:mysql://(host=h,port=3306,password=******)/db"},
                {"jdbc:mysql://h/db?trustCertificateKeyStorePassword=secret", "jdbc:mysql://h/db?trustCertificateKeyStorePassword=******"},
                {"jdbc:mysql://h:3306/db?user=a@b", "jdbc:mysql://h:3306/db?user=a@b"}}) {
            assertEquals(row[1], JdbcUrlSafety.masked(row[0]), row[0]);
        }
        DatabaseInput bad = new DatabaseInput("postgresql://u:secret@h/db", "wso2-db");
        List<String> problems = problems(input(bad, null, null));
        assertTrue(problems.get(0).startsWith("databases/registry/url: 'postgresql://u:secret@h/db'"), "not a JDBC URL: as"
                + " written, so the user sees what is wrong " + problems);
        DatabaseInput h2 = new DatabaseInput("jdbc:h2:./db;USER=sa;PASSWORD=secret", "wso2-db");
        assertTrue(problems(input(h2, null, null)).stream().noneMatch(p -> p.contains("secret")));
        assertFalse(new DatabaseInput("jdbc:mysql://u:secret@h/db", null).toString().contains("secret"));

        assertEquals(List.of("allowLoadLocalInfile", "autoDeserialize", "queryInterceptors"), JdbcUrlSafety.clientSideParameters(
                "jdbc:mysql://h/db?autoReconnect=true&allowLoadLocalInfile=true&autoDeserialize=true&queryInterceptors=a.B"));
        assertEquals(List.of("allowLocal%49nfile"), JdbcUrlSafety.clientSideParameters("jdbc:mariadb://h/db?allowLocal%49nfile=true"));
        assertEquals(List.of("socketFactory", "loggerFile"), JdbcUrlSafety.clientSideParameters(
                "jdbc:postgresql://h/db?socketFactory=x.Y&loggerFile=/tmp/x&ssl=true"));
        assertEquals(List.of("allowloadlocalinfile"), JdbcUrlSafety.clientSideParameters(
                "jdbc:mysql://(host=h,port=3306,allowLoadLocalInfile=true)/db"));
        assertEquals(List.of("INIT"), JdbcUrlSafety.clientSideParameters("jdbc:h2:tcp://h/db;INIT=RUNSCRIPT FROM 'http://x'"));
        assertEquals(List.of(), JdbcUrlSafety.clientSideParameters("jdbc:mysql://h:3306/REG?autoReconnect=true&useSSL=false"));
        assertEquals(java.util.Optional.of("databases/userStore/url sets allowLoadLocalInfile, which lets the database server"
                + " act on every node that connects (read its files, or load classes by name); remove it unless the nodes need"
                + " it (verify-cluster's live check switches it off)."), JdbcUrlSafety.warning("databases/userStore/url",
                "jdbc:mysql://h/db?allowLoadLocalInfile=true"));
        assertEquals(java.util.Optional.empty(), JdbcUrlSafety.warning("databases/registry/url", "jdbc:mysql://h/db?useSSL=true"));
    }
}
