package io.github.wso2cluster.product;

import io.github.wso2cluster.topology.Role;
import java.util.List;
import java.util.Optional;

/**
 * The roles each product line takes (the contract's "Products and roles" table). {@code manager} and {@code worker}
 * stay accepted on every line, so POMs written for earlier versions keep building: on Identity Server and Micro
 * Integrator they mean {@code member}, on API Manager {@code all-in-one}.
 */
public final class ProductRoles {
    private static final List<Role> CARBON = List.of(Role.MANAGER, Role.WORKER);
    private static final List<Role> MEMBER = List.of(Role.MEMBER, Role.MANAGER, Role.WORKER);
    private static final List<Role> APIM_3 = List.of(Role.ALL_IN_ONE, Role.PUBLISHER, Role.DEVPORTAL, Role.KEY_MANAGER,
            Role.GATEWAY, Role.TRAFFIC_MANAGER, Role.MANAGER, Role.WORKER);
    private static final List<Role> APIM_4 = List.of(Role.ALL_IN_ONE, Role.CONTROL_PLANE, Role.GATEWAY,
            Role.TRAFFIC_MANAGER, Role.KEY_MANAGER, Role.MANAGER, Role.WORKER);

    private ProductRoles() {
    }

    /** The roles a product takes; API Manager of an unknown version takes those of 3.x and 4.x. */
    public static List<Role> allowed(Product product) {
        return switch (product.line()) {
            case CARBON -> CARBON;
            case IDENTITY_SERVER -> product.isToml() ? MEMBER : CARBON;
            case MICRO_INTEGRATOR -> MEMBER;
            case API_MANAGER -> !product.isToml() ? CARBON : major(product) == 3 ? APIM_3 : major(product) == 4 ? APIM_4
                    : java.util.stream.Stream.concat(APIM_4.stream(), APIM_3.stream()).distinct().toList();
        };
    }

    /** The role a node without {@code <role>} gets, or empty where it is required (Carbon 4.x: manager or worker). */
    public static Optional<Role> defaultRole(Product product) {
        List<Role> allowed = allowed(product);
        return allowed == CARBON ? Optional.empty() : Optional.of(allowed.get(0));
    }

    /** Whether the line's nodes are managers and workers (Carbon 4.x XML products, IS 5.0-5.8, APIM 1.x/2.x). */
    public static boolean managersAndWorkers(Product product) {
        return allowed(product) == CARBON;
    }

    /** What a role means on the product: {@code manager}/{@code worker} are {@code member} or {@code all-in-one}. */
    public static Role effective(Product product, Role role) {
        if (role != Role.MANAGER && role != Role.WORKER || managersAndWorkers(product)) {
            return role;
        }
        return allowed(product).get(0);
    }

    /** The allowed roles as the POM writes them, for an error message. */
    public static String names(Product product) {
        List<String> ids = allowed(product).stream().map(Role::id).toList();
        return managersAndWorkers(product) ? "manager or worker" : String.join(", ", ids.subList(0, ids.size() - 2))
                + " (manager and worker are accepted too, as " + allowed(product).get(0).id() + ")";
    }

    private static int major(Product product) {
        String version = product.version();
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
