package io.github.wso2cluster.topology;

import java.util.Optional;

/**
 * What a node does in its cluster. Carbon 4.x products have managers and workers; Identity Server and Micro
 * Integrator nodes are all alike ({@code member}); API Manager nodes take the profile they run. Which roles a
 * product takes is product knowledge ({@code product.ProductRoles}).
 */
public enum Role {
    /** Serves the management console and commits deployments to SVN. */
    MANAGER("manager", "mgt", true),
    /** Serves requests behind the load balancer and only checks deployments out. */
    WORKER("worker", "worker", false),
    /** A node like every other (Identity Server, Micro Integrator): it serves requests and the console alike. */
    MEMBER("member", "mgt", true),
    /** API Manager with every profile in one node. */
    ALL_IN_ONE("all-in-one", "mgt", true),
    CONTROL_PLANE("control-plane", "mgt", true),
    GATEWAY("gateway", "worker", false),
    TRAFFIC_MANAGER("traffic-manager", "worker", false),
    KEY_MANAGER("key-manager", "worker", false),
    PUBLISHER("publisher", "mgt", true),
    DEVPORTAL("devportal", "worker", false);

    private final String id;
    private final String defaultSubDomain;
    private final boolean console;

    Role(String id, String defaultSubDomain, boolean console) {
        this.id = id;
        this.defaultSubDomain = defaultSubDomain;
        this.console = console;
    }

    /** The axis2.xml {@code subDomain} property WSO2 expects for this role. */
    public String defaultSubDomain() {
        return defaultSubDomain;
    }

    /** The name used in the POM and in node.properties. */
    public String id() {
        return id;
    }

    /**
     * Whether the node serves the management console ({@code mgtHostName} reaches it) and may commit deployments:
     * a manager, and every node of a product whose nodes are all alike.
     */
    public boolean servesConsole() {
        return console;
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.id.equals(text.trim())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
