package io.github.wso2cluster.topology;

import java.util.Locale;
import java.util.Optional;

/** What a node does in a WSO2 worker/manager cluster. */
public enum Role {
    /** Serves the management console and commits deployments to SVN. */
    MANAGER("mgt"),
    /** Serves requests behind the load balancer and only checks deployments out. */
    WORKER("worker");

    private final String defaultSubDomain;

    Role(String defaultSubDomain) {
        this.defaultSubDomain = defaultSubDomain;
    }

    /** The axis2.xml {@code subDomain} property WSO2 expects for this role. */
    public String defaultSubDomain() {
        return defaultSubDomain;
    }

    /** The name used in the POM and in node.properties. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.id().equals(text.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
