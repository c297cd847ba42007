package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.topology.Role;
import io.github.wso2cluster.topology.SessionAffinity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import io.github.wso2cluster.product.Setting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The load balancer against the nodes, without nginx: with session affinity {@code route}, every node's
 * {@code jvmRoute} is present, unique and its node id (else a session lands on the wrong node, or on none);
 * the balancer listens on the nodes' {@code proxyPort}s (else redirect loops); every node is in exactly the
 * upstreams its role implies ({@code hostName} to the workers, {@code mgtHostName} to the managers), a node's own
 * host name is served to it, and no upstream lists a server twice.
 */
public final class LoadBalancerCheck implements Check {
    static final String NAME = "load-balancer";
    private final BalancerFacts balancer;

    /** @param balancer the generated configuration, or null when there is none (the check then does not apply) */
    public LoadBalancerCheck(BalancerFacts balancer) {
        this.balancer = balancer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> notApplicable(List<NodeFacts> nodes) {
        return balancer != null ? Optional.empty() : Optional.of("no load balancer configuration (configure-cluster"
                + " writes target/wso2-cluster/nginx/wso2-cluster.conf when the POM has <loadBalancer>)");
    }

    @Override
    public void run(List<NodeFacts> nodes, Findings findings) {
        if (balancer.affinity() == SessionAffinity.ROUTE) {
            routes(nodes, findings);
        }
        listenPorts(nodes, findings);
        Sites roles = Sites.of(nodes);
        for (boolean ssl : new boolean[] {false, true}) {
            roles.hostName().ifPresent(host -> site(host, ssl, true, roles.served(), roles.group(), nodes, findings));
        }
        // A deployment.toml product's MgtHostName falls back to its hostname: the same name is one server block, hostName's.
        roles.mgtHostName().filter(host -> !host.equals(roles.hostName().orElse(null)))
                .ifPresent(host -> site(host, true, false, roles.managers(), "managers", nodes, findings));
        duplicates(nodes, findings);
        if (nodes.stream().noneMatch(n -> ApimProfiles.applies(n.product()))) {
            ownHostNames(nodes, roles, findings); // API Manager: a node's own hostName is how its peers reach it
        }
    }

    /**
     * A node's own host names (a per-node {@code hostName} or {@code mgtHostName} in its carbon.xml) must be served
     * to it: some server block for that name balances over an upstream that holds the node. The cluster's common
     * names are {@link #site}'s.
     */
    private void ownHostNames(List<NodeFacts> nodes, Sites roles, Findings findings) {
        for (NodeFacts node : nodes) {
            List<Located> names = new ArrayList<>();
            if (roles.served().contains(node)) {
                names.add(node.settings().server(Setting.HOST_NAME));
            }
            if (roles.managers().contains(node)) {
                names.add(node.settings().server(Setting.MGT_HOST_NAME));
            }
            for (Located name : names) {
                if (!name.present() || name.value().equals(roles.hostName().orElse(null))
                        || name.value().equals(roles.mgtHostName().orElse(null)) || reaches(name.value(), node)) {
                    continue;
                }
                findings.error(node, name, "this node's host name " + name.value() + " has no server block of the load"
                        + " balancer (" + balancer.file() + ") routing to it, so requests for it reach no node: serve it"
                        + " there, or drop the node's own hostName/mgtHostName");
            }
        }
    }

    private boolean reaches(String host, NodeFacts node) {
        for (BalancerFacts.Site site : balancer.sites()) {
            if (host.equals(site.name()) && site.target() != null) {
                String address = node.webAddress(site.ssl()).orElse("?");
                List<BalancerFacts.Server> servers = balancer.balancedUpstream(site.target())
                        .map(u -> balancer.upstreams().getOrDefault(u, List.of())).orElse(List.of());
                if (servers.stream().anyMatch(s -> s.address().equals(address))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Who the balancer's two names serve, from the nodes' own carbon.xml (or deployment.toml): {@code hostName} the
     * workers (the managers when there are none), {@code mgtHostName} the managers.
     *
     * @param group the served nodes' role word, for messages
     */
    public record Sites(List<NodeFacts> managers, List<NodeFacts> served, String group, Optional<String> hostName,
                 Optional<String> mgtHostName) {
        public static Sites of(List<NodeFacts> nodes) {
            if (nodes.stream().anyMatch(n -> ApimProfiles.applies(n.product()))) {
                return io.github.wso2cluster.verify.apim.ApimSites.of(nodes);
            }
            // A member (Identity Server, Micro Integrator) serves the console like a manager.
            List<NodeFacts> managers = nodes.stream().filter(n -> n.role().map(Role::servesConsole).orElse(false)).toList();
            List<NodeFacts> workers = nodes.stream().filter(n -> n.role().map(r -> !r.servesConsole()).orElse(false)).toList();
            return new Sites(managers, workers.isEmpty() ? managers : workers, workers.isEmpty() ? "managers" : "workers",
                    nodes.stream().map(n -> n.settings().server(Setting.HOST_NAME)).filter(Located::present).map(Located::value).findFirst(),
                    managers.stream().map(n -> n.settings().server(Setting.MGT_HOST_NAME)).filter(Located::present).map(Located::value)
                            .findFirst());
        }
    }

    private void routes(List<NodeFacts> nodes, Findings findings) {
        Map<String, NodeFacts> seen = new HashMap<>();
        for (NodeFacts node : nodes) {
            Located route = node.settings().jvmRoute();
            if (!route.present()) {
                findings.error(node, route.line() > 0 ? route : new Located(null, node.paths().catalina(), 0),
                        "the <Engine> has no jvmRoute, but the load balancer keeps sessions by route (" + balancer.file()
                                + "): set jvmRoute=\"" + node.name() + "\", as configure-cluster does");
                continue;
            }
            NodeFacts other = seen.putIfAbsent(route.value(), node);
            if (other != null) {
                findings.error(node, route, "jvmRoute '" + route.value() + "' is also node '" + other.name() + "''s;"
                        + " their sessions cannot be told apart: give every node its own, its node id");
            } else if (!route.value().equals(node.name())) {
                findings.error(node, route, "jvmRoute is '" + route.value() + "', but the load balancer routes sessions"
                        + " ending in '." + node.name() + "' to this node: set jvmRoute=\"" + node.name() + "\"");
            }
        }
    }

    private void listenPorts(List<NodeFacts> nodes, Findings findings) {
        for (boolean ssl : new boolean[] {false, true}) {
            Set<Integer> listens = new LinkedHashSet<>();
            balancer.sites().stream().filter(s -> s.ssl() == ssl).forEach(s -> listens.add(s.listen()));
            for (NodeFacts node : nodes) {
                Located proxy = node.settings().proxyPort(ssl);
                String kind = ssl ? "HTTPS" : "HTTP";
                String connector = node.settings().locations().name(ssl ? Setting.HTTPS_CONNECTOR : Setting.HTTP_CONNECTOR);
                if (!proxy.present() && !listens.isEmpty()) {
                    findings.error(node, proxy, connector + " has no proxyPort, but the load balancer"
                            + " listens on " + listens + ": set proxyPort=\"" + listens.iterator().next() + "\" (proxyPorts/"
                            + kind.toLowerCase(java.util.Locale.ROOT) + "), or Carbon builds its URLs with the node's own port");
                } else if (proxy.present() && !listens.contains(parse(proxy.value()))) {
                    findings.error(node, proxy, "proxyPort " + proxy.value() + " on " + connector + ", but the"
                            + " load balancer listens on " + (listens.isEmpty() ? "no " + kind + " port" : listens.toString())
                            + " (" + balancer.file() + "); the two must agree or redirects loop");
                }
            }
        }
    }

    private static int parse(String value) {
        return value != null && value.trim().matches("\\d{1,5}") ? Integer.parseInt(value.trim()) : -1;
    }

    /** The server blocks of {@code host} reach exactly {@code expected}, each once, and route each node's sessions home. */
    /** @param served whether the site is hostName's (API Manager's gateways take it on their pass-through ports) */
    private void site(String host, boolean ssl, boolean served, List<NodeFacts> expected, String group, List<NodeFacts> nodes,
                      Findings findings) {
        java.util.function.Function<NodeFacts, Optional<String>> addressOf = n -> served ? n.servedAddress(ssl) : n.webAddress(ssl);
        List<BalancerFacts.Site> sites = balancer.sites(host, ssl);
        if (sites.isEmpty()) {
            boolean listening = balancer.sites().stream().anyMatch(s -> s.ssl() == ssl);
            if (listening && !expected.isEmpty()) {
                findings.error(expected.get(0), balancer.at(0, null), "the load balancer has no " + (ssl ? "HTTPS" : "HTTP")
                        + " server block for " + host + ", which carbon.xml names; requests for it reach no " + group);
            }
            return;
        }
        for (BalancerFacts.Site site : sites) {
            if (site.target() == null) {
                continue; // a redirect (mgtHostName's plain port)
            }
            Optional<String> upstream = balancer.balancedUpstream(site.target());
            List<BalancerFacts.Server> servers = upstream.map(u -> balancer.upstreams().getOrDefault(u, List.of())).orElse(List.of());
            Map<String, NodeFacts> byAddress = new HashMap<>();
            nodes.forEach(n -> addressOf.apply(n).ifPresent(a -> byAddress.put(a, n)));
            for (NodeFacts node : expected) {
                String address = addressOf.apply(node).orElse("?");
                long times = servers.stream().filter(s -> s.address().equals(address)).count();
                if (times == 0) {
                    findings.error(node, balancer.at(upstream.map(balancer::upstreamLine).orElse(site.line()), null),
                            "is not in upstream " + upstream.orElse("(none)") + ", which serves " + host + " to the " + group
                                    + ": add 'server " + address + ";'");
                }
            }
            for (BalancerFacts.Server server : servers) {
                NodeFacts owner = byAddress.get(server.address());
                if (owner != null && !expected.contains(owner)) {
                    findings.error(owner, balancer.at(server.line(), server.address()), "is in upstream " + upstream.get()
                            + ", which serves " + host + " to the " + group + " only; remove 'server " + server.address() + ";'");
                } else if (owner == null) {
                    findings.error(expected.get(0), balancer.at(server.line(), server.address()), "upstream " + upstream.get()
                            + " lists " + server.address() + ", which is no node's " + (ssl ? "HTTPS" : "HTTP") + " address");
                }
            }
            balancer.routeMap(site.target()).ifPresent(map -> {
                for (NodeFacts node : expected) {
                    String target = map.routes().get("~\\." + node.name() + "$");
                    List<BalancerFacts.Server> home = target == null ? List.of() : balancer.upstreams().getOrDefault(target, List.of());
                    if (home.size() != 1 || !home.get(0).address().equals(addressOf.apply(node).orElse("?"))) {
                        findings.error(node, balancer.at(map.line(), null), "sessions ending in '." + node.name() + "' are not"
                                + " routed to this node's " + addressOf.apply(node).orElse("?") + " (map " + site.target()
                                + "); map ~\\." + node.name() + "$ to an upstream of this node alone");
                    }
                }
            });
        }
    }

    private void duplicates(List<NodeFacts> nodes, Findings findings) {
        for (Map.Entry<String, List<BalancerFacts.Server>> upstream : balancer.upstreams().entrySet()) {
            List<String> seen = new ArrayList<>();
            for (BalancerFacts.Server server : upstream.getValue()) {
                if (seen.contains(server.address())) {
                    NodeFacts owner = nodes.stream().filter(n -> server.address().equals(n.webAddress(false).orElse(null))
                            || server.address().equals(n.webAddress(true).orElse(null))).findFirst().orElse(nodes.get(0));
                    findings.error(owner, balancer.at(server.line(), server.address()), "upstream " + upstream.getKey()
                            + " lists " + server.address() + " twice (nginx accepts it silently and sends that node twice"
                            + " the share); list every node once");
                }
                seen.add(server.address());
            }
        }
    }
}
