package io.github.wso2cluster.plugin;

import io.github.wso2cluster.UserProperties;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.archive.ArchiveException;
import io.github.wso2cluster.archive.AssembledNode;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.ClusterBuildException;
import io.github.wso2cluster.archive.Distribution;
import io.github.wso2cluster.archive.ProductCache;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.configure.ConfigureRequest;
import io.github.wso2cluster.configure.ConfigureSession;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.InvalidTopologyException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
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
 *
 * @since 1.0.0
 */
@Mojo(name = "configure-cluster", defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class ConfigureClusterMojo extends ClusterDescriptionMojo {

    /**
     * Overlays: {@code common/} for every node, {@code <node id>/} for one node.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.OVERLAY_DIRECTORY, defaultValue = "${project.basedir}/src/main/wso2")
    private File overlayDirectory;

    /**
     * How many node zips are written at once; default the number of cores.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.THREADS)
    private Integer threads;

    /**
     * Fixes the time of edited and added zip entries, for reproducible node zips.
     *
     * @since 1.0.0
     */
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
        ClusterInput input = clusterInput();
        input.distributionProduct = recognisedProduct(input.confDirectory);
        try {
            ConfigureSession configure = new ConfigureSession(new MavenReporter(getLog()));
            Cluster cluster = configure.validate(input, new SettingsCredentials(session.getSettings(), settingsDecrypter),
                    artifacts.drivers(project, session));
            ClusterAssembly.Result result = configure.assemble(cluster, new ConfigureRequest(distributionPath(),
                    overlayDirectory.toPath(), new OutputLayout(outputDirectory.toPath(), finalName), outputTimestamp,
                    threads, pluginVersion));
            for (AssembledNode zip : result.zips()) {
                projectHelper.attachArtifact(project, "zip", zip.nodeId(), zip.zip().toFile());
            }
            if (result.nginxConfig() != null) {
                projectHelper.attachArtifact(project, "conf", "nginx", result.nginxConfig().toFile());
            }
        } catch (InvalidTopologyException | ClusterBuildException | ArchiveException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            // Problems with the inputs are ArchiveExceptions above; what is left is the build machine's file system.
            throw new MojoExecutionException("configure-cluster could not read or write under " + outputDirectory
                    + " or the overlays: " + e.getMessage(), e);
        }
    }

    /** The distribution's product, so roles and databases are validated against it; null when it cannot be had yet. */
    private Product recognisedProduct(String confDirectory) {
        try {
            Path file = distributionPath();
            return outputDirectory == null ? Distribution.recognise(file, confDirectory).orElse(null)
                    : new ProductCache(new OutputLayout(outputDirectory.toPath(), finalName).distributionProduct())
                    .recognise(file, confDirectory).orElse(null);
        } catch (MojoExecutionException | MojoFailureException e) {
            return null; // no distribution: said, with its reason, when the nodes are built
        }
    }
}
