package io.github.wso2cluster.plugin;

import io.github.wso2cluster.topology.database.DriverSource;
import io.github.wso2cluster.verify.live.LiveSetupException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves the artifacts the plugin needs besides the distribution through Maven, from the project's
 * repositories (so settings.xml mirrors apply): Hazelcast for the live check, the JDBC driver of
 * {@code databases/driver}.
 */
@Named
@Singleton
public class ArtifactResolver {
    private final RepositorySystem repositorySystem;

    @Inject
    public ArtifactResolver(RepositorySystem repositorySystem) {
        this.repositorySystem = repositorySystem;
    }

    /** The jar of the first of {@code versions} of com.hazelcast:hazelcast that resolves. */
    public Path hazelcast(MavenProject project, MavenSession session, List<String> versions) throws LiveSetupException {
        List<String> failures = new ArrayList<>();
        for (String version : versions) {
            try {
                return resolve(project, session, "com.hazelcast:hazelcast:" + version);
            } catch (ArtifactResolutionException e) {
                failures.add(version + ": " + e.getMessage());
            }
        }
        throw new LiveSetupException("The live check needs com.hazelcast:hazelcast " + versions + " and none resolved ("
                + String.join("; ", failures) + "); set <hazelcastVersion> to a release your repositories have");
    }

    /** {@code groupId:artifactId:version} jars, for the topology's validation of {@code databases/driver}. */
    public DriverSource drivers(MavenProject project, MavenSession session) {
        return coordinates -> {
            try {
                return resolve(project, session, coordinates);
            } catch (ArtifactResolutionException | IllegalArgumentException e) {
                throw new DriverSource.Unresolvable(e.getMessage());
            }
        };
    }

    /** The JDBC driver the live database check connects with. */
    public Path driver(MavenProject project, MavenSession session, String coordinates) throws LiveSetupException {
        try {
            return drivers(project, session).resolve(coordinates);
        } catch (DriverSource.Unresolvable e) {
            throw new LiveSetupException("databases/driver: " + coordinates + " does not resolve (" + e.getMessage()
                    + "); check the coordinates, or that your repositories serve it");
        }
    }

    private Path resolve(MavenProject project, MavenSession session, String coordinates) throws ArtifactResolutionException {
        String[] parts = coordinates.split(":");
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(parts[0], parts[1], "jar", parts[2]),
                project.getRemoteProjectRepositories(), null);
        return repositorySystem.resolveArtifact(session.getRepositorySession(), request).getArtifact().getFile().toPath();
    }
}
