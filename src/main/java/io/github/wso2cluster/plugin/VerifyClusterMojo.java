package io.github.wso2cluster.plugin;

import io.github.wso2cluster.UserProperties;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.Credentials;
import io.github.wso2cluster.topology.Secret;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.SecureVaultInput;
import io.github.wso2cluster.verify.VerifyException;
import io.github.wso2cluster.verify.VerifyRequest;
import io.github.wso2cluster.verify.VerifySession;
import io.github.wso2cluster.verify.live.LiveEnvironment;
import io.github.wso2cluster.verify.live.LiveSetupException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Checks that finished nodes form one working cluster, reading their real config files: the zips this
 * build made (from cluster.json), or any zips and unpacked node folders given with {@code archives}, with
 * no POM needed. Writes {@code verify-cluster.txt} and the JUnit report {@code TEST-wso2-cluster.xml}
 * every time, pass or fail.
 *
 * @since 1.0.0
 */
@Mojo(name = "verify-cluster", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class VerifyClusterMojo extends AbstractClusterMojo {

    /**
     * Node zips or unpacked node folders to check instead of this build's, comma-separated. Relative paths
     * are taken from the project folder (the current folder without a POM).
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.ARCHIVES)
    private String archives;

    /**
     * Fails the build on warnings too.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.FAIL_ON_WARNING, defaultValue = "false")
    private boolean failOnWarning;

    /**
     * Writes the reports and logs every problem, but does not fail the build (like
     * {@code maven.test.failure.ignore}): for CI that shows the JUnit report and decides itself.
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.IGNORE_FAILURES, defaultValue = "false")
    private boolean ignoreFailures;

    /**
     * Checks not to run, by name ({@code placeholders}, {@code proxy-ports}, ...; {@code -Dwso2-cluster.skipChecks=a,b}).
     * They appear as skipped test cases in the JUnit report. An unknown name fails the build.
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.SKIP_CHECKS)
    private List<String> skipChecks;

    /**
     * The nodes' configuration directory, relative to their top folder. Default: the one configure-cluster
     * recorded in {@code cluster/node.properties}, else {@code repository/conf}, else {@code conf}.
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.CONF_DIRECTORY)
    private String confDirectory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /**
     * The live checks: one real Hazelcast member per node, configured from its axis2.xml (or deployment.toml) as
     * Carbon does, mapped onto loopback, forming one cluster of all nodes ({@code live-cluster}); one JDBC
     * connection per shared database ({@code live-database}); and the load balancer's generated configuration on
     * a private nginx, routing requests to the right nodes ({@code live-load-balancer}). A live check that cannot
     * run here (no nginx, no shared database) is a skipped case that says why.
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.LIVE, defaultValue = "false")
    private boolean live;

    /**
     * The shared databases, as configure-cluster takes them; verify-cluster uses only <code>driver</code>, the JDBC
     * driver the live check connects with (else the jars of the node's <code>repository/components/lib</code>).
      *
      * @since 1.0.0
      */
    @Parameter
    private DatabasesInput databases;

    /**
     * Seconds the live check waits for the cluster to form.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.LIVE_TIMEOUT, defaultValue = "60")
    private int liveTimeout;

    /**
     * The com.hazelcast:hazelcast release for the live check. Default: the one of the distribution's kernel,
     * from its repository/components/plugins/hazelcast_*.jar (3.5.x kernels run as 3.5.5, the first 3.5 that
     * runs on Java 17).
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.HAZELCAST_VERSION)
    private String hazelcastVersion;

    /**
     * The secure vault, as configure-cluster takes it; verify-cluster uses only <code>serverId</code>: the settings.xml
     * server whose password opens the nodes' keystores whose configured password is behind the vault (PKCS12), so
     * the <code>keystores</code> check can open them.
     *
     * @since 1.0.0
     */
    @Parameter
    private SecureVaultInput secureVault;

    private final ArtifactResolver artifacts;
    private final SettingsDecrypter settingsDecrypter;

    @Inject
    public VerifyClusterMojo(ArtifactResolver artifacts, SettingsDecrypter settingsDecrypter) {
        this.artifacts = artifacts;
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        boolean standalone = project.getFile() == null;
        // Without a POM, Maven's stand-in project leaves ${project.build.directory} unresolved: use ./target.
        Path base = standalone ? Path.of(session.getExecutionRootDirectory()) : project.getBasedir().toPath();
        Path buildDirectory = standalone ? base.resolve("target") : Path.of(project.getBuild().getDirectory());
        VerifyRequest request = new VerifyRequest(base, buildDirectory, standalone, archives, confDirectory, skipChecks,
                live, liveTimeout, hazelcastVersion, failOnWarning, ignoreFailures, keystorePassword());
        try {
            new VerifySession(request, environment(), new MavenReporter(getLog())).run();
        } catch (VerifyException | LiveSetupException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("verify-cluster could not read or write under " + buildDirectory + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted during verify-cluster (every live member and process was stopped)", e);
        }
    }

    /** Hazelcast and the JDBC driver, resolved from the project's repositories. */
    private LiveEnvironment environment() {
        String driver = databases == null || databases.getDriver() == null || databases.getDriver().isBlank()
                ? null : databases.getDriver().trim();
        return new LiveEnvironment() {
            @Override
            public Path hazelcast(List<String> versions) throws LiveSetupException {
                return artifacts.hazelcast(project, session, versions);
            }

            @Override
            public Optional<Path> driver() throws LiveSetupException {
                return driver == null ? Optional.empty() : Optional.of(artifacts.driver(project, session, driver));
            }
        };
    }

    /** The keystore password of {@code secureVault/serverId}, from settings.xml, decrypted; null without one. */
    private Secret keystorePassword() throws MojoFailureException {
        String serverId = secureVault == null || secureVault.getServerId() == null ? null : secureVault.getServerId().trim();
        if (serverId == null || serverId.isEmpty()) {
            return null;
        }
        try {
            return new SettingsCredentials(session.getSettings(), settingsDecrypter).lookup(serverId)
                    .map(Credentials::password).orElseThrow(() -> new MojoFailureException("secureVault/serverId: no"
                            + " <server> with id '" + serverId + "' in settings.xml; add it, or remove serverId"));
        } catch (CredentialSource.Unavailable e) {
            throw new MojoFailureException("secureVault/serverId: " + e.getMessage());
        }
    }
}
