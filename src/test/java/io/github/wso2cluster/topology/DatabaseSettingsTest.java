package io.github.wso2cluster.topology;

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
    private static final DriverSource REPOSITORY = coordinates -> {
        if (coordinates.equals("com.mysql:mysql-connector-j:8.4.0")) {
            return Path.of("/repo/mysql-connector-j-8.4.0.jar");
        }
        throw new DriverSource.Unresolvable("Could not find artifact " + coordinates + " in central");
    };

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
        assertEquals("com.mysql.jdbc.Driver", registry.driverClassName());
        assertEquals("SELECT 1", registry.validationQuery());
        assertEquals("/_system/nodes", registry.mountTarget());
        assertEquals("wso2dbuser@jdbc:mysql://db:3306/REGISTRY_DB?autoReconnect=true", registry.cacheId());
        assertEquals("oracle.jdbc.OracleDriver", databases.userStore().driverClassName());
        assertEquals("SELECT 1 FROM DUAL", databases.userStore().validationQuery());
        assertNull(databases.userStore().mountTarget());
        assertEquals(Path.of("/repo/mysql-connector-j-8.4.0.jar"), databases.driverJar());
        assertEquals("mysql-connector-j-8.4.0.jar", databases.driverFileName());
        assertFalse(databases.toString().contains("from-settings"), databases.toString());
    }

    @Test
    void everySubprotocolTheContractNamesHasItsDriver() throws Exception {
        for (String[] row : new String[][] {{"mariadb", "org.mariadb.jdbc.Driver"}, {"postgresql", "org.postgresql.Driver"},
                {"sqlserver", "com.microsoft.sqlserver.jdbc.SQLServerDriver"}, {"db2", "com.ibm.db2.jcc.DB2Driver"},
                {"h2", "org.h2.Driver"}}) {
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
}
