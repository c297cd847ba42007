package io.github.wso2cluster.config.apim;

import io.github.wso2cluster.config.NginxConfig;

import io.github.wso2cluster.product.ApimPort;
import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ApimWiring;
import io.github.wso2cluster.product.ApimWiring.Peer;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.Node;
import io.github.wso2cluster.topology.Ports;
import io.github.wso2cluster.topology.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The load balancer of an API Manager 3.x/4.x cluster follows the roles: {@code hostName} reaches the gateways'
 * pass-through ports (8280/8243 + offset), {@code mgtHostName} the control planes' servlet ports (9443 + offset);
 * all-in-one nodes are both (WSO2's "configuring the proxy server and the load balancer" page).
 */
public final class ApimBalancer {
    private ApimBalancer() {
    }

    /** The backends, gateways as the served group and control planes as the managers; null when not API Manager. */
    public static List<NginxConfig.Backend> backends(Cluster cluster, Product product) {
        if (!ApimProfiles.applies(product)) {
            return null;
        }
        List<Peer> peers = ApimConfigurer.peers(cluster, product);
        Map<String, Node> nodes = cluster.nodes().stream().collect(Collectors.toMap(Node::id, Function.identity()));
        List<NginxConfig.Backend> backends = new ArrayList<>();
        for (Peer gateway : ApimWiring.gateways(peers)) {
            backends.add(new NginxConfig.Backend(gateway.id(), false, nodes.get(gateway.id()).localMemberHost(),
                    ApimPort.PASS_THROUGH_HTTP.on(gateway.offset()), ApimPort.PASS_THROUGH_HTTPS.on(gateway.offset())));
        }
        List<Role> consoles = new ArrayList<>(ApimProfiles.environmentHolders(product));
        for (Peer peer : peers) {
            if (consoles.contains(peer.role())) {
                backends.add(new NginxConfig.Backend(peer.id(), true, nodes.get(peer.id()).localMemberHost(),
                        Ports.STOCK_HTTP + peer.offset(), ApimPort.SERVLET_HTTPS.on(peer.offset())));
            }
        }
        return backends;
    }
}
