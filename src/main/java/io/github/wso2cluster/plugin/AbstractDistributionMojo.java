package io.github.wso2cluster.plugin;

import io.github.wso2cluster.UserProperties;
import io.github.wso2cluster.archive.ArchiveException;
import io.github.wso2cluster.archive.DigestCache;
import io.github.wso2cluster.archive.Distribution;
import io.github.wso2cluster.output.OutputLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import java.io.IOException;

/** What unpack and configure-cluster share: finding the WSO2 distribution zip. */
abstract class AbstractDistributionMojo extends AbstractClusterMojo {

    /**
     * Picks the distribution among several {@code zip} dependencies, as {@code groupId:artifactId}.
     * Not needed with a single zip dependency.
      *
      * @since 1.0.0
      */
    @Parameter(property = UserProperties.DISTRIBUTION)
    protected String distribution;

    /**
     * A local distribution zip, used instead of a zip dependency.
     *
     * @since 1.0.0
     */
    @Parameter(property = UserProperties.DISTRIBUTION_FILE)
    protected File distributionFile;

    /** The distribution's file, not yet opened or checked. */
    protected Path distributionPath() throws MojoExecutionException, MojoFailureException {
        return distributionFile != null ? distributionFile.toPath() : dependencyFile();
    }

    protected static Distribution open(Path file) throws MojoFailureException {
        return open(file, null);
    }

    /** @param confDirectory the {@code confDirectory} parameter, or null to detect the configuration directory */
    protected static Distribution open(Path file, String confDirectory) throws MojoFailureException {
        try {
            return Distribution.open(file, confDirectory);
        } catch (ArchiveException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The distribution's SHA-256, hashed again only when its size or time changed (see {@link DigestCache}). */
    protected String distributionSha256(Path file) throws IOException {
        Path cache = new OutputLayout(Path.of(project.getBuild().getDirectory()), project.getBuild().getFinalName())
                .distributionDigest();
        return new DigestCache(cache).sha256(file);
    }

    private Path dependencyFile() throws MojoExecutionException, MojoFailureException {
        Set<String> direct = project.getDependencies().stream()
                .filter(d -> "zip".equals(d.getType()))
                .map(d -> d.getGroupId() + ":" + d.getArtifactId())
                .collect(Collectors.toSet());
        List<Artifact> zips = project.getArtifacts().stream()
                .filter(a -> "zip".equals(a.getType()) && direct.contains(a.getGroupId() + ":" + a.getArtifactId()))
                .toList();
        if (distribution != null && !distribution.isBlank()) {
            List<Artifact> chosen = zips.stream()
                    .filter(a -> (a.getGroupId() + ":" + a.getArtifactId()).equals(distribution.trim())).toList();
            if (chosen.isEmpty()) {
                throw new MojoFailureException("<distribution>" + distribution + "</distribution> matches no zip"
                        + " dependency of this project; the zip dependencies are " + keys(zips)
                        + ". Write groupId:artifactId of one of them.");
            }
            return fileOf(chosen.get(0));
        }
        if (zips.isEmpty()) {
            throw new MojoFailureException("No WSO2 distribution: declare the product zip as a dependency"
                    + " (<type>zip</type>, e.g. org.wso2.appserver:wso2as:5.2.1) or set <distributionFile>.");
        }
        if (zips.size() > 1) {
            throw new MojoFailureException("This project has several zip dependencies " + keys(zips)
                    + "; say which is the WSO2 distribution with <distribution>groupId:artifactId</distribution>.");
        }
        return fileOf(zips.get(0));
    }

    private static Path fileOf(Artifact artifact) throws MojoExecutionException {
        if (artifact.getFile() == null) {
            throw new MojoExecutionException("The distribution " + artifact + " was not resolved by Maven;"
                    + " run the goal within a build that resolves dependencies");
        }
        return artifact.getFile().toPath();
    }

    private static String keys(List<Artifact> artifacts) {
        return artifacts.stream().map(a -> a.getGroupId() + ":" + a.getArtifactId()).toList().toString();
    }
}
