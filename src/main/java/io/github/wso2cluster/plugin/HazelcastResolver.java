package io.github.wso2cluster.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/** Resolves com.hazelcast:hazelcast for the live check through Maven, like any other artifact. */
@Named
@Singleton
public class HazelcastResolver {
    private final RepositorySystem repositorySystem;

    @Inject
    public HazelcastResolver(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    /** The jar of the first of {@code versions} that resolves. */
    public Path resolve(MavenProject project, MavenSession session, List<String> versions)
            throws MojoExecutionException, MojoFailureException {
        List<String> failures = new ArrayList<>();
        for (String version : versions) {
            ArtifactRequest request = new ArtifactRequest(new DefaultArtifact("com.hazelcast", "hazelcast", "jar", version),
                    project.getRemoteProjectRepositories(), null);
            try {
                return repositorySystem.resolveArtifact(session.getRepositorySession(), request).getArtifact().getFile().toPath();
            } catch (ArtifactResolutionException e) {
                failures.add(version + ": " + e.getMessage());
            }
        }
        throw new MojoFailureException("The live check needs com.hazelcast:hazelcast " + versions + " and none resolved ("
                + String.join("; ", failures) + "); set <hazelcastVersion> to a release your repositories have");
    }
}
