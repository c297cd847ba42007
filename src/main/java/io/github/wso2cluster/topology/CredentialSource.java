package io.github.wso2cluster.topology;

import java.util.Optional;

/** Looks a server id up (in Maven, settings.xml {@code <servers>}, decrypted). */
@FunctionalInterface
public interface CredentialSource {
    CredentialSource NONE = id -> Optional.empty();

    /**
     * @return the server's credentials, or empty when there is no such server
     * @throws Unavailable when the server exists but its password cannot be decrypted
     */
    Optional<Credentials> lookup(String serverId) throws Unavailable;

    /** A server whose credentials cannot be read; the message says why, never the password. */
    final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }
}
