package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.config.IdentityConfig;
import io.github.wso2cluster.config.RegistryConfig;
import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.product.DatabaseNames;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.product.SharedState;
import io.github.wso2cluster.settings.Datasource;
import io.github.wso2cluster.topology.Role;
import io.github.wso2cluster.verify.facts.DatabaseFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every piece of cluster state shared: a database the product keeps cluster state in ({@link SharedState}: IS
 * tokens and sessions, API Manager subscriptions, MI task ownership, EI process instances) that is node-local on
 * some node (embedded H2, or absent so the product's embedded default applies), or whose URL or user differs
 * between nodes, makes that node a cluster of one for it.
 */
public final class SharedStateCheck implements Check {
    static final String NAME = "shared-state";

    /** A required database, resolved on one node: its datasource (empty when absent) and where it stands or belongs. */
    private record Resolved(SharedState.Required required, Optional<Datasource> datasource, Located where, String how) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> notApplicable(List<NodeFacts> nodes) {
        if (nodes.size() < 2) {
            return Optional.of("a cluster of one node has nothing to share");
        }
        if (nodes.stream().allMatch(n -> required(n).isEmpty())) {
            return Optional.of("nothing must be shared on " + nodes.get(0).product().describe() + " (a cluster without a"
                    + " shared registry and user store runs so, as stateless workers do)");
        }
        return Optional.empty();
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        boolean anyCoordination = nodes.stream().anyMatch(n -> n.databases().datasource(DatabaseNames.COORDINATION_DB)
                .isPresent());
        Map<String, NodeFacts> firstNode = new LinkedHashMap<>();
        Map<String, Datasource> first = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            for (SharedState.Required required : required(node)) {
                if (node.product().line() == ProductLine.MICRO_INTEGRATOR && !anyCoordination) {
                    findings.info(node, Located.absent(node.databases().datasourcesPath()), "no node has "
                            + DatabaseNames.COORDINATION_DB + ": every node runs scheduled tasks, message processors and"
                            + " polling inbound endpoints itself (stateless integrations run so); configure"
                            + " <databases><coordination> to coordinate them");
                    continue;
                }
                Optional<Resolved> resolved = resolve(node, required);
                if (resolved.isEmpty()) {
                    continue;
                }
                Resolved one = resolved.get();
                String fix = "share it with <databases><" + required.element() + ">";
                if (one.datasource().isEmpty()) {
                    findings.error(node, one.where(), "no " + required.datasource() + one.how() + ": " + required.holds()
                            + " then live in the product's embedded default database, on this node only; " + fix);
                    continue;
                }
                Datasource datasource = one.datasource().get();
                if (!datasource.shared()) {
                    findings.error(node, one.where(), datasource.name() + one.how() + " is node-local ("
                            + (datasource.url() == null ? "no url" : datasource.url()) + "): " + required.holds()
                            + " live on this node only, so the cluster is a cluster of one for them; " + fix);
                    continue;
                }
                NodeFacts reference = firstNode.putIfAbsent(required.element(), node);
                Datasource expected = first.putIfAbsent(required.element(), datasource);
                if (reference == null) {
                    continue;
                }
                if (!Objects.equals(expected.url(), datasource.url()) || !Objects.equals(expected.user(), datasource.user())) {
                    findings.error(node, one.where(), datasource.name() + " is " + datasource.user() + "@" + datasource.url()
                            + " but node '" + reference.name() + "' has " + expected.user() + "@" + expected.url() + ": "
                            + required.holds() + " differ between the nodes; give every node the same <databases><"
                            + required.element() + ">");
                }
            }
        }
    }

    /** What the node must share, for its product and role (EI's process databases where it ships their files). */
    private static List<SharedState.Required> required(NodeFacts node) {
        return SharedState.required(node.product(), role(node)).stream()
                .filter(r -> r.onlyWhenFile() == null || node.file(r.onlyWhenFile()).isPresent()).toList();
    }

    /** The node's role: node.properties, else API Manager's own {@code [server] server_role} (a gateway profile). */
    private static Role role(NodeFacts node) {
        Optional<Role> declared = node.roleDeclared() ? node.role() : Optional.empty();
        if (declared.isPresent() || node.product().line() != ProductLine.API_MANAGER) {
            return declared.orElse(null);
        }
        String serverRole = node.toml().flatMap(t -> t.value("server.server_role")).map(String::valueOf).orElse("");
        return serverRole.startsWith("gateway") ? Role.GATEWAY : null;
    }

    /** The datasource the node keeps the state in; empty when the node's files do not say (nothing to check). */
    private static Optional<Resolved> resolve(NodeFacts node, SharedState.Required required) {
        DatabaseFacts db = node.databases();
        Located file = Located.absent(db.datasourcesPath());
        switch (required.via()) {
            case NAME -> {
                Optional<Datasource> found = db.datasource(required.datasource());
                return Optional.of(new Resolved(required, found, found.map(Datasource::where).orElse(file), ""));
            }
            case REALM -> {
                Located realm = node.isToml() ? realmInToml(node) : db.userStoreDataSource();
                if (!realm.present()) {
                    return Optional.empty(); // no realm datasource named: the user store is elsewhere (LDAP)
                }
                Optional<Datasource> found = node.isToml() ? db.datasource(realm.value()) : db.byJndiName(realm.value());
                return Optional.of(new Resolved(required, found, found.map(Datasource::where).orElse(realm),
                        " (the user store's " + realm.value() + ")"));
            }
            case REGISTRY_MOUNT -> {
                if (!db.hasRegistry()) {
                    return Optional.empty();
                }
                Optional<String> jndi = db.mounts().stream().filter(m -> RegistryConfig.CONFIG_PATH.equals(m.path()))
                        .findFirst().flatMap(m -> db.remoteInstances().stream()
                                .filter(r -> Objects.equals(r.id(), m.instanceId())).findFirst())
                        .flatMap(r -> db.dbConfigs().stream().filter(d -> Objects.equals(d.name(), r.dbConfig())).findFirst())
                        .map(RegistryConfig.DbConfig::dataSource);
                Optional<Datasource> found = jndi.flatMap(db::byJndiName);
                return Optional.of(new Resolved(required, found, found.map(Datasource::where)
                        .orElse(Located.absent(db.registryPath())), jndi.isEmpty() ? " (no shared registry is mounted at "
                        + RegistryConfig.CONFIG_PATH + ")" : " (the registry mounted at " + RegistryConfig.CONFIG_PATH + ")"));
            }
            case IDENTITY_XML -> {
                Product product = node.product();
                Optional<String> jndi = node.file(product.paths().identityXml())
                        .flatMap(s -> new IdentityConfig(s).dataSourceName().map(s::textOf));
                if (jndi.isEmpty()) {
                    return Optional.empty();
                }
                Optional<Datasource> found = db.byJndiName(jndi.get());
                return Optional.of(new Resolved(required, found, found.map(Datasource::where).orElse(file),
                        " (identity.xml's JDBCPersistenceManager uses " + jndi.get() + ")"));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Located realmInToml(NodeFacts node) {
        Optional<TomlSource> toml = node.toml();
        String key = DatabaseNames.TOML_REALM_DATA_SOURCE;
        return toml.flatMap(t -> t.value(key)).map(v -> new Located(String.valueOf(v), toml.get().fileName(),
                toml.get().lineOf(key))).orElse(Located.absent(node.databases().datasourcesPath()));
    }
}
