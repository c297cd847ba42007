package io.github.wso2cluster.product;

import io.github.wso2cluster.topology.Role;
import java.util.List;
import java.util.Optional;

/**
 * API Manager's profiles: the {@code -Dprofile=} / {@code [server] server_role} name of each role by version (its
 * {@code profileSetup.sh} case labels and {@code infer.json}), and which nodes play which part in the wiring. 4.x
 * folds publisher, developer portal, key manager and traffic manager into the control plane; 3.x has them apart.
 */
public final class ApimProfiles {
    /** What an all-in-one node's {@code server_role} stays: the stock file's. */
    public static final String DEFAULT_PROFILE = "default";

    private ApimProfiles() {
    }

    /** Whether the product is API Manager 3.x or 4.x (one distribution, roles as profiles). */
    public static boolean applies(Product product) {
        return product != null && product.line() == ProductLine.API_MANAGER && product.isToml()
                && (major(product) == 3 || major(product) == 4);
    }

    public static boolean threeX(Product product) {
        return major(product) == 3;
    }

    /** The profile a role runs as on this version; all-in-one is the distribution's {@code default}. */
    public static String profile(Product product, Role role) {
        boolean three = threeX(product);
        return switch (role) {
            case CONTROL_PLANE -> "control-plane";
            case GATEWAY -> "gateway-worker";
            case TRAFFIC_MANAGER -> "traffic-manager";
            case PUBLISHER -> "api-publisher";
            case DEVPORTAL -> "api-devportal";
            case KEY_MANAGER -> three ? "api-key-manager" : minor(product) >= 3 ? "api-key-manager-node"
                    : "api-key-manager-deprecated";
            default -> DEFAULT_PROFILE;
        };
    }

    /** The role a {@code server_role} names on this version (a cluster built elsewhere), or empty. */
    public static Optional<Role> role(Product product, String profile) {
        for (Role role : ApimWiring.ROLES) {
            if (profile(product, role).equals(profile)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * "API Manager 4.x" when the role is one of 4.x's but not of this 3.x product, and the other way round; empty
     * when the role is this version's, or no API Manager role.
     */
    public static Optional<String> otherVersion(Product product, Role role) {
        if (!applies(product) || role == Role.MANAGER || role == Role.WORKER || role == Role.ALL_IN_ONE) {
            return Optional.empty();
        }
        List<Role> four = List.of(Role.CONTROL_PLANE, Role.GATEWAY, Role.TRAFFIC_MANAGER, Role.KEY_MANAGER);
        List<Role> three = List.of(Role.PUBLISHER, Role.DEVPORTAL, Role.KEY_MANAGER, Role.GATEWAY, Role.TRAFFIC_MANAGER);
        if (threeX(product)) {
            return four.contains(role) && !three.contains(role) ? Optional.of("API Manager 4.x") : Optional.empty();
        }
        return three.contains(role) && !four.contains(role) ? Optional.of("API Manager 3.x") : Optional.empty();
    }

    /** The roles that hold the gateway environments and publish events: the control planes. */
    public static List<Role> control(Product product) {
        return threeX(product) ? List.of(Role.PUBLISHER) : List.of(Role.CONTROL_PLANE);
    }

    /** The roles that keep {@code [[apim.gateway.environment]]}: what publishes APIs or shows their endpoints. */
    public static List<Role> environmentHolders(Product product) {
        return threeX(product) ? List.of(Role.PUBLISHER, Role.DEVPORTAL, Role.ALL_IN_ONE)
                : List.of(Role.CONTROL_PLANE, Role.ALL_IN_ONE);
    }

    static int major(Product product) {
        return part(product, 0);
    }

    static int minor(Product product) {
        return part(product, 1);
    }

    private static int part(Product product, int index) {
        String[] parts = product.version().split("\\.");
        try {
            return parts.length > index ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
