package io.github.wso2cluster.topology.database;

import java.nio.file.Path;

/** Resolves a JDBC driver's {@code groupId:artifactId:version} to its jar (in Maven, from the project's repositories). */
@FunctionalInterface
public interface DriverSource {
    DriverSource NONE = coordinates -> {
        throw new Unresolvable("no artifact resolution here");
    };

    Path resolve(String coordinates) throws Unresolvable;

    /** The artifact does not resolve; the message says why. */
    final class Unresolvable extends Exception {
        public Unresolvable(String message) {
            super(message);
        }
    }
}
