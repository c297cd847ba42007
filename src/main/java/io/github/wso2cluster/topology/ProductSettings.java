package io.github.wso2cluster.topology;

import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.product.ProductRoles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The settings that depend on the product: {@code <product>}, each node's role, {@code <taskNodes>}. */
final class ProductSettings {
    private ProductSettings() {
    }

    /** The POM's {@code <product>}, or null when not given (or not a product line, which is a problem). */
    static ProductLine productLine(String text, Problems problems) {
        String id = Settings.trimToNull(text);
        if (id == null) {
            return null;
        }
        Optional<ProductLine> line = ProductLine.byId(id);
        if (line.isEmpty()) {
            problems.add("product: '" + id + "' is not a product line; use one of " + Arrays.stream(ProductLine.values())
                    .map(ProductLine::id).collect(Collectors.joining(", ")) + ", or leave it out to recognise the"
                    + " distribution");
            return null;
        }
        return line.get();
    }

    /** The product the cluster is built for: the distribution's, as the POM's {@code <product>} names it. */
    static Product product(Product distribution, ProductLine override) {
        if (distribution == null || override == null) {
            return distribution;
        }
        return distribution.withLine(override);
    }

    /**
     * A node's role: the one the POM gives, if the product takes it; else the product's default role; a Carbon 4.x
     * product (or an unknown one) requires manager or worker.
     */
    static Optional<Role> role(String where, String text, Product product, Problems problems) {
        String given = Settings.trimToNull(text);
        if (given == null) {
            Optional<Role> fallback = product == null ? Optional.empty() : ProductRoles.defaultRole(product);
            if (fallback.isEmpty()) {
                problems.add(where + ": role is required (manager or worker)");
            }
            return fallback;
        }
        Optional<Role> role = Role.parse(given);
        boolean allowed = role.isPresent() && (product == null ? List.of(Role.MANAGER, Role.WORKER)
                : ProductRoles.allowed(product)).contains(role.get());
        Optional<String> otherVersion = role.flatMap(r -> ApimProfiles.otherVersion(product, r));
        if (!allowed && otherVersion.isPresent()) {
            problems.add(where + ": role '" + given + "' is a role of " + otherVersion.get() + ", not of "
                    + product.describe() + "; use " + ProductRoles.names(product));
            return Optional.empty();
        }
        if (!allowed) {
            problems.add(where + ": role '" + given + "' is unknown" + (product == null || ProductRoles.managersAndWorkers(product)
                    ? "; use manager or worker" : " for " + product.describe() + "; use " + ProductRoles.names(product)));
            return Optional.empty();
        }
        return role;
    }

    /**
     * An API Manager deployment that is not all-in-one nodes only needs a node that publishes APIs (a control plane;
     * 3.x: a publisher) and one that serves them (a gateway); all-in-one nodes are both. Gateway and control plane
     * without a traffic manager is WSO2's documented minimum (the control plane includes the traffic manager).
     */
    static void apimDeployment(Product product, List<Node> nodes, Problems problems) {
        if (!ApimProfiles.applies(product) || nodes.isEmpty()) {
            return;
        }
        List<Role> roles = nodes.stream().map(n -> ProductRoles.effective(product, n.role())).toList();
        if (roles.stream().allMatch(r -> r == Role.ALL_IN_ONE)) {
            return;
        }
        List<Role> control = ApimProfiles.control(product);
        String controlName = control.get(0).id();
        if (roles.stream().noneMatch(r -> control.contains(r) || r == Role.ALL_IN_ONE)) {
            problems.add("nodes: this distributed " + product.describe() + " deployment has no " + controlName
                    + " node (nor an all-in-one one): nothing publishes APIs to the gateways or holds the event hub;"
                    + " give a node <role>" + controlName + "</role>");
        }
        if (roles.stream().noneMatch(r -> r == Role.GATEWAY || r == Role.ALL_IN_ONE)) {
            problems.add("nodes: this distributed " + product.describe() + " deployment has no gateway node (nor an"
                    + " all-in-one one): no node serves the APIs; give a node <role>gateway</role>");
        }
    }

    /**
     * {@code <taskNodes>}: node ids of a Micro Integrator cluster, each a node (WSO2's TaskNodeResolver schedules
     * tasks only on the nodes it names, so a misspelt id runs nothing there).
     */
    static List<String> taskNodes(List<String> given, Product product, List<Node> nodes, Problems problems) {
        List<String> ids = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            return ids;
        }
        if (product != null && product.line() != ProductLine.MICRO_INTEGRATOR) {
            problems.add("taskNodes: " + product.describe() + " has no task coordination to configure; only Micro"
                    + " Integrator 4.x schedules tasks on chosen nodes: remove <taskNodes>");
            return ids;
        }
        Set<String> known = nodes.stream().map(Node::id).collect(Collectors.toCollection(LinkedHashSet::new));
        for (int i = 0; i < given.size(); i++) {
            String id = Settings.trimToNull(given.get(i));
            if (id == null || !known.contains(id)) {
                problems.add("taskNodes[" + i + "]: '" + (id == null ? "" : id) + "' is not the id of a node; use one of "
                        + String.join(", ", known));
            } else if (ids.contains(id)) {
                problems.add("taskNodes[" + i + "]: '" + id + "' is listed twice");
            } else {
                ids.add(id);
            }
        }
        return ids;
    }
}
