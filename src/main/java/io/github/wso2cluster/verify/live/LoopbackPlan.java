package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.topology.MemberAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node address and member entry lives during the live check: the real addresses are not on the
 * build machine, so every distinct {@code host:port} (ranges expanded) gets its own free {@code 127.0.0.1}
 * port. An entry that matches no node still reaches nobody; two nodes on one {@code host:port} still collide.
 */
final class LoopbackPlan {
    private final Map<MemberAddress, Integer> ports = new LinkedHashMap<>();
    private final Map<MemberAddress, String> nodeAt = new LinkedHashMap<>();

    LoopbackPlan(List<NodeFacts> nodes) {
        for (NodeFacts node : nodes) {
            node.memberAddress().ifPresent(address -> {
                ports.computeIfAbsent(address, a -> freePort(ports.values()));
                nodeAt.putIfAbsent(address, node.name());
            });
        }
        for (NodeFacts node : nodes) {
            for (MemberAddress entry : node.settings().wellKnownMembers()) {
                ports.computeIfAbsent(entry, a -> freePort(ports.values()));
            }
        }
    }

    int port(MemberAddress address) {
        return ports.get(address);
    }

    /**
     * The loopback port of another address of the cluster (a node's web port, for the load balancer's check),
     * taken from the same table, so one {@code host:port} is one loopback port whatever reaches it.
     */
    int portFor(String host, int port) {
        return ports.computeIfAbsent(MemberAddress.of(host, port), a -> freePort(ports.values()));
    }

    /** The node at an address, or "no node". */
    String nodeAt(MemberAddress address) {
        return nodeAt.getOrDefault(address, "no node");
    }

    /** A free port with a few free neighbours, so a member that auto-increments does not land on another's. */
    private static int freePort(Collection<Integer> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (port < 65000 && taken.stream().noneMatch(t -> Math.abs(t - port) < 5)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no free loopback port with free neighbours");
    }
}
