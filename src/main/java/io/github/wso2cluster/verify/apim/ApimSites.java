package io.github.wso2cluster.verify.apim;

import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ApimWiring;
import io.github.wso2cluster.product.ApimWiring.Peer;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.verify.check.LoadBalancerCheck;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whom an API Manager cluster's load balancer serves: {@code hostName} the gateways (all-in-one nodes when there are
 * none), {@code mgtHostName} the nodes that serve the publisher and developer portal (control planes, 3.x publishers
 * and developer portals, all-in-one nodes).
 */
public final class ApimSites {
    private ApimSites() {
    }

    public static LoadBalancerCheck.Sites of(List<NodeFacts> nodes) {
        Map<NodeFacts, Peer> peers = ApimPeers.of(nodes);
        Set<String> gateways = ApimWiring.gateways(List.copyOf(peers.values())).stream().map(Peer::id)
                .collect(Collectors.toSet());
        List<NodeFacts> served = nodes.stream().filter(n -> peers.containsKey(n) && gateways.contains(peers.get(n).id()))
                .toList();
        List<NodeFacts> consoles = nodes.stream().filter(n -> peers.containsKey(n)
                && ApimProfiles.environmentHolders(n.product()).contains(peers.get(n).role())).toList();
        Optional<String> hostName = ApimPeers.balancedNames(nodes).stream().findFirst().or(() -> served.stream()
                .map(n -> n.settings().server(Setting.HOST_NAME)).filter(Located::present).map(Located::value).findFirst());
        Optional<String> mgtHostName = consoles.stream().map(n -> n.settings().server(Setting.MGT_HOST_NAME))
                .filter(Located::present).map(Located::value).findFirst();
        return new LoadBalancerCheck.Sites(consoles, served, "gateways", hostName, mgtHostName);
    }
}
