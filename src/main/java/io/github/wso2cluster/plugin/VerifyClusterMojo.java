package io.github.wso2cluster.plugin;

import io.github.wso2cluster.output.ClusterManifest;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.verify.ClusterVerifier;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.live.HazelcastVersions;
import io.github.wso2cluster.verify.live.LiveCluster;
import io.github.wso2cluster.verify.live.LiveDatabases;
import io.github.wso2cluster.verify.live.LiveLoadBalancer;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.config.ConfigFileException;
import java.nio.charset.StandardCharsets;
import io.github.wso2cluster.verify.facts.NodeFiles;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeReader;
import io.github.wso2cluster.verify.report.Reports;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.report.VerifyResult;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import javax.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that finished nodes form one working cluster, reading their real config files: the zips this
 * build made (from cluster.json), or any zips and unpacked node folders given with {@code archives}, with
 * no POM needed. Writes {@code verify-cluster.txt} and the JUnit report {@code TEST-wso2-cluster.xml}
 * every time, pass or fail.
 */
@Mojo(name = "verify-cluster", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class VerifyClusterMojo extends AbstractClusterMojo {

    /**
     * Node zips or unpacked node folders to check instead of this build's, comma-separated. Relative paths
     * are taken from the project folder (the current folder without a POM).
     */
    @Parameter(property = PluginProperties.ARCHIVES)
    private String archives;

    /** Fails the build on warnings too. */
    @Parameter(property = PluginProperties.FAIL_ON_WARNING, defaultValue = "false")
    private boolean failOnWarning;

    /**
     * Writes the reports and logs every problem, but does not fail the build (like
     * {@code maven.test.failure.ignore}): for CI that shows the JUnit report and decides itself.
     */
    @Parameter(property = PluginProperties.IGNORE_FAILURES, defaultValue = "false")
    private boolean ignoreFailures;

    /**
     * Checks not to run, by name ({@code placeholders}, {@code proxy-ports}, ...; {@code -Dwso2-cluster.skipChecks=a,b}).
     * They appear as skipped test cases in the JUnit report. An unknown name fails the build.
     */
    @Parameter(property = PluginProperties.SKIP_CHECKS)
    private List<String> skipChecks;

    /**
     * The nodes' configuration directory, relative to their top folder. Default: the one configure-cluster
     * recorded in {@code cluster/node.properties}, else {@code repository/conf}, else {@code conf}.
     */
    @Parameter(property = PluginProperties.CONF_DIRECTORY)
    private String confDirectory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /**
     * The live checks: one real Hazelcast member per node, configured from its axis2.xml (or deployment.toml) as
     * Carbon does, mapped onto loopback, forming one cluster of all nodes ({@code live-cluster}); one JDBC
     * connection per shared database ({@code live-database}); and the load balancer's generated configuration on
     * a private nginx, routing requests to the right nodes ({@code live-load-balancer}). A live check that cannot
     * run here (no nginx, no shared database) is a skipped case that says why.
     */
    @Parameter(property = PluginProperties.LIVE, defaultValue = "false")
    private boolean live;

    /**
     * The shared databases, as configure-cluster takes them; verify-cluster uses only <code>driver</code>, the JDBC
     * driver the live check connects with (else the jars of the node's <code>repository/components/lib</code>).
     */
    @Parameter
    private DatabasesInput databases;

    /** Seconds the live check waits for the cluster to form. */
    @Parameter(property = PluginProperties.LIVE_TIMEOUT, defaultValue = "60")
    private int liveTimeout;

    /**
     * The com.hazelcast:hazelcast release for the live check. Default: the one of the distribution's kernel,
     * from its repository/components/plugins/hazelcast_*.jar (3.5.x kernels run as 3.5.5, the first 3.5 that
     * runs on Java 17).
     */
    @Parameter(property = PluginProperties.HAZELCAST_VERSION)
    private String hazelcastVersion;

    private final ArtifactResolver artifacts;

    @Inject
    public VerifyClusterMojo(ArtifactResolver artifacts) {
        this.artifacts = artifacts;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        boolean standalone = project.getFile() == null;
        // Without a POM, Maven's stand-in project leaves ${project.build.directory} unresolved: use ./target.
        Path base = standalone ? Path.of(session.getExecutionRootDirectory()) : project.getBasedir().toPath();
        Path buildDirectory = standalone ? base.resolve("target") : Path.of(project.getBuild().getDirectory());
        // verify-cluster names no zip by finalName (cluster.json does), so the layout needs none.
        OutputLayout layout = new OutputLayout(buildDirectory, null);
        Path reportFolder = layout.reports();

        // The load balancer's configuration is this build's: nodes given with archives come from elsewhere.
        Path nginxConfig = archives == null && !standalone ? layout.nginxConfig() : null;
        BalancerFacts balancer = balancer(nginxConfig);
        ClusterVerifier verifier = new ClusterVerifier(balancer);
        Set<String> skipped = skippedChecks(verifier);
        if (live && liveTimeout <= 0) {
            throw new MojoFailureException("liveTimeout is " + liveTimeout + "; give the seconds the live check may wait"
                    + " for the cluster to form, at least 1 (default 60)");
        }
        Map<Path, String> recorded = new LinkedHashMap<>();
        List<Path> nodePaths = nodePaths(base, layout, standalone, recorded);
        List<NodeFacts> nodes = new NodeReader(confDirectory).read(nodePaths, recorded);
        VerifyResult result = verifier.verify(nodes, skipped);
        // The live checks run whatever the static checks found, so the reports show both.
        if (live && !skipped.contains(LiveCluster.CHECK)) {
            result = result.withLive(runLive(nodes));
        }
        if (live && !skipped.contains(LiveDatabases.CHECK)) {
            LiveDatabases.Outcome databases = runLiveDatabases(nodes, layout);
            result = databases.notApplicable() != null ? result.withNotApplicable(LiveDatabases.CHECK, databases.notApplicable())
                    : result.withLive(LiveDatabases.CHECK, databases.findings(), LiveDatabases.CHECK + ": " + databases.summary());
        }
        if (live && !skipped.contains(LiveLoadBalancer.CHECK)) {
            result = runLiveLoadBalancer(result, nodes, balancer, layout, standalone);
        }
        result.live().forEach(line -> getLog().info(line));
        try {
            Reports.write(result, reportFolder, failOnWarning);
        } catch (IOException e) {
            throw new MojoExecutionException("Writing the verify-cluster reports to " + reportFolder + " failed: "
                    + e.getMessage(), e);
        }
        for (Finding finding : result.findings()) {
            if (finding.severity() == Severity.INFO) {
                getLog().info("node '" + finding.node() + "' [" + finding.check() + "] " + finding.located());
            }
        }
        if (result.failed(failOnWarning) && ignoreFailures) {
            getLog().error(result.text().stripTrailing());
            getLog().warn("verify-cluster found problems, ignored (" + PluginProperties.IGNORE_FAILURES + "=true); reports: "
                    + reportFolder.resolve(Reports.TEXT));
            return;
        }
        if (result.failed(failOnWarning)) {
            throw new MojoFailureException(result.text().stripTrailing() + "\nReports: " + reportFolder.resolve(Reports.TEXT)
                    + ", " + reportFolder.resolve(Reports.JUNIT));
        }
        for (Finding finding : result.findings()) {
            if (finding.severity() == Severity.WARNING) {
                getLog().warn("node '" + finding.node() + "' [" + finding.check() + "] " + finding.located());
            }
        }
        getLog().info("verify-cluster: " + nodes.size() + " nodes passed " + result.checks().size() + " checks ("
                + result.warnings() + " warnings); report " + reportFolder.resolve(Reports.TEXT));
    }

    private LiveCluster.Outcome runLive(List<NodeFacts> nodes) throws MojoExecutionException, MojoFailureException {
        List<String> versions;
        try {
            versions = HazelcastVersions.candidates(nodes, hazelcastVersion);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        Path jar = artifacts.hazelcast(project, session, versions);
        getLog().info("live: starting " + nodes.size() + " Hazelcast " + jar.getFileName() + " members on loopback");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            return new LiveCluster(new MavenReporter(getLog())).run(nodes, loader, Duration.ofSeconds(liveTimeout));
        } catch (IOException e) {
            throw new MojoExecutionException("Loading " + jar + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted during the live check (every member was shut down)", e);
        }
    }

    /**
     * The live database check, with the driver of {@code databases/driver} when the POM names one, and the jars of
     * the first node's library folder (where configure-cluster put that same driver).
     */
    private LiveDatabases.Outcome runLiveDatabases(List<NodeFacts> nodes, OutputLayout layout)
            throws MojoExecutionException, MojoFailureException {
        List<URL> jars = new ArrayList<>();
        try {
            if (databases != null && databases.getDriver() != null && !databases.getDriver().isBlank()) {
                jars.add(artifacts.driver(project, session, databases.getDriver().trim()).toUri().toURL());
            }
            for (Path jar : NodeFiles.copyLibraries(nodes, layout.work().resolve("live-lib"))) {
                jars.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Resolving the JDBC driver for the live database check failed: " + e.getMessage(), e);
        }
        try (URLClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            return new LiveDatabases().run(nodes, loader);
        } catch (IOException e) {
            throw new MojoExecutionException("Closing the JDBC driver class loader failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted during the live database check", e);
        }
    }

    private BalancerFacts balancer(Path nginxConfig) throws MojoFailureException {
        if (nginxConfig == null || !Files.isRegularFile(nginxConfig)) {
            return null;
        }
        try {
            return BalancerFacts.parse("target/" + OutputLayout.FOLDER + "/nginx/" + nginxConfig.getFileName(),
                    Files.readString(nginxConfig, StandardCharsets.UTF_8));
        } catch (ConfigFileException e) {
            throw new MojoFailureException("The load balancer's configuration is not valid nginx syntax: " + e.getMessage()
                    + "; run configure-cluster again to regenerate it");
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read " + nginxConfig + ": " + e.getMessage());
        }
    }

    private VerifyResult runLiveLoadBalancer(VerifyResult result, List<NodeFacts> nodes, BalancerFacts balancer,
                                             OutputLayout layout, boolean standalone)
            throws MojoExecutionException {
        if (balancer == null) {
            return result.withNotApplicable(LiveLoadBalancer.CHECK, standalone || archives != null
                    ? "nodes given with archives: the load balancer's configuration is this build's, not theirs"
                    : "no load balancer configuration (configure <loadBalancer>)");
        }
        try {
            LiveLoadBalancer.Outcome outcome = new LiveLoadBalancer().run(nodes, balancer, layout.work().resolve("live-nginx"));
            return outcome.notApplicable() != null ? result.withNotApplicable(LiveLoadBalancer.CHECK, outcome.notApplicable())
                    : result.withLive(LiveLoadBalancer.CHECK, outcome.findings(), LiveLoadBalancer.CHECK + ": " + outcome.summary());
        } catch (IOException e) {
            throw new MojoExecutionException("The live load-balancer check could not set up nginx under " + layout.work()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted during the live load-balancer check (nginx was stopped)", e);
        }
    }

    private Set<String> skippedChecks(ClusterVerifier verifier) throws MojoFailureException {
        Set<String> names = new LinkedHashSet<>();
        if (skipChecks != null) {
            for (String item : skipChecks) {
                for (String name : item == null ? new String[0] : item.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
            }
        }
        List<String> unknown = verifier.unknown(names);
        if (!unknown.isEmpty()) {
            throw new MojoFailureException("skipChecks names no check: " + String.join(", ", unknown) + "; the checks"
                    + " are " + String.join(", ", verifier.checkNames()));
        }
        return names;
    }

    /** @param recorded receives the SHA-256 cluster.json records for each of this build's zips */
    private List<Path> nodePaths(Path base, OutputLayout layout, boolean standalone, Map<Path, String> recorded)
            throws MojoFailureException {
        if (archives != null) {
            List<Path> paths = new ArrayList<>();
            Map<Path, String> seen = new LinkedHashMap<>();
            for (String item : archives.split(",")) {
                if (item.isBlank()) {
                    continue;
                }
                Path path = base.resolve(item.trim()).normalize();
                String earlier = seen.putIfAbsent(path, item.trim());
                if (earlier != null) {
                    throw new MojoFailureException("archives names the node " + path + " twice ('" + earlier + "' and '"
                            + item.trim() + "'); give each node once");
                }
                paths.add(path);
            }
            if (paths.isEmpty()) {
                throw new MojoFailureException("archives ('" + archives + "') names no node: a cluster check over no"
                        + " node would pass on nothing; give node zips or unpacked node folders, e.g. -D"
                        + PluginProperties.ARCHIVES + "=node1.zip,node2.zip");
            }
            return paths;
        }
        if (standalone) {
            throw new MojoFailureException("Without a pom.xml, say which nodes to check: -D" + PluginProperties.ARCHIVES
                    + "=node1.zip,node2.zip,unpacked-node3/");
        }
        Path manifest = layout.manifest();
        if (!Files.isRegularFile(manifest)) {
            throw new MojoFailureException("No " + manifest + ": run configure-cluster first (it runs in the package"
                    + " phase, so 'mvn verify' runs both), or give the node zips with <archives>");
        }
        try {
            List<Path> zips = new ArrayList<>();
            for (ClusterManifest.NodeZip zip : ClusterManifest.read(manifest)) {
                Path path = layout.buildDirectory().resolve(zip.file()).normalize();
                zips.add(path);
                recorded.put(path, zip.sha256());
            }
            return zips;
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read " + manifest + ": " + e.getMessage());
        }
    }
}
