package io.github.wso2cluster.verify.apim;

import io.github.wso2cluster.config.Axis2Clustering;
import io.github.wso2cluster.product.ApimKeys;
import io.github.wso2cluster.product.ApimProfiles;
import io.github.wso2cluster.product.ApimWiring.Peer;
import io.github.wso2cluster.product.ProductRoles;
import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.topology.Role;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API Manager nodes as their peers reach them, read from the finished nodes (built here or elsewhere): the role
 * from node.properties, else the file's own {@code server_role}; the names from node.properties' localMemberHost,
 * {@code [clustering] local_member_host} and a {@code [server] hostname} no other node shares (a shared one is the
 * load balancer's name); the offset from {@code [server] offset}.
 */
final class ApimPeers {
    private ApimPeers() {
    }

    static Map<NodeFacts, Peer> of(List<NodeFacts> nodes) {
        Map<String, Integer> hostNames = new LinkedHashMap<>();
        nodes.forEach(n -> serverHostName(n).ifPresent(h -> hostNames.merge(h, 1, Integer::sum)));
        Map<NodeFacts, Peer> peers = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            Optional<Role> role = role(node);
            if (role.isEmpty()) {
                continue;
            }
            List<String> hosts = new ArrayList<>();
            serverHostName(node).filter(h -> hostNames.get(h) == 1).ifPresent(hosts::add);
            node.nodeProperty(Axis2Clustering.LOCAL_MEMBER_HOST).ifPresent(h -> hosts.add(h.trim().toLowerCase(Locale.ROOT)));
            var member = node.settings().clustering(Setting.LOCAL_MEMBER_HOST);
            if (member.present() && node.hazelcast()) {
                hosts.add(member.value().trim().toLowerCase(Locale.ROOT));
            }
            if (hosts.isEmpty()) {
                hosts.add(node.name()); // nothing says where it runs: only loopback URLs of its own reach it
            }
            peers.put(node, new Peer(node.name(), role.get(), hosts.stream().distinct().toList(), node.settings().portOffset()));
        }
        return peers;
    }

    /** The host names that are the load balancer's: a {@code [server] hostname} several nodes share. */
    static List<String> balancedNames(List<NodeFacts> nodes) {
        Map<String, Integer> hostNames = new LinkedHashMap<>();
        nodes.forEach(n -> serverHostName(n).ifPresent(h -> hostNames.merge(h, 1, Integer::sum)));
        return hostNames.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    static Optional<Role> role(NodeFacts node) {
        if (node.roleDeclared()) {
            return node.role().map(r -> ProductRoles.effective(node.product(), r));
        }
        String serverRole = node.toml().flatMap(t -> t.value(ApimKeys.SERVER_ROLE)).map(String::valueOf)
                .orElse(ApimProfiles.DEFAULT_PROFILE);
        return serverRole.equals(ApimProfiles.DEFAULT_PROFILE) ? Optional.of(Role.ALL_IN_ONE)
                : ApimProfiles.role(node.product(), serverRole);
    }

    private static Optional<String> serverHostName(NodeFacts node) {
        var host = node.settings().server(Setting.HOST_NAME);
        return host.present() && !host.value().isBlank() && !host.value().equals("localhost")
                ? Optional.of(host.value().trim().toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
