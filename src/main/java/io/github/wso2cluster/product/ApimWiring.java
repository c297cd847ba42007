package io.github.wso2cluster.product;

import io.github.wso2cluster.topology.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which URL of an API Manager node reaches which of its peers (the contract's "API Manager: distributed and
 * active-active deployments", from WSO2's 4.x distributed-deployment pages and helm-apim's confs): one rule list per
 * role, from which configure-cluster derives the values and verify-cluster checks a node built anywhere.
 */
public final class ApimWiring {
    /** The roles API Manager 3.x/4.x nodes take (manager and worker mean all-in-one). */
    static final List<Role> ROLES = List.of(Role.ALL_IN_ONE, Role.CONTROL_PLANE, Role.GATEWAY, Role.TRAFFIC_MANAGER,
            Role.KEY_MANAGER, Role.PUBLISHER, Role.DEVPORTAL);

    /**
     * One node as its peers reach it.
     *
     * @param hosts the names it is reached under, the one configure-cluster writes first (its node-level
     *              {@code hostName}, else its {@code localMemberHost}); verify-cluster accepts any of them
     */
    public record Peer(String id, Role role, List<String> hosts, int offset) {
        public Peer {
            hosts = List.copyOf(hosts);
        }

        public String host() {
            return hosts.get(0);
        }
    }

    /** Whom a URL reaches. */
    public enum Target {
        /** The control planes (3.x: the publishers), else the all-in-one nodes. */
        CONTROL,
        /** The key managers, else the control planes. */
        KEY,
        /** The traffic managers, else the control planes (4.x's control plane includes the traffic manager). */
        TRAFFIC,
        /** The node itself (its own broker). */
        SELF,
        /** The nodes of the node's own role. */
        SAME_ROLE
    }

    /** How many of the targets a key names. */
    public enum Kind {
        /** One URL, to one of the targets. */
        ONE,
        /** A list naming every target. */
        EVERY,
        /** A list naming every target but the node itself (the event duplication lists). */
        OTHERS,
        /** An array of tables, one entry per target, each with a TCP and an SSL binary receiver URL list. */
        GROUPS
    }

    /** One key's rule: the URL's port (GROUPS: the TCP one) and path. */
    public record Link(String key, Kind kind, Target target, ApimPort port, String path) {
        /** A GROUPS entry's two lists: {TCP list key, SSL list key}. */
        public String[] groupKeys() {
            return key.equals(ApimKeys.EVENT_HUB_PUBLISH_GROUP)
                    ? new String[] {ApimKeys.PUBLISH_URLS, ApimKeys.PUBLISH_AUTH_URLS}
                    : new String[] {ApimKeys.TRAFFIC_MANAGER_URLS, ApimKeys.TRAFFIC_MANAGER_AUTH_URLS};
        }
    }

    private static final Link KEY_MANAGER = new Link(ApimKeys.KEY_MANAGER_URL, Kind.ONE, Target.KEY,
            ApimPort.SERVLET_HTTPS, ApimKeys.SERVICES_PATH);
    private static final Link EVENT_HUB = new Link(ApimKeys.EVENT_HUB_URL, Kind.ONE, Target.CONTROL,
            ApimPort.SERVLET_HTTPS, ApimKeys.SERVICES_PATH);
    private static final Link LISTENING = new Link(ApimKeys.EVENT_LISTENING, Kind.EVERY, Target.CONTROL, ApimPort.BROKER, "");
    private static final Link DECISIONS = new Link(ApimKeys.THROTTLE_DECISIONS, Kind.EVERY, Target.TRAFFIC,
            ApimPort.BROKER, "");
    private static final Link OWN_DECISIONS = new Link(ApimKeys.THROTTLE_DECISIONS, Kind.EVERY, Target.SELF,
            ApimPort.BROKER, "");
    private static final Link THROTTLING_GROUPS = new Link(ApimKeys.THROTTLING_GROUP, Kind.GROUPS, Target.TRAFFIC,
            ApimPort.BINARY_TCP, "");
    private static final Link PEER_GROUPS = new Link(ApimKeys.THROTTLING_GROUP, Kind.GROUPS, Target.SAME_ROLE,
            ApimPort.BINARY_TCP, "");
    private static final Link THROTTLING_DUPLICATE = new Link(ApimKeys.THROTTLING_DUPLICATE, Kind.OTHERS,
            Target.SAME_ROLE, ApimPort.BROKER, "");
    private static final Link EVENT_HUB_DUPLICATE = new Link(ApimKeys.EVENT_HUB_DUPLICATE, Kind.OTHERS,
            Target.SAME_ROLE, ApimPort.BROKER, "");
    private static final Link PUBLISH_GROUPS = new Link(ApimKeys.EVENT_HUB_PUBLISH_GROUP, Kind.GROUPS, Target.CONTROL,
            ApimPort.BINARY_TCP, "");
    private static final Link THROTTLING_SERVICE = new Link(ApimKeys.THROTTLING_URL, Kind.ONE, Target.TRAFFIC,
            ApimPort.SERVLET_HTTPS, ApimKeys.SERVICES_PATH);

    private static final Map<Role, List<Link>> FOUR = Map.of(
            Role.GATEWAY, List.of(KEY_MANAGER, EVENT_HUB, LISTENING, DECISIONS, THROTTLING_GROUPS),
            Role.CONTROL_PLANE, List.of(EVENT_HUB_DUPLICATE, PUBLISH_GROUPS),
            Role.TRAFFIC_MANAGER, List.of(THROTTLING_DUPLICATE, OWN_DECISIONS, EVENT_HUB, LISTENING, KEY_MANAGER),
            Role.KEY_MANAGER, List.of(EVENT_HUB, LISTENING),
            Role.ALL_IN_ONE, List.of(THROTTLING_DUPLICATE, PEER_GROUPS));
    /** 3.x has no event hub and no event duplication (its 3.0.0 templates read neither). */
    private static final Map<Role, List<Link>> THREE = Map.of(
            Role.GATEWAY, List.of(KEY_MANAGER, DECISIONS, THROTTLING_GROUPS),
            Role.PUBLISHER, List.of(KEY_MANAGER, THROTTLING_SERVICE, DECISIONS, THROTTLING_GROUPS),
            Role.DEVPORTAL, List.of(KEY_MANAGER, THROTTLING_GROUPS),
            Role.KEY_MANAGER, List.of(THROTTLING_GROUPS),
            Role.ALL_IN_ONE, List.of(PEER_GROUPS));

    private ApimWiring() {
    }

    /** The keys a node of this role must have wired, in the order they are written. */
    public static List<Link> links(Product product, Role role) {
        return (ApimProfiles.threeX(product) ? THREE : FOUR).getOrDefault(role, List.of());
    }

    /**
     * The peers a link of {@code self} reaches, in node order; empty when the cluster has none of them (the key is
     * then left as it is).
     */
    public static List<Peer> targets(Product product, Peer self, Link link, List<Peer> peers) {
        List<Peer> reached = switch (link.target()) {
            case SELF -> List.of(self);
            case SAME_ROLE -> of(peers, List.of(self.role()));
            case CONTROL -> control(product, peers);
            case KEY -> first(of(peers, List.of(Role.KEY_MANAGER)), control(product, peers));
            case TRAFFIC -> first(of(peers, List.of(Role.TRAFFIC_MANAGER)), control(product, peers));
        };
        if (link.kind() == Kind.OTHERS) {
            return reached.stream().filter(p -> !p.id().equals(self.id())).toList();
        }
        return reached;
    }

    /** The gateways an environment's endpoints reach: the gateway nodes, else the all-in-one ones. */
    public static List<Peer> gateways(List<Peer> peers) {
        return first(of(peers, List.of(Role.GATEWAY)), of(peers, List.of(Role.ALL_IN_ONE)));
    }

    /** Whether a node of this role keeps {@code [[apim.gateway.environment]]}. */
    public static boolean holdsEnvironments(Product product, Role role) {
        return ApimProfiles.environmentHolders(product).contains(role);
    }

    /** Whether a node of this role takes gateway labels ({@code [apim.sync_runtime_artifacts.gateway]}, 4.x). */
    public static boolean takesLabels(Product product, Role role) {
        return role == Role.GATEWAY && !ApimProfiles.threeX(product);
    }

    /** The URL of {@code peer} on a port, as {@code self} writes it. */
    public static String url(ApimPort port, Peer peer, String path) {
        return port.url(peer.host(), peer.offset(), path);
    }

    /** One value per target for a list link; the first target's for a ONE link. */
    public static List<String> urls(Link link, List<Peer> targets) {
        List<String> urls = new ArrayList<>();
        for (Peer peer : link.kind() == Kind.ONE ? targets.subList(0, Math.min(1, targets.size())) : targets) {
            urls.add(url(link.port(), peer, link.path()));
        }
        return urls;
    }

    private static List<Peer> control(Product product, List<Peer> peers) {
        return first(of(peers, ApimProfiles.control(product)), of(peers, List.of(Role.ALL_IN_ONE)));
    }

    private static List<Peer> of(List<Peer> peers, List<Role> roles) {
        return peers.stream().filter(p -> roles.contains(p.role())).toList();
    }

    private static List<Peer> first(List<Peer> preferred, List<Peer> fallback) {
        return preferred.isEmpty() ? fallback : preferred;
    }
}
