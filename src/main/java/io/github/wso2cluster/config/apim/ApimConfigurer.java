package io.github.wso2cluster.config.apim;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.config.TomlConfigurer;
import io.github.wso2cluster.config.TomlDatabases;
import io.github.wso2cluster.config.TomlEditor;
import io.github.wso2cluster.config.TomlSource;

import io.github.wso2cluster.product.ApimKeys;
import io.github.wso2cluster.product.ApimPort;
import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ApimWiring;
import io.github.wso2cluster.product.ApimWiring.Kind;
import io.github.wso2cluster.product.ApimWiring.Link;
import io.github.wso2cluster.product.ApimWiring.Peer;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductRoles;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.TomlEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * API Manager 3.x/4.x: every URL one node uses to reach another, derived from the node list ({@link ApimWiring}),
 * and the node's profile as {@code [server] server_role}. A stock deployment.toml points every one of them at
 * {@code localhost} with the stock ports, so a separated node silently talks to itself. A {@code <tomlEdit>} of the
 * same key wins.
 */
public final class ApimConfigurer {
    private ApimConfigurer() {
    }

    /** The peers as configure-cluster wires them: each node's effective role, peer host and offset. */
    static List<Peer> peers(Cluster cluster, Product product) {
        return cluster.nodes().stream().map(n -> new Peer(n.id(), ProductRoles.effective(product, n.role()),
                List.of(n.peerHost()), n.portOffset())).toList();
    }

    public static String wire(String path, String text, Cluster cluster, Node node, Product product, List<String> changes)
            throws ConfigFileException {
        if (!ApimProfiles.applies(product)) {
            return text;
        }
        List<Peer> peers = peers(cluster, product);
        Peer self = peers.stream().filter(p -> p.id().equals(node.id())).findFirst().orElseThrow();
        List<String> userKeys = cluster.tomlEdits().stream().map(TomlEdit::key).toList();
        TomlEditor editor = new TomlEditor(TomlSource.parse(path, text));
        String environment = environmentName(editor.source());
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(ApimKeys.SERVER_ROLE, TomlConfigurer.string(ApimProfiles.profile(product, self.role())));
        List<Link> groups = new ArrayList<>();
        for (Link link : ApimWiring.links(product, self.role())) {
            List<Peer> targets = ApimWiring.targets(product, self, link, peers);
            if (targets.isEmpty()) {
                continue; // no peer of that kind (OTHERS: a single node): an empty list would render an empty broker list
            }
            if (link.kind() == Kind.GROUPS) {
                groups.add(link);
            } else {
                List<String> urls = ApimWiring.urls(link, targets);
                keys.put(link.key(), link.kind() == Kind.ONE ? TomlConfigurer.string(urls.get(0)) : TomlConfigurer.array(urls));
            }
        }
        if (ApimWiring.takesLabels(product, self.role())) {
            keys.put(ApimKeys.GATEWAY_LABELS, TomlConfigurer.array(List.of(environment)));
        }
        for (Map.Entry<String, String> key : keys.entrySet()) {
            if (!userKeys.contains(key.getKey())) {
                editor.set(key.getKey(), key.getValue());
            }
        }
        changes.addAll(editor.changes());
        String edited = editor.changed() ? editor.result() : text;
        for (Link link : groups) {
            String[] names = link.groupKeys();
            List<Map<String, String>> entries = new ArrayList<>();
            for (Peer peer : ApimWiring.targets(product, self, link, peers)) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put(names[0], TomlConfigurer.array(List.of(ApimWiring.url(ApimPort.BINARY_TCP, peer, ""))));
                entry.put(names[1], TomlConfigurer.array(List.of(ApimWiring.url(ApimPort.BINARY_SSL, peer, ""))));
                entries.add(entry);
            }
            edited = TomlArrays.replaceAll(TomlSource.parse(path, edited), link.key(), entries, changes);
        }
        if (ApimWiring.holdsEnvironments(product, self.role())) {
            edited = environment(path, edited, cluster, product, self, peers, environment, changes);
        }
        return edited;
    }

    /** The first {@code [[apim.gateway.environment]]}'s endpoints: a gateway's (itself on an all-in-one node). */
    private static String environment(String path, String text, Cluster cluster, Product product, Peer self,
                                      List<Peer> peers, String name, List<String> changes) throws ConfigFileException {
        List<Peer> gateways = ApimWiring.gateways(peers);
        if (gateways.isEmpty()) {
            return text;
        }
        Peer gateway = gateways.stream().filter(p -> p.id().equals(self.id())).findFirst().orElse(gateways.get(0));
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ApimKeys.ENVIRONMENT_NAME, TomlConfigurer.string(name));
        values.put(ApimKeys.ENVIRONMENT_TYPE, TomlConfigurer.string(ApimKeys.HYBRID));
        for (Map.Entry<String, ApimPort> endpoint : ApimKeys.ENVIRONMENT_ENDPOINTS.entrySet()) {
            ApimPort port = endpoint.getValue();
            if (ApimProfiles.threeX(product) && (port == ApimPort.WEBSUB_HTTP || port == ApimPort.WEBSUB_HTTPS)) {
                continue; // 3.0.0's template has no WebSub
            }
            String url = ApimWiring.url(port, gateway, port == ApimPort.SERVLET_HTTPS ? ApimKeys.SERVICES_PATH : "");
            String balanced = balanced(cluster, port);
            values.put(endpoint.getKey(), TomlConfigurer.string(balanced != null ? balanced : url));
        }
        return TomlDatabases.upsertEntry(TomlSource.parse(path, text), ApimKeys.GATEWAY_ENVIRONMENT, null, null,
                values, List.of(ApimKeys.ENVIRONMENT_NAME, ApimKeys.ENVIRONMENT_TYPE), List.of(), changes);
    }

    /** The load balancer's URL for API calls (the pass-through ports it proxies), or null. */
    private static String balanced(Cluster cluster, ApimPort port) {
        if (cluster.loadBalancer() == null || cluster.proxyPorts() == null) {
            return null;
        }
        Integer proxy = port == ApimPort.PASS_THROUGH_HTTP ? cluster.proxyPorts().http()
                : port == ApimPort.PASS_THROUGH_HTTPS ? cluster.proxyPorts().https() : null;
        return proxy == null ? null : port.scheme() + "://" + cluster.loadBalancer().hostName() + ":" + proxy;
    }

    /** The name of the file's first gateway environment ({@code Default} in 4.x, "Production and Sandbox" in 3.0). */
    static String environmentName(TomlSource source) {
        Object array = source.value(ApimKeys.GATEWAY_ENVIRONMENT).orElse(null);
        if (array instanceof TomlArray entries && !entries.isEmpty() && entries.get(0) instanceof TomlTable first
                && first.get(ApimKeys.ENVIRONMENT_NAME) instanceof String name) {
            return name;
        }
        return ApimKeys.DEFAULT_ENVIRONMENT;
    }
}
