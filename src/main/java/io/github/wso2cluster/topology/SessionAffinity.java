package io.github.wso2cluster.topology;

import java.util.Locale;
import java.util.Optional;

/** How the load balancer keeps a session on its node. */
public enum SessionAffinity {
    /** Tomcat's {@code jvmRoute} = node id ends every session id; nginx maps the cookie to that node. */
    ROUTE,
    /** {@code hash $cookie_JSESSIONID consistent}: no node setting, but the first request after login may move. */
    HASH,
    /** Round robin: for clusters whose sessions are replicated, or stateless services. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionAffinity> parse(String text) {
        for (SessionAffinity affinity : values()) {
            if (affinity.id().equals(text)) {
                return Optional.of(affinity);
            }
        }
        return Optional.empty();
    }
}
