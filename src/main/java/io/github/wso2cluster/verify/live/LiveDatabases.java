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
import java.net.URL;
import java.net.URLClassLoader;
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

/**
 * The live database check: one JDBC connection per distinct shared URL and user, with the driver the
 * caller's class loader holds, the node's host names resolved through its {@code cluster/hosts}, no automatic
 * reconnection and a hard time limit per URL. Each node using the database gets the outcome in its
 * {@code live-database} case: whom it connected as and the server version, or the SQLState and message.
 * Passwords come from the node's master-datasources.xml and reach nothing but the driver.
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
                          boolean vaultPassword, ClusterSchema schema) {
    }

    /** Whom the check connected as, and the tables of the target's schema the database lacks. */
    private record Connected(String who, List<String> missing) {
    }

    @Override
    public String name() {
        return CHECK;
    }

    /**
     * Connects with the driver of {@code databases/driver} when the POM names one, and the jars of the first
     * readable node's library folder (where configure-cluster put that same driver).
     */
    @Override
    public LiveOutcome check(List<NodeFacts> nodes, LiveContext context)
            throws LiveSetupException, IOException, InterruptedException {
        List<URL> jars = new ArrayList<>();
        Optional<Path> driver = context.environment().driver();
        if (driver.isPresent()) {
            jars.add(driver.get().toUri().toURL());
        }
        for (Path jar : NodeFiles.copyLibraries(nodes, context.work().resolve("live-lib"))) {
            jars.add(jar.toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Outcome outcome = run(nodes, loader);
            return outcome.notApplicable() != null ? LiveOutcome.notApplicable(outcome.notApplicable())
                    : LiveOutcome.ran(outcome.findings(), CHECK + ": " + outcome.summary());
        }
    }

    public Outcome run(List<NodeFacts> nodes, ClassLoader drivers) throws InterruptedException {
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, List<NodeFacts>> users = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            DatabaseFacts db = node.databases();
            for (Datasource datasource : db.datasources()) {
                if (!datasource.shared()) {
                    continue;
                }
                String key = datasource.user() + "@" + datasource.url();
                targets.computeIfAbsent(key, k -> new Target(datasource.url(), datasource.user(),
                        datasource.driverClassName(), datasource.password() == null ? "" : datasource.password().reveal(),
                        hosts(node), datasource.vaultPassword(), schema(node, datasource)));
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
        ExecutorService connector = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "wso2-cluster-live-database");
            thread.setDaemon(true);
            thread.setContextClassLoader(drivers);
            return thread;
        });
        try {
            for (Map.Entry<String, Target> entry : targets.entrySet()) {
                Target target = entry.getValue();
                String printable = JdbcUrls.printable(target.url());
                Optional<String> failure;
                Connected success = null;
                if (target.vaultPassword()) {
                    failure = Optional.of("the password is a secure-vault alias, which only a running Carbon resolves;"
                            + " not connected");
                } else {
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
        String summary = reached + " of " + targets.size() + (targets.size() == 1 ? " shared database" : " shared databases")
                + " answered";
        return new Outcome(findings, summary, null);
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

    /** Micro Integrator's coordination database must hold the tables of the distribution's cluster script. */
    private static ClusterSchema schema(NodeFacts node, Datasource datasource) {
        if (node.product().line() != ProductLine.MICRO_INTEGRATOR || !DatabaseNames.COORDINATION_DB.equals(datasource.name())) {
            return null;
        }
        return ClusterSchema.of(node, datasource.url()).orElse(null);
    }

    /** Connects and says whom as, to which server, and which tables it lacks; the connection is closed at once. */
    private static Connected connect(Target target, ClassLoader drivers) throws Exception {
        if (target.driverClass() == null) {
            throw new IllegalStateException("the datasource has no <driverClassName>");
        }
        Driver driver;
        try {
            driver = (Driver) Class.forName(driverClass(target.driverClass(), drivers), true, drivers)
                    .getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the driver class " + target.driverClass() + " is not in the node's"
                    + " library folder nor in databases/driver; name the driver's artifact in <databases><driver>");
        }
        Properties login = new Properties();
        login.setProperty("user", target.user() == null ? "" : target.user());
        login.setProperty("password", target.password());
        String url = JdbcUrls.forLiveCheck(target.url(), target.hosts());
        try (Connection connection = driver.connect(url, login)) {
            if (connection == null) {
                throw new IllegalStateException("the driver " + target.driverClass() + " does not take this URL");
            }
            DatabaseMetaData meta = connection.getMetaData();
            String who = "'" + meta.getUserName() + "': " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            List<String> missing = new ArrayList<>();
            if (target.schema() != null) {
                java.util.Set<String> present = new java.util.HashSet<>();
                try (java.sql.ResultSet tables = meta.getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
                    while (tables.next()) {
                        present.add(tables.getString("TABLE_NAME").toUpperCase(Locale.ROOT));
                    }
                }
                target.schema().tables().stream().filter(t -> !present.contains(t.toUpperCase(Locale.ROOT))).forEach(missing::add);
            }
            return new Connected(who, missing);
        }
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
