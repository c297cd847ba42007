package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.verify.check.DatabaseChecks;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.DatabaseFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The live database check: one JDBC connection per distinct shared URL and user, with the driver of
 * {@code databases/driver} or else the one node jar that holds the driver class ({@link DriverJars}), the node's
 * host names resolved through its {@code cluster/hosts}, no automatic reconnection, a hard time limit per URL, and
 * every URL parameter that lets the server act on the build machine switched off ({@link JdbcUrls}). Each node
 * using the database gets the outcome in its {@code live-database} case: whom it connected as, the server version
 * and the driver, or the SQLState and message. Passwords come from the node's master-datasources.xml and reach
 * nothing but the driver; one only the running server resolves (secure vault, {@code $secret{}}) is never sent.
 */
public final class LiveDatabases implements LiveCheck {
    public static final String CHECK = "live-database";
    /** The driver's own timeouts are 2 s; this is the hard limit for a driver that ignores them. */
    private static final long HARD_LIMIT_MILLIS = JdbcUrls.TIMEOUT_MILLIS + 500;

    /** What the check saw; {@code notApplicable} says why it did not run (no shared datasource). */
    public record Outcome(List<Finding> findings, String summary, String notApplicable) {
    }

    /** @param schema the tables the database must hold (Micro Integrator's coordination database), or null */
    private record Target(String url, String user, String driverClass, String password, Map<String, String> hosts,
                          String untestable, ClusterSchema schema) {
    }

    /** Whom the check connected as, and the tables of the target's schema the database lacks. */
    private record Connected(String who, List<String> missing) {
    }

    /** A password only the running server resolves: WSO2's {@code $secret{alias}}, {@code $env{VAR}}, {@code $sys{prop}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$(secret|env|sys)\\{[^}]*}");

    @Override
    public String name() {
        return CHECK;
    }

    /**
     * Connects with the driver of {@code databases/driver} when the POM names one, else with the one jar of the
     * first readable node's library folder that holds the datasource's driver class (see {@link DriverJars}).
     */
    @Override
    public LiveOutcome check(List<NodeFacts> nodes, LiveContext context)
            throws LiveSetupException, IOException, InterruptedException {
        Optional<Path> driver = context.environment().driver();
        DriverJars jars;
        if (driver.isPresent()) {
            jars = DriverJars.maven(driver.get());
        } else {
            String folder = nodes.stream().filter(n -> n.paths() != null).findFirst()
                    .map(n -> n.paths().libraries()).orElse("library folder");
            jars = DriverJars.node(NodeFiles.copyLibraries(nodes, context.work().resolve("live-lib")), folder);
        }
        try (jars) {
            Outcome outcome = run(nodes, jars);
            return outcome.notApplicable() != null ? LiveOutcome.notApplicable(outcome.notApplicable())
                    : LiveOutcome.ran(outcome.findings(), CHECK + ": " + outcome.summary());
        }
    }

    /** With drivers from one class loader the caller made. */
    public Outcome run(List<NodeFacts> nodes, ClassLoader drivers) throws InterruptedException {
        return run(nodes, DriverJars.given(drivers));
    }

    Outcome run(List<NodeFacts> nodes, DriverJars drivers) throws InterruptedException {
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, List<NodeFacts>> users = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            DatabaseFacts db = node.databases();
            for (Datasource datasource : db.datasources()) {
                if (!datasource.shared()) {
                    continue;
                }
                String key = datasource.user() + "@" + datasource.url();
                targets.computeIfAbsent(key, k -> target(node, db, datasource));
                List<NodeFacts> using = users.computeIfAbsent(key, k -> new ArrayList<>());
                if (!using.contains(node)) {
                    using.add(node);
                }
            }
        }
        if (targets.isEmpty()) {
            return new Outcome(List.of(), "", DatabaseChecks.notApplicable(nodes).orElse("no shared datasource"));
        }
        List<Finding> findings = new ArrayList<>();
        int reached = 0;
        int untested = 0;
        ExecutorService connector = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "wso2-cluster-live-database");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Map.Entry<String, Target> entry : targets.entrySet()) {
                Target target = entry.getValue();
                String printable = JdbcUrls.printable(target.url());
                Optional<String> failure;
                Connected success = null;
                if (target.untestable() != null) {
                    untested++;
                    for (NodeFacts node : users.get(entry.getKey())) {
                        findings.add(new Finding(Severity.INFO, CHECK, node.name(), node.databases().datasourcesPath(), 0,
                                "not tested: " + printable + " as '" + target.user() + "': " + target.untestable()));
                    }
                    continue;
                }
                Future<Connected> attempt = connector.submit(() -> connect(target, drivers));
                try {
                    success = attempt.get(HARD_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                    failure = Optional.empty();
                } catch (TimeoutException e) {
                    attempt.cancel(true);
                    failure = Optional.of("no answer within " + JdbcUrls.TIMEOUT_MILLIS / 1000 + " s (a firewall, or"
                            + " the wrong host or port?)");
                } catch (ExecutionException e) {
                    failure = Optional.of(describe(e.getCause()));
                }
                for (NodeFacts node : users.get(entry.getKey())) {
                    if (failure.isPresent()) {
                        findings.add(new Finding(Severity.ERROR, CHECK, node.name(), node.databases().datasourcesPath(), 0,
                                "could not connect to " + printable + " as '" + target.user() + "': " + failure.get()));
                    } else if (!success.missing().isEmpty()) {
                        findings.add(new Finding(Severity.ERROR, CHECK, node.name(), node.databases().datasourcesPath(), 0,
                                "connected to " + printable + " as " + success.who() + ", but it lacks the tables "
                                + String.join(", ", success.missing()) + " of the distribution's " + target.schema().script()
                                + ": coordination fails at start; run that script on the database"));
                    } else {
                        findings.add(new Finding(Severity.INFO, CHECK, node.name(), node.databases().datasourcesPath(), 0,
                                "connected to " + printable + " as " + success.who() + (target.schema() == null ? ""
                                : "; it holds the " + target.schema().tables().size() + " tables of "
                                + target.schema().script())));
                    }
                }
                reached += failure.isEmpty() ? 1 : 0;
            }
        } finally {
            connector.shutdownNow();
        }
        String summary = reached + " of " + (targets.size() - untested)
                + (targets.size() - untested == 1 ? " shared database" : " shared databases") + " answered"
                + (untested == 0 ? "" : "; " + untested + " not tested (a password only the running server resolves)");
        return new Outcome(findings, summary, null);
    }

    private static Target target(NodeFacts node, DatabaseFacts db, Datasource datasource) {
        String password = datasource.password() == null ? "" : datasource.password().reveal();
        String untestable = null;
        if (datasource.vaultPassword() && !REFERENCE.matcher(password).find()) {
            untestable = "the password is a secure-vault alias (svns:secretAlias), which only a running Carbon resolves;"
                    + " nothing was sent";
        } else if (password != null && REFERENCE.matcher(password).find()) {
            untestable = "the password is a " + REFERENCE.matcher(password).results().map(m -> "$" + m.group(1) + "{}")
                    .distinct().findFirst().orElse("") + " reference, which only the running server resolves (from its"
                    + " [secrets], environment or system properties); it was not sent";
        }
        return new Target(datasource.url(), datasource.user(), datasource.driverClassName(), password, hosts(node),
                untestable, schema(node, datasource));
    }

    /** Micro Integrator's coordination database must hold the tables of the distribution's cluster script. */
    private static ClusterSchema schema(NodeFacts node, Datasource datasource) {
        if (node.product().line() != ProductLine.MICRO_INTEGRATOR || !DatabaseNames.COORDINATION_DB.equals(datasource.name())) {
            return null;
        }
        return ClusterSchema.of(node, datasource.url()).orElse(null);
    }

    private static Map<String, String> hosts(NodeFacts node) {
        Map<String, String> hosts = new LinkedHashMap<>();
        for (String line : node.hostsEntries()) {
            String[] fields = line.split("\\s+");
            for (int i = 1; i < fields.length; i++) {
                hosts.putIfAbsent(fields[i].toLowerCase(Locale.ROOT), fields[0]);
            }
        }
        return hosts;
    }

    /**
     * Connects and says whom as, to which server, with which driver, and which tables of its schema it lacks; the
     * connection is closed at once.
     */
    private static Connected connect(Target target, DriverJars drivers) throws Exception {
        if (target.driverClass() == null) {
            throw new IllegalStateException("the datasource has no <driverClassName>");
        }
        DriverJars.Source source = drivers.forClass(target.driverClass());
        JdbcUrls.Prepared prepared = JdbcUrls.forLiveCheck(target.url(), target.hosts());
        if (prepared.refusal() != null) {
            throw new IllegalStateException(prepared.refusal());
        }
        try (Connection connection = open(source.loader(), target.driverClass(), prepared, target.user(), target.password())) {
            DatabaseMetaData meta = connection.getMetaData();
            String who = "'" + meta.getUserName() + "': " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion()
                    + " (driver from " + source.from() + (prepared.removed().isEmpty() ? "" : "; switched off from the URL,"
                    + " as they let the server act on this machine: " + String.join(", ", prepared.removed().stream()
                    .distinct().toList())) + ")";
            return new Connected(who, target.schema() == null ? List.of() : missingTables(connection, target.schema()));
        }
    }

    private static List<String> missingTables(Connection connection, ClusterSchema schema) throws java.sql.SQLException {
        java.util.Set<String> present = new java.util.HashSet<>();
        try (java.sql.ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), null, "%",
                new String[] {"TABLE"})) {
            while (tables.next()) {
                present.add(tables.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return schema.tables().stream().filter(t -> !present.contains(t.toUpperCase(Locale.ROOT))).toList();
    }

    /** The check's own connection: the driver of {@code loader}, the prepared URL and properties, user and password. */
    static Connection open(ClassLoader loader, String driverClass, JdbcUrls.Prepared prepared, String user, String password)
            throws Exception {
        Driver driver;
        Thread.currentThread().setContextClassLoader(loader);
        try {
            driver = (Driver) Class.forName(driverClass(driverClass, loader), true, loader)
                    .getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the driver class " + driverClass + " is not in the node's"
                    + " library folder nor in databases/driver; name the driver's artifact in <databases><driver>");
        }
        Properties login = new Properties();
        login.putAll(prepared.properties());
        login.setProperty("user", user == null ? "" : user);
        login.setProperty("password", password == null ? "" : password);
        Connection connection = driver.connect(prepared.url(), login);
        if (connection == null) {
            throw new IllegalStateException("the driver " + driverClass + " does not take this URL");
        }
        return connection;
    }

    /**
     * The class to load: Connector/J 8 and 9 keep WSO2's documented {@code com.mysql.jdbc.Driver} as a subclass of
     * {@code com.mysql.cj.jdbc.Driver} that prints a deprecation notice into the build log; the same driver is
     * loaded by its own name when the jar has it.
     */
    private static String driverClass(String named, ClassLoader drivers) {
        if ("com.mysql.jdbc.Driver".equals(named) && drivers.getResource("com/mysql/cj/jdbc/Driver.class") != null) {
            return "com.mysql.cj.jdbc.Driver";
        }
        return named;
    }

    private static String describe(Throwable failure) {
        if (failure instanceof SQLException sql) {
            // The innermost message names the real cause (access denied, unknown database, refused connection).
            String message = sql.getMessage();
            for (Throwable cause = sql.getCause(); cause != null; cause = cause.getCause()) {
                if (cause.getMessage() != null && !message.contains(cause.getMessage())) {
                    message += " (" + cause.getMessage() + ")";
                    break;
                }
            }
            // Connector/J spreads its message over lines: one line a finding.
            return "SQLState " + sql.getSQLState() + ": " + message.replaceAll("\\s*\\R\\s*", " ");
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
