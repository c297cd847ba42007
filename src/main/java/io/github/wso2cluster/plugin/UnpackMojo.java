package io.github.wso2cluster.plugin;

import io.github.wso2cluster.UserProperties;
import io.github.wso2cluster.archive.ArchiveException;
import io.github.wso2cluster.archive.Distribution;
import io.github.wso2cluster.archive.Unpacker;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Unpacks the WSO2 distribution once into {@code target/wso2-cluster/distribution/<top folder>/}, keeping
 * Unix modes and times. The same bytes again do nothing; other bytes replace the whole tree.
 *
 * @since 1.0.0
 */
@Mojo(name = "unpack", defaultPhase = LifecyclePhase.PREPARE_PACKAGE,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class UnpackMojo extends AbstractDistributionMojo {

    /**
     * Where the distribution's top folder is unpacked.
     *
     * @since 1.0.0
     */
    @Parameter(defaultValue = "${project.build.directory}/wso2-cluster/distribution", required = true)
    private File unpackDirectory;

    /**
     * The distribution's configuration directory, relative to its top folder, when it is neither
     * {@code repository/conf} nor {@code conf} (EI 6.x's {@code wso2/business-process/conf}); the same parameter and
     * property as configure-cluster's.
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.CONF_DIRECTORY)
    private String confDirectory;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path file = distributionPath();
        try {
            Distribution.requireFile(file);
            String sha256 = distributionSha256(file);
            Unpacker unpacker = new Unpacker();
            Optional<Path> current = unpacker.upToDate(sha256, unpackDirectory.toPath());
            if (current.isPresent()) {
                getLog().info("Distribution " + file.getFileName() + " already unpacked in " + current.get()
                        + " (same SHA-256).");
                return;
            }
            Distribution distribution = open(file, confDirectory);
            Unpacker.Result result = unpacker.unpack(distribution, sha256, unpackDirectory.toPath());
            if (result.upToDate()) {
                getLog().info("Distribution " + distribution.file().getFileName() + " already unpacked in "
                        + result.tree() + " (same SHA-256).");
            } else {
                getLog().info("Unpacked " + result.entries() + " files of " + distribution.file().getFileName()
                        + " into " + result.tree());
            }
        } catch (ArchiveException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Unpacking " + file + " into " + unpackDirectory
                    + " failed: " + e.getMessage(), e);
        }
    }
}
