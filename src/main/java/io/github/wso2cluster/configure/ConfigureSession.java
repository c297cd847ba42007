package io.github.wso2cluster.configure;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ArchiveException;
import io.github.wso2cluster.archive.AssembledNode;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.ClusterBuildException;
import io.github.wso2cluster.archive.DigestCache;
import io.github.wso2cluster.archive.Distribution;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.config.NodeConfiguration;
import io.github.wso2cluster.output.OutputTimestamp;
import io.github.wso2cluster.product.ProductDatabase;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.database.DriverSource;
import io.github.wso2cluster.topology.InvalidTopologyException;
import io.github.wso2cluster.topology.database.JdbcUrlSafety;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.vault.Passwords;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * configure-cluster's core service, the one place its decisions are made: validates the description, warns about
 * what the user should know (clear-text passwords in the POM), assembles the nodes, and says what it did. The Mojo
 * only binds parameters, and attaches what this returns.
 */
public final class ConfigureSession {
    private final Reporter reporter;

    public ConfigureSession(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * The first step, before the distribution is even looked for: the description as a valid cluster.
     *
     * @param input       the cluster description, as the POM gives it
     * @param credentials settings.xml's servers, decrypted
     * @param drivers     resolves {@code databases/driver} coordinates to jars
     * @throws InvalidTopologyException the description has problems (every one listed; nothing written)
     */
    public Cluster validate(ClusterInput input, CredentialSource credentials, DriverSource drivers)
            throws InvalidTopologyException {
        Cluster cluster = new TopologyValidator(credentials, drivers).validate(input);
        warnClearTextPasswords(input);
        return cluster;
    }

    /**
     * Writes the node zips of a {@link #validate validated} cluster from the distribution.
     *
     * @throws ClusterBuildException the nodes cannot be configured from this distribution (nothing written)
     * @throws ArchiveException      the distribution or an overlay is unusable
     * @throws IOException           the build machine cannot read or write under the build folder
     */
    public ClusterAssembly.Result assemble(Cluster cluster, ConfigureRequest request)
            throws ClusterBuildException, ArchiveException, IOException {
        Path distribution = request.distribution();
        Optional<Instant> fixedTime;
        try {
            fixedTime = OutputTimestamp.parse(request.outputTimestamp());
        } catch (IllegalArgumentException e) {
            throw new ClusterBuildException(List.of(e.getMessage()));
        }
        Distribution.requireFile(distribution);
        String sha256 = new DigestCache(request.layout().distributionDigest()).sha256(distribution);
        ClusterAssembly.Request assembly = new ClusterAssembly.Request(distribution, sha256,
                request.overlayRoot(), request.layout(), new EntryTimes(fixedTime.orElse(Instant.now())),
                fixedTime.isPresent(), request.threads() != null ? request.threads() : Runtime.getRuntime().availableProcessors(),
                request.pluginVersion());
        ClusterAssembly.Result result = new ClusterAssembly(reporter).assemble(cluster, assembly);
        report(cluster, result);
        warnClearTextNodes(cluster, result);
        if (result.nginxConfig() != null) {
            reporter.info("Load balancer: " + result.nginxConfig() + " (" + cluster.loadBalancer().sessionAffinity().id()
                    + " session affinity); put it in nginx's conf.d/");
        }
        return result;
    }

    /** Maven's -X prints a POM's plugin configuration: only settings.xml keeps a password out of every log. */
    private void warnClearTextPasswords(ClusterInput input) {
        if (input.deploymentSynchronizer != null && input.deploymentSynchronizer.getSvnPassword() != null
                && !input.deploymentSynchronizer.getSvnPassword().isEmpty()) {
            reporter.warn("deploymentSynchronizer/svnPassword is written in the POM in clear text; put the"
                    + " credentials in settings.xml <servers> (encrypted with mvn --encrypt-password, or mvnenc on Maven 4)"
                    + " and use <serverId>.");
        }
        if (input.databases != null) {
            warnClearText("databases/registry/password", input.databases.getRegistry());
            warnClearText("databases/userStore/password", input.databases.getUserStore());
            for (ProductDatabase product : ProductDatabase.values()) {
                warnClearText("databases/" + product.element() + "/password", input.databases.get(product));
            }
        }
    }

    /**
     * Node zips are published (install, deploy): without a secure vault, every password the plugin wrote is in clear
     * text in each of them. One warning, whatever the number of nodes.
     */
    private void warnClearTextNodes(Cluster cluster, ClusterAssembly.Result result) {
        if (cluster.secureVault() != null || Passwords.written(cluster).isEmpty()) {
            return;
        }
        int nodes = result.zips().size();
        reporter.warn(nodes + " node zip" + (nodes == 1 ? "" : "s") + " hold clear-text passwords (" + String.join(", ", places(cluster))
                + "), and mvn install/deploy publish them; add <secureVault/> to encrypt them with each node's keystore"
                + " (the site's page examples/secrets-and-keystores)");
    }

    private static List<String> places(Cluster cluster) {
        List<String> places = new java.util.ArrayList<>();
        if (cluster.deploymentSynchronizer() != null && cluster.deploymentSynchronizer().svnPassword() != null
                && !cluster.deploymentSynchronizer().svnPassword().reveal().isEmpty()) {
            places.add("the SVN password");
        }
        if (Passwords.written(cluster).size() > places.size()) {
            places.add("database passwords");
        }
        return places;
    }

    private void warnClearText(String element, DatabaseInput database) {
        if (database != null && database.getPassword() != null && !database.getPassword().isEmpty()) {
            reporter.warn(element + " is written in the POM in clear text (Maven -X prints the plugin configuration);"
                    + " put the credentials in settings.xml <servers> and use <serverId>.");
        }
        JdbcUrlSafety.warning(element.replace("/password", "/url"), database == null ? null : database.getUrl())
                .ifPresent(reporter::warn);
    }

    private void report(Cluster cluster, ClusterAssembly.Result result) {
        if (cluster.deploymentSynchronizer() != null) {
            reporter.info("Deployment synchronizer: node '" + cluster.committer().id() + "' commits to SVN; every other"
                    + " node only checks out.");
        }
        if (result.rebuilt().isEmpty()) {
            reporter.info("All " + result.nodes().size() + " node zips are up to date (same distribution, settings,"
                    + " overlays and plugin version).");
        }
        for (int i = 0; i < result.nodes().size(); i++) {
            Node node = result.nodes().get(i);
            AssembledNode zip = result.zips().get(i);
            if (!result.rebuilt().contains(node.id())) {
                reporter.debug("Node '" + node.id() + "' is up to date: " + zip.zip().getFileName());
                continue;
            }
            NodeConfiguration configuration = result.configurations().get(node.id());
            // A deployment.toml product has no subDomain to set (its templates hard-code it).
            reporter.info("Node '" + node.id() + "' (" + node.role().id() + ", member " + node.memberAddress()
                    + (configuration.deploymentToml() ? "" : ", subDomain " + node.subDomain()) + ", HTTP "
                    + configuration.ports().http() + ", HTTPS " + configuration.ports().https() + "): "
                    + (configuration.deploymentToml() ? "deployment.toml " + (configuration.replaced().isEmpty() ? "unchanged"
                    : "edited") : configuration.replaced().size() + " config files edited") + " -> " + zip.zip().getFileName());
            for (String warning : configuration.warnings()) {
                reporter.warn("Node '" + node.id() + "': " + warning);
            }
            for (String change : configuration.changes()) {
                reporter.debug("  " + node.id() + ": " + change);
            }
        }
    }
}
