package io.github.wso2cluster.topology.database;

import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.Credentials;
import io.github.wso2cluster.topology.Problems;
import io.github.wso2cluster.topology.Secret;
import io.github.wso2cluster.topology.Settings;
import io.github.wso2cluster.product.ProductDatabase;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.zip.ZipFile;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code <databases>}: each database checked and given its defaults; problems go to the list. */
public final class DatabaseSettings {
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:([A-Za-z][A-Za-z0-9]*):\\S+");
    /** An H2 server, which nodes can share; any other H2 URL (a path, file:, mem:, ~/) is each node's own file. */
    private static final Pattern H2_SERVER = Pattern.compile("(?i)jdbc:h2:(tcp|ssl)://");
    private static final Pattern COORDINATES = Pattern.compile("[A-Za-z0-9._-]+:[A-Za-z0-9._-]+:[A-Za-z0-9._-]+");
    static final String DEFAULT_MOUNT_TARGET = "/_system/nodes";
    /** Connector/J 8's own class name. */
    static final String MYSQL_CJ = "com.mysql.cj.jdbc.Driver";

    /** The contract's default driver class by JDBC subprotocol; another subprotocol needs driverClassName. */
    private static final Map<String, String> DRIVERS = Map.of(
            "mysql", "com.mysql.jdbc.Driver",
            "mariadb", "org.mariadb.jdbc.Driver",
            "postgresql", "org.postgresql.Driver",
            "oracle", "oracle.jdbc.OracleDriver",
            "sqlserver", "com.microsoft.sqlserver.jdbc.SQLServerDriver",
            "db2", "com.ibm.db2.jcc.DB2Driver",
            "h2", "org.h2.Driver");

    private DatabaseSettings() {
    }

    public static Databases databases(DatabasesInput in, CredentialSource credentials, DriverSource drivers, Problems problems) {
        if (in == null) {
            return null;
        }
        SharedDatabase registry = database("databases/registry", in.getRegistry(), true, "REGISTRY_DB", credentials, problems);
        SharedDatabase userStore = database("databases/userStore", in.getUserStore(), false, "WSO2_USER_DB", credentials,
                problems);
        Map<ProductDatabase, SharedDatabase> products = new EnumMap<>(ProductDatabase.class);
        for (ProductDatabase product : ProductDatabase.values()) {
            SharedDatabase database = database("databases/" + product.element(), in.get(product), false,
                    product.datasource(), credentials, problems);
            if (database != null) {
                products.put(product, database);
            }
        }
        String driver = Settings.trimToNull(in.getDriver());
        Path jar = null;
        if (driver != null) {
            if (!COORDINATES.matcher(driver).matches()) {
                problems.add("databases/driver: '" + driver + "' is not groupId:artifactId:version, e.g."
                        + " com.mysql:mysql-connector-j:8.4.0");
                driver = null;
            } else {
                try {
                    jar = drivers.resolve(driver);
                    String notADriver = DriverJar.problem(jar, driverClasses(registry, userStore));
                    if (notADriver != null) {
                        problems.add("databases/driver: " + driver + " resolved to " + jar + ", which " + notADriver
                                + "; check the coordinates, and delete that file from your local repository if a proxy"
                                + " served it (an HTML error page is the usual cause) so Maven fetches it again");
                        driver = null;
                        jar = null;
                    }
                } catch (DriverSource.Unresolvable e) {
                    problems.add("databases/driver: " + driver + " does not resolve (" + e.getMessage() + "); check the"
                            + " coordinates, or that your repositories (settings.xml mirrors) serve it");
                    driver = null;
                }
            }
        }
        boolean anyProduct = java.util.Arrays.stream(ProductDatabase.values()).anyMatch(p -> in.get(p) != null);
        if (registry == null && userStore == null && in.getRegistry() == null && in.getUserStore() == null && driver == null
                && !anyProduct) {
            problems.add("databases: is empty; configure <registry>, <userStore> and/or <driver>, or remove it");
        }
        if (jar != null && connectorJ8(jar)) {
            // Connector/J 8 and later: the old class name is a deprecated alias that logs a warning at every start.
            registry = modernMysql(registry, in.getRegistry());
            userStore = modernMysql(userStore, in.getUserStore());
            products.replaceAll((product, database) -> modernMysql(database, in.get(product)));
        }
        return new Databases(registry, userStore, driver, jar, products);
    }

    /** Whether the resolved driver jar is MySQL Connector/J 8 or later (it has com.mysql.cj.jdbc.Driver). */
    private static boolean connectorJ8(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(MYSQL_CJ.replace('.', '/') + ".class") != null;
        } catch (IOException e) {
            return false; // not a readable jar: the default name stays, and the live check says what it finds
        }
    }

    private static SharedDatabase modernMysql(SharedDatabase database, DatabaseInput in) {
        if (database == null || Settings.trimToNull(in.getDriverClassName()) != null
                || !DRIVERS.get("mysql").equals(database.driverClassName())) {
            return database;
        }
        return new SharedDatabase(database.url(), database.user(), database.password(), MYSQL_CJ,
                database.validationQuery(), database.mountTarget(), database.mountTargetGiven());
    }

    private static SharedDatabase database(String where, DatabaseInput in, boolean registry, String example,
                                           CredentialSource credentials, Problems problems) {
        if (in == null) {
            return null;
        }
        int before = problems.size();
        String url = Settings.trimToNull(in.getUrl());
        String subprotocol = null;
        if (url == null) {
            problems.add(where + "/url: is required, e.g. jdbc:mysql://carbondb.example.com:3306/" + example);
        } else {
            Matcher matcher = JDBC_URL.matcher(url);
            if (!matcher.matches()) {
                problems.add(where + "/url: '" + url + "' is not a JDBC URL (jdbc:<subprotocol>:...), e.g."
                        + " jdbc:mysql://carbondb.example.com:3306/" + example);
            } else {
                subprotocol = matcher.group(1).toLowerCase(Locale.ROOT);
                if (subprotocol.equals("h2") && !H2_SERVER.matcher(url).lookingAt()) {
                    problems.add(where + "/url: '" + url + "' is an embedded H2 database, which every node opens on its"
                            + " own disk, so nothing is shared; give the URL of a database server the nodes share (an H2"
                            + " server is jdbc:h2:tcp://host/path or jdbc:h2:ssl://host/path)");
                }
            }
        }
        Credentials login = Settings.credentials(where, in.getServerId(), in.getUsername(), in.getPassword(),
                "username", "password", credentials, problems);
        if (login != null && login.user() == null) {
            problems.add(where + ": no database user; set <serverId> (a settings.xml <server> with <username> and"
                    + " <password>) or <username>");
        }
        String driverClass = Settings.trimToNull(in.getDriverClassName());
        if (driverClass == null && subprotocol != null) {
            driverClass = DRIVERS.get(subprotocol);
            if (driverClass == null) {
                problems.add(where + "/driverClassName: is required for jdbc:" + subprotocol + ": URLs (known without it: "
                        + String.join(", ", DRIVERS.keySet().stream().sorted().toList()) + ")");
            }
        }
        String validationQuery = Optional.ofNullable(Settings.trimToNull(in.getValidationQuery()))
                .orElse(defaultValidationQuery(subprotocol));
        String mountTarget = Settings.trimToNull(in.getMountTarget());
        boolean mountTargetGiven = mountTarget != null;
        if (!registry && mountTarget != null) {
            problems.add(where + "/mountTarget: only the registry is mounted; remove it here");
        } else if (registry && mountTarget == null) {
            mountTarget = DEFAULT_MOUNT_TARGET;
        } else if (registry && (!mountTarget.startsWith("/") || mountTarget.contains("..") || mountTarget.contains("<"))) {
            problems.add(where + "/mountTarget: '" + mountTarget + "' is not a registry path; give an absolute one"
                    + " such as /_system/asNodes");
        }
        if (problems.size() > before) {
            return null;
        }
        return new SharedDatabase(url, login.user(), login.password() == null ? Secret.of("") : login.password(),
                driverClass, validationQuery, mountTarget, mountTargetGiven);
    }

    /** The driver classes the configured databases name, which a driver jar may hold instead of a service entry. */
    private static java.util.List<String> driverClasses(SharedDatabase... databases) {
        return java.util.Arrays.stream(databases).filter(java.util.Objects::nonNull).map(SharedDatabase::driverClassName)
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** WSO2's documented queries: Oracle needs FROM DUAL, DB2 its dummy table; every other database takes SELECT 1. */
    private static String defaultValidationQuery(String subprotocol) {
        if ("oracle".equals(subprotocol)) {
            return "SELECT 1 FROM DUAL";
        }
        return "db2".equals(subprotocol) ? "SELECT 1 FROM SYSIBM.SYSDUMMY1" : "SELECT 1";
    }
}
