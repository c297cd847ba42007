package io.github.wso2cluster.topology;

import java.util.Optional;

/** Looks a server id up (in Maven, settings.xml {@code <servers>}, decrypted). */
@FunctionalInterface
public interface CredentialSource {
    CredentialSource NONE = id -> Optional.empty();

    Optional<Credentials> lookup(String serverId);
}
