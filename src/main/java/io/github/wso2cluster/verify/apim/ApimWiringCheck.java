package io.github.wso2cluster.verify.apim;

import io.github.wso2cluster.config.TomlSource;
import io.github.wso2cluster.product.ApimKeys;
import io.github.wso2cluster.product.ApimPort;
import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ApimWiring;
import io.github.wso2cluster.product.ApimWiring.Kind;
import io.github.wso2cluster.product.ApimWiring.Link;
import io.github.wso2cluster.product.ApimWiring.Peer;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.verify.check.Check;
import io.github.wso2cluster.verify.check.Findings;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * API Manager 3.x/4.x: every cross-node URL in every node's deployment.toml reaches a node of the role WSO2's
 * distributed pages name for it ({@link ApimWiring}), on that node's offset-shifted port; none points at loopback or
 * a WSO2 placeholder host unless the peer is the node itself; the event duplication lists name exactly the other
 * nodes of the role; every gateway label is an environment of every control plane, whose endpoints reach gateways.
 * A cluster of API Manager nodes only: elsewhere the check has no case.
 */
public final class ApimWiringCheck implements Check, Check.Conditional {
    public static final String NAME = "apim-wiring";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public java.util.Optional<String> notApplicable(List<NodeFacts> nodes) {
        return nodes.stream().anyMatch(n -> ApimProfiles.applies(n.product()) && n.toml().isPresent())
                ? java.util.Optional.empty() : java.util.Optional.of("no API Manager 3.x/4.x node");
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        List<NodeFacts> apim = nodes.stream().filter(n -> ApimProfiles.applies(n.product()) && n.toml().isPresent()).toList();
        Map<NodeFacts, Peer> byNode = ApimPeers.of(apim);
        List<Peer> peers = List.copyOf(byNode.values());
        List<String> balanced = ApimPeers.balancedNames(apim);
        for (Map.Entry<NodeFacts, Peer> entry : byNode.entrySet()) {
            NodeFacts node = entry.getKey();
            Node at = new Node(node, entry.getValue(), node.toml().orElseThrow(), peers, findings);
            for (Link link : ApimWiring.links(node.product(), at.self.role())) {
                at.link(link);
            }
            if (ApimWiring.holdsEnvironments(node.product(), at.self.role())) {
                at.environments(balanced);
            }
            if (ApimWiring.takesLabels(node.product(), at.self.role())) {
                labels(at, byNode);
            }
        }
    }

    /** Every gateway label is an environment of every node that holds environments among the control planes. */
    private static void labels(Node gateway, Map<NodeFacts, Peer> byNode) {
        Object value = gateway.toml.value(ApimKeys.GATEWAY_LABELS).orElse(null);
        if (!(value instanceof TomlArray labels)) {
            return;
        }
        Located where = gateway.where(ApimKeys.GATEWAY_LABELS);
        for (Map.Entry<NodeFacts, Peer> other : byNode.entrySet()) {
            Product product = other.getKey().product();
            if (!ApimWiring.holdsEnvironments(product, other.getValue().role()) || other.getValue().id().equals(gateway.self.id())) {
                continue;
            }
            Set<String> names = environmentNames(other.getKey().toml().orElseThrow());
            for (Object label : labels.toList()) {
                if (!names.contains(String.valueOf(label))) {
                    gateway.findings.error(gateway.node, where, ApimKeys.name(ApimKeys.GATEWAY_LABELS) + " has '" + label
                            + "', which is no [[apim.gateway.environment]] name of node '" + other.getValue().id()
                            + "' (it has " + names + "): the gateway receives no API published there; use one of them");
                }
            }
        }
    }

    private static Set<String> environmentNames(TomlSource toml) {
        Set<String> names = new LinkedHashSet<>();
        if (toml.value(ApimKeys.GATEWAY_ENVIRONMENT).orElse(null) instanceof TomlArray entries) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof TomlTable env && env.get(ApimKeys.ENVIRONMENT_NAME) != null) {
                    names.add(String.valueOf(env.get(ApimKeys.ENVIRONMENT_NAME)));
                }
            }
        }
        return names;
    }

    /** One node's file, checked key by key. */
    private static final class Node {
        private final NodeFacts node;
        private final Peer self;
        private final TomlSource toml;
        private final List<Peer> peers;
        private final Findings findings;

        Node(NodeFacts node, Peer self, TomlSource toml, List<Peer> peers, Findings findings) {
            this.node = node;
            this.self = self;
            this.toml = toml;
            this.peers = peers;
            this.findings = findings;
        }

        Located where(String key) {
            return new Located(String.valueOf(toml.value(key).orElse("")), toml.fileName(), toml.lineOf(key));
        }

        void link(Link link) {
            List<Peer> targets = ApimWiring.targets(node.product(), self, link, peers);
            String name = link.kind() == Kind.GROUPS ? ApimKeys.arrayName(link.key()) : ApimKeys.name(link.key());
            if (targets.isEmpty()) {
                return;
            }
            Object value = toml.value(link.key()).orElse(null);
            if (value == null) {
                boolean onlySelf = targets.stream().allMatch(t -> t.id().equals(self.id()));
                if (!onlySelf) {
                    findings.error(node, Located.absent(toml.fileName()), name + " is not set, so the templates point"
                            + " it at this node itself; set it to " + expected(link, targets));
                }
                return;
            }
            if (link.kind() == Kind.GROUPS) {
                groups(link, name, value, targets);
                return;
            }
            List<String> urls = value instanceof TomlArray array ? array.toList().stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(value));
            Located where = where(link.key());
            Set<String> reached = new LinkedHashSet<>();
            for (String url : urls) {
                check(where, name, url, link.port(), targets).ifPresent(reached::add);
            }
            if (link.kind() != Kind.ONE) {
                List<String> missing = targets.stream().map(Peer::id).filter(id -> !reached.contains(id)).toList();
                if (!missing.isEmpty()) {
                    findings.error(node, where, name + " misses node" + (missing.size() > 1 ? "s " : " ")
                            + quoted(missing) + (link.kind() == Kind.OTHERS ? ": every other " + self.role().id()
                            + " must be listed" : "") + "; set it to " + expected(link, targets));
                }
            }
        }

        private void groups(Link link, String name, Object value, List<Peer> targets) {
            if (!(value instanceof TomlArray entries)) {
                return;
            }
            String[] keys = link.groupKeys();
            Set<String> reached = new LinkedHashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i) instanceof TomlTable entry)) {
                    continue;
                }
                for (int k = 0; k < 2; k++) {
                    ApimPort port = k == 0 ? ApimPort.BINARY_TCP : ApimPort.BINARY_SSL;
                    var position = entry.inputPositionOf(keys[k]);
                    Located where = new Located("", toml.fileName(), position == null ? 0 : (int) position.line());
                    if (entry.get(keys[k]) instanceof TomlArray urls) {
                        for (Object url : urls.toList()) {
                            check(where, name + " " + keys[k], String.valueOf(url), port, targets)
                                    .filter(id -> port == ApimPort.BINARY_TCP).ifPresent(reached::add);
                        }
                    }
                }
            }
            List<String> missing = targets.stream().map(Peer::id).filter(id -> !reached.contains(id)).toList();
            if (!missing.isEmpty()) {
                findings.error(node, where(link.key()), name + " has no entry for node" + (missing.size() > 1 ? "s " : " ")
                        + quoted(missing) + "; add one per node: " + expected(link, targets));
            }
        }

        /** Reports the URL unless it reaches one of the targets; returns the target it reaches. */
        private java.util.Optional<String> check(Located where, String name, String text, ApimPort port, List<Peer> targets) {
            var url = ApimUrl.parse(text, self.offset());
            if (url.isEmpty()) {
                findings.error(node, where, name + " has '" + text + "', which is not a URL with a port; write "
                        + port.scheme() + "://<host>:<port>");
                return java.util.Optional.empty();
            }
            for (Peer target : targets) {
                if (url.get().reaches(target, port, self)) {
                    return java.util.Optional.of(target.id());
                }
            }
            String what;
            var reached = url.get().peer(peers, port, self);
            if (ApimKeys.PLACEHOLDER_HOSTS.contains(url.get().host())) {
                what = "WSO2's placeholder host " + url.get().host();
            } else if (reached.isPresent()) {
                what = reached.get().id().equals(self.id()) ? "this node itself"
                        : "node '" + reached.get().id() + "', a " + reached.get().role().id();
            } else if (url.get().loopback()) {
                what = "this node itself, on a port it does not open for this (" + url.get().port() + ")";
            } else {
                what = "no node of this cluster on port " + url.get().port();
            }
            findings.error(node, where, name + " has " + text + ", which reaches " + what + "; it should reach "
                    + targets.stream().map(t -> "'" + t.id() + "' at " + ApimWiring.url(port, t, ""))
                    .collect(Collectors.joining(" or ")));
            return java.util.Optional.empty();
        }

        /** The gateway environments' endpoints reach gateways (or the load balancer in front of them). */
        void environments(List<String> balanced) {
            List<Peer> gateways = ApimWiring.gateways(peers);
            if (gateways.isEmpty() || !(toml.value(ApimKeys.GATEWAY_ENVIRONMENT).orElse(null) instanceof TomlArray entries)) {
                return;
            }
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i) instanceof TomlTable env)) {
                    continue;
                }
                for (Map.Entry<String, ApimPort> endpoint : ApimKeys.ENVIRONMENT_ENDPOINTS.entrySet()) {
                    Object value = env.get(endpoint.getKey());
                    if (value == null) {
                        continue;
                    }
                    var position = env.inputPositionOf(endpoint.getKey());
                    Located where = new Located("", toml.fileName(), position == null ? 0 : (int) position.line());
                    var url = ApimUrl.parse(String.valueOf(value), self.offset());
                    boolean viaBalancer = url.isPresent() && balanced.contains(url.get().host())
                            && (endpoint.getValue() == ApimPort.PASS_THROUGH_HTTP || endpoint.getValue() == ApimPort.PASS_THROUGH_HTTPS);
                    if (!viaBalancer) {
                        check(where, "[[" + ApimKeys.GATEWAY_ENVIRONMENT + "]] '" + env.get(ApimKeys.ENVIRONMENT_NAME) + "' "
                                + endpoint.getKey(), String.valueOf(value), endpoint.getValue(), gateways);
                    }
                }
            }
        }

        private static String expected(Link link, List<Peer> targets) {
            List<String> urls = new ArrayList<>();
            for (Peer t : link.kind() == Kind.ONE ? targets.subList(0, 1) : targets) {
                urls.add(link.kind() == Kind.GROUPS ? ApimWiring.url(ApimPort.BINARY_TCP, t, "") + " / "
                        + ApimWiring.url(ApimPort.BINARY_SSL, t, "") : ApimWiring.url(link.port(), t, link.path()));
            }
            return link.kind() == Kind.ONE ? urls.get(0) : urls.toString();
        }

        private static String quoted(List<String> ids) {
            return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        }
    }
}
