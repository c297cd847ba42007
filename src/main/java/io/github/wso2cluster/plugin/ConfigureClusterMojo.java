package io.github.wso2cluster.plugin;

import io.github.wso2cluster.UserProperties;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.archive.ArchiveException;
import io.github.wso2cluster.archive.AssembledNode;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.ClusterBuildException;
import io.github.wso2cluster.archive.Distribution;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.LoadBalancerInput;
import io.github.wso2cluster.topology.input.TomlEditInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.InvalidTopologyException;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.XmlEditInput;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Writes one configured, ready-to-run zip per node, <code>${project.build.finalName}-&lt;node id&gt;.zip</code>,
 * attached with the node id as classifier and type zip, and <code>target/wso2-cluster/cluster.json</code>.
 */
@Mojo(name = "configure-cluster", defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class ConfigureClusterMojo extends AbstractDistributionMojo {

    /**
     * The clustering domain (axis2.xml parameter <code>domain</code>, Hazelcast's group name), the same on every node.
     * Required wherever Hazelcast clustering is written; Micro Integrator (RDBMS coordination) does not use it.
     */
    @Parameter(property = UserProperties.DOMAIN)
    private String domain;

    /**
     * The product line, when the recognition from the distribution's own files is to be overridden:
     * <code>carbon</code>, <code>identity-server</code>, <code>api-manager</code> or <code>micro-integrator</code>.
     * It decides the roles nodes take and the product databases <code>databases</code> takes.
     */
    @Parameter(property = UserProperties.PRODUCT)
    private String product;

    /**
     * Micro Integrator only: the ids of the nodes that run scheduled tasks, message processors and polling inbound
     * endpoints (<code>[task_handling]</code> with WSO2's <code>TaskNodeResolver</code> and its
     * <code>task_nodes</code>); without it every node may take them. Each must be a node's id.
     */
    @Parameter
    private List<String> taskNodes;

    /** The membership scheme; {@code wka} (well-known address) is the only one supported. */
    @Parameter(property = UserProperties.MEMBERSHIP_SCHEME, defaultValue = "wka")
    private String membershipScheme;

    /**
     * The well-known members every node lists, {@code host:port} or {@code a.b.c.d-e:port}. Default: the
     * nodes marked {@code wellKnown}, or if none is, every manager.
     */
    @Parameter
    private List<String> wellKnownMembers;

    /** carbon.xml {@code HostName} on every node (a node's own {@code hostName} wins). */
    @Parameter(property = UserProperties.HOST_NAME)
    private String hostName;

    /** carbon.xml {@code MgtHostName} on manager nodes (a node's own {@code mgtHostName} wins). */
    @Parameter(property = UserProperties.MGT_HOST_NAME)
    private String mgtHostName;

    /**
     * The load balancer's ports, set as catalina-server.xml <code>proxyPort</code> on every node:
     * <ul>
     * <li><code>http</code>: on the plain HTTP connector (e.g. 80);</li>
     * <li><code>https</code>: on the HTTPS connector, the one with <code>SSLEnabled="true"</code> or
     * <code>scheme="https"</code> (e.g. 443).</li>
     * </ul>
     * Either may be left out; without <code>proxyPorts</code> catalina-server.xml is not touched.
     */
    @Parameter
    private ProxyPortsInput proxyPorts;

    /**
     * The SVN deployment synchronizer, in carbon.xml's active <code>DeploymentSynchronizer</code> on every node:
     * <ul>
     * <li><code>svnUrl</code> (required): the repository every node checks out;</li>
     * <li><code>serverId</code>: the id of a settings.xml <code>&lt;server&gt;</code> giving user and password,
     * decrypted as Maven does (keeps the password out of the POM and of every log);</li>
     * <li><code>svnUser</code>, <code>svnPassword</code>: the same from the POM instead (a clear-text password is
     * warned about);</li>
     * <li><code>appendTenantId</code> (default <code>true</code>): <code>SvnUrlAppendTenantId</code>.</li>
     * </ul>
     * <code>AutoCommit</code> is true on the first manager in <code>nodes</code> order only (one committer);
     * every node gets <code>Enabled</code> and <code>AutoCheckout</code> true. Without this parameter the block is
     * left as shipped, but a synchronizer the distribution ships enabled still gets the one-committer rule.
     */
    @Parameter
    private DeploymentSynchronizerInput deploymentSynchronizer;

    /** Lines for {@code /etc/hosts}, shipped as {@code cluster/hosts} in every node zip. */
    @Parameter
    private List<String> hostsEntries;

    /**
     * The nodes, each a <code>&lt;node&gt;</code> with:
     * <ul>
     * <li><code>id</code> (required): unique, <code>[a-z0-9][a-z0-9-]*</code>, at most 64 characters: the zip's
     * classifier and the overlay folder name;</li>
     * <li><code>role</code>: <code>manager</code> or <code>worker</code> (required) on Carbon 4.x products;
     * <code>member</code> (the default) on Identity Server 5.9+ and Micro Integrator; <code>all-in-one</code> (the
     * default), <code>control-plane</code>, <code>gateway</code>, <code>traffic-manager</code>, <code>key-manager</code>
     * on API Manager 4 (3.x: <code>publisher</code> and <code>devportal</code> for <code>control-plane</code>);
     * <code>manager</code> and <code>worker</code> are accepted everywhere;</li>
     * <li><code>localMemberHost</code> (required): the address other members reach this node on;</li>
     * <li><code>localMemberPort</code> (default 4000): the Hazelcast member port (not shifted by the offset);</li>
     * <li><code>portOffset</code> (default 0): carbon.xml <code>Ports/Offset</code>;</li>
     * <li><code>wellKnown</code> (default false): puts the node in the default well-known member list;</li>
     * <li><code>subDomain</code> (default <code>mgt</code> for managers, <code>worker</code> for workers);</li>
     * <li><code>hostName</code>, <code>mgtHostName</code>: per-node overrides of the cluster-wide values
     * (<code>mgtHostName</code> on managers only);</li>
     * <li><code>xmlEdits</code>: like the cluster-wide <code>xmlEdits</code>, for this node only, after those.</li>
     * </ul>
     */
    @Parameter
    private List<NodeInput> nodes;

    /**
     * The escape hatch: edits applied to every node after the settings, each an <code>&lt;xmlEdit&gt;</code> with
     * <ul>
     * <li><code>file</code>: relative to the distribution's top folder, e.g. <code>repository/conf/carbon.xml</code>;</li>
     * <li><code>xpath</code>: the elements to change; unprefixed names match the file's default namespace, so
     * <code>/Server/Ports/JMX/RMIRegistryPort</code> works on carbon.xml; it must match at least one element;</li>
     * <li><code>attribute</code> (optional): set this attribute instead of the element's text;</li>
     * <li><code>value</code>: the new text or attribute value.</li>
     * </ul>
     */
    @Parameter
    private List<XmlEditInput> xmlEdits;

    /**
     * The escape hatch of deployment.toml products (Identity Server 5.9+, API Manager 3 and 4), applied to every
     * node after the settings: each a <code>&lt;tomlEdit&gt;</code> with <code>key</code> (a dotted key, e.g.
     * <code>transport.https.properties.maxThreads</code>) and <code>value</code> written as TOML
     * (<code>400</code>, <code>"text"</code>, <code>["a", "b"]</code>). The key goes into its table in the form the
     * file already uses. A Carbon 4.x XML product has no deployment.toml: use <code>xmlEdits</code> there.
     */
    @Parameter
    private List<TomlEditInput> tomlEdits;

    /**
     * The configuration directory, relative to the distribution's top folder. Default: {@code repository/conf}
     * (Carbon 4.x products), else {@code conf} (EI 6.x's integrator profile). Another EI 6.x profile needs it,
     * e.g. {@code wso2/business-process/conf}.
     */
    @Parameter(property = UserProperties.CONF_DIRECTORY)
    private String confDirectory;

    /**
     * The cluster's shared databases, wired into every node (master-datasources.xml, registry.xml, user-mgt.xml):
     * <ul>
     * <li><code>registry</code>: the shared registry database, with <code>url</code>, <code>serverId</code> (a
     * settings.xml <code>&lt;server&gt;</code> giving user and password) or <code>username</code> and
     * <code>password</code>, <code>driverClassName</code> and <code>validationQuery</code> (defaults from the URL),
     * <code>mountTarget</code> (default <code>/_system/nodes</code>: where <code>/_system/config</code> is mounted);
     * mounted read-write on managers, read-only on workers;</li>
     * <li><code>userStore</code>: the shared user store database, the same elements but <code>mountTarget</code>;</li>
     * <li><code>identity</code> (Identity Server: <code>[database.identity_db]</code>, or IS 5.0-5.8's
     * <code>WSO2_IDENTITY_DB</code> and identity.xml), <code>apim</code> (API Manager: <code>[database.apim_db]</code> or
     * <code>WSO2AM_DB</code>), <code>coordination</code> (Micro Integrator: <code>[[datasource]]</code>
     * <code>WSO2_COORDINATION_DB</code> and each node's <code>[cluster_config] node_id</code>), <code>bps</code> and
     * <code>activiti</code> (EI 6.x business-process: <code>BPS_DS</code>, <code>ACTIVITI_DB</code>): the product
     * databases, each with the elements of <code>userStore</code>; one the product has no database for is refused;</li>
     * <li><code>driver</code>: <code>groupId:artifactId:version</code> of the JDBC driver, resolved from the
     * project's repositories and put in <code>repository/components/lib</code> of every node (<code>lib</code> on
     * Micro Integrator and EI 6.x profiles).</li>
     * </ul>
     */
    @Parameter
    private DatabasesInput databases;

    /**
     * The nginx load balancer in front of the cluster: writes
     * <code>target/wso2-cluster/nginx/wso2-cluster.conf</code> (attached with classifier <code>nginx</code>, type
     * <code>conf</code>), an <code>http</code>-context file for nginx's <code>conf.d/</code>:
     * <ul>
     * <li><code>sessionAffinity</code>: <code>route</code> (default: each node's catalina-server.xml
     * <code>&lt;Engine&gt;</code> gets <code>jvmRoute</code> = its id, and nginx maps <code>JSESSIONID</code>
     * to that node), <code>hash</code> (consistent hash of the cookie) or <code>none</code> (round robin);</li>
     * <li><code>sslCertificate</code>, <code>sslCertificateKey</code>: paths on the load balancer host, required
     * with <code>proxyPorts/https</code>;</li>
     * <li><code>mgtSslCertificate</code>, <code>mgtSslCertificateKey</code>: for <code>mgtHostName</code>
     * (default: the ones above).</li>
     * </ul>
     * Needs <code>hostName</code> and <code>proxyPorts</code>.
     */
    @Parameter
    private LoadBalancerInput loadBalancer;

    /** Overlays: {@code common/} for every node, {@code <node id>/} for one node. */
    @Parameter(property = UserProperties.OVERLAY_DIRECTORY, defaultValue = "${project.basedir}/src/main/wso2")
    private File overlayDirectory;

    /** How many node zips are written at once; default the number of cores. */
    @Parameter(property = UserProperties.THREADS)
    private Integer threads;

    /** Fixes the time of edited and added zip entries, for reproducible node zips. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    private File outputDirectory;

    @Parameter(defaultValue = "${project.build.finalName}", readonly = true, required = true)
    private String finalName;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Part of every node's input fingerprint: a new plugin version rebuilds every node. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    private final MavenProjectHelper projectHelper;
    private final SettingsDecrypter settingsDecrypter;
    private final ArtifactResolver artifacts;

    @Inject
    public ConfigureClusterMojo(MavenProjectHelper projectHelper, SettingsDecrypter settingsDecrypter,
                                ArtifactResolver artifacts) {
        this.projectHelper = projectHelper;
        this.settingsDecrypter = settingsDecrypter;
        this.artifacts = artifacts;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Cluster cluster = validate();
        if (deploymentSynchronizer != null && deploymentSynchronizer.getSvnPassword() != null
                && !deploymentSynchronizer.getSvnPassword().isEmpty()) {
            getLog().warn("deploymentSynchronizer/svnPassword is written in the POM in clear text; put the"
                    + " credentials in settings.xml <servers> (encrypted with mvn --encrypt-password, or mvnenc on Maven 4) and use <serverId>.");
        }
        warnClearTextPasswords();
        Optional<Instant> fixedTime = fixedTime();
        Path distribution = distributionPath();
        try {
            Distribution.requireFile(distribution);
            ClusterAssembly.Request request = new ClusterAssembly.Request(distribution,
                    distributionSha256(distribution), overlayDirectory.toPath(),
                    new OutputLayout(outputDirectory.toPath(), finalName), new EntryTimes(fixedTime.orElse(Instant.now())),
                    fixedTime.isPresent(), threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                    pluginVersion);
            ClusterAssembly.Result result = new ClusterAssembly(new MavenReporter(getLog())).assemble(cluster, request);
            report(cluster, result);
            for (AssembledNode zip : result.zips()) {
                projectHelper.attachArtifact(project, "zip", zip.nodeId(), zip.zip().toFile());
            }
            if (result.nginxConfig() != null) {
                getLog().info("Load balancer: " + result.nginxConfig() + " (" + cluster.loadBalancer().sessionAffinity().id()
                        + " session affinity); put it in nginx's conf.d/");
                projectHelper.attachArtifact(project, "conf", "nginx", result.nginxConfig().toFile());
            }
        } catch (ClusterBuildException | ArchiveException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            // Problems with the inputs are ArchiveExceptions above; what is left is the build machine's file system.
            throw new MojoExecutionException("configure-cluster could not read or write under " + outputDirectory
                    + " or the overlays: " + e.getMessage(), e);
        }
    }

    private void warnClearTextPasswords() {
        if (databases != null) {
            warnClearText("databases/registry/password", databases.getRegistry());
            warnClearText("databases/userStore/password", databases.getUserStore());
            for (io.github.wso2cluster.product.ProductDatabase product : io.github.wso2cluster.product.ProductDatabase.values()) {
                warnClearText("databases/" + product.element() + "/password", databases.get(product));
            }
        }
    }

    private void warnClearText(String element, DatabaseInput database) {
        if (database != null && database.getPassword() != null && !database.getPassword().isEmpty()) {
            getLog().warn(element + " is written in the POM in clear text (Maven -X prints the plugin configuration);"
                    + " put the credentials in settings.xml <servers> and use <serverId>.");
        }
    }

    private Optional<Instant> fixedTime() throws MojoFailureException {
        try {
            return OutputTimestamp.parse(outputTimestamp);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private Cluster validate() throws MojoFailureException {
        ClusterInput input = new ClusterInput();
        input.domain = domain;
        input.membershipScheme = membershipScheme;
        input.wellKnownMembers = wellKnownMembers;
        input.hostName = hostName;
        input.mgtHostName = mgtHostName;
        input.proxyPorts = proxyPorts;
        input.deploymentSynchronizer = deploymentSynchronizer;
        input.hostsEntries = hostsEntries == null ? new ArrayList<>() : hostsEntries;
        input.nodes = nodes == null ? new ArrayList<>() : nodes;
        input.xmlEdits = xmlEdits == null ? new ArrayList<>() : xmlEdits;
        input.confDirectory = confDirectory;
        input.databases = databases;
        input.loadBalancer = loadBalancer;
        input.tomlEdits = tomlEdits == null ? new ArrayList<>() : tomlEdits;
        input.product = product;
        input.taskNodes = taskNodes == null ? new ArrayList<>() : taskNodes;
        input.distributionProduct = recognisedProduct();
        try {
            return new TopologyValidator(new SettingsCredentials(session.getSettings(), settingsDecrypter),
                    artifacts.drivers(project, session)).validate(input);
        } catch (InvalidTopologyException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The distribution's product, so roles and databases are validated against it; null when it cannot be had yet. */
    private io.github.wso2cluster.product.Product recognisedProduct() {
        try {
            return Distribution.recognise(distributionPath(), confDirectory).orElse(null);
        } catch (MojoExecutionException | MojoFailureException e) {
            return null; // no distribution: said, with its reason, when the nodes are built
        }
    }

    private void report(Cluster cluster, ClusterAssembly.Result result) {
        if (cluster.deploymentSynchronizer() != null) {
            getLog().info("Deployment synchronizer: node '" + cluster.committer().id() + "' commits to SVN; every other"
                    + " node only checks out.");
        }
        if (result.rebuilt().isEmpty()) {
            getLog().info("All " + result.nodes().size() + " node zips are up to date (same distribution, settings,"
                    + " overlays and plugin version).");
        }
        for (int i = 0; i < result.nodes().size(); i++) {
            Node node = result.nodes().get(i);
            AssembledNode zip = result.zips().get(i);
            if (!result.rebuilt().contains(node.id())) {
                getLog().debug("Node '" + node.id() + "' is up to date: " + zip.zip().getFileName());
                continue;
            }
            NodeConfiguration configuration = result.configurations().get(node.id());
            // A deployment.toml product has no subDomain to set (its templates hard-code it).
            getLog().info("Node '" + node.id() + "' (" + node.role().id() + ", member " + node.memberAddress()
                    + (configuration.deploymentToml() ? "" : ", subDomain " + node.subDomain()) + ", HTTP "
                    + configuration.ports().http() + ", HTTPS " + configuration.ports().https() + "): "
                    + (configuration.deploymentToml() ? "deployment.toml " + (configuration.replaced().isEmpty() ? "unchanged"
                    : "edited") : configuration.replaced().size() + " config files edited") + " -> " + zip.zip().getFileName());
            for (String warning : configuration.warnings()) {
                getLog().warn("Node '" + node.id() + "': " + warning);
            }
            for (String change : configuration.changes()) {
                getLog().debug("  " + node.id() + ": " + change);
            }
        }
    }
}
