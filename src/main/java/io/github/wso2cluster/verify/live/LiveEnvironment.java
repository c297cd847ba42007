package io.github.wso2cluster.verify.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the build tool gives the live checks: artifacts resolved from the project's repositories. */
public interface LiveEnvironment {
    /** The com.hazelcast:hazelcast jar of the first of {@code versions} that resolves. */
    Path hazelcast(List<String> versions) throws LiveSetupException;

    /** The JDBC driver jar the POM names ({@code databases/driver}), if it names one. */
    Optional<Path> driver() throws LiveSetupException;

    /** No artifacts at all: for tests and callers that give the live checks their jars themselves. */
    LiveEnvironment NONE = new LiveEnvironment() {
        @Override
        public Path hazelcast(List<String> versions) throws LiveSetupException {
            throw new LiveSetupException("no Hazelcast " + versions + " to be had here");
        }

        @Override
        public Optional<Path> driver() {
            return Optional.empty();
        }
    };
}
