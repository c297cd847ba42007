package io.github.wso2cluster.verify;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.topology.MemberAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts one real Hazelcast member per node, configured from that node's axis2.xml the way Carbon's
 * HazelcastClusteringAgent configures it (group = domain, port = localMemberPort with auto-increment,
 * TCP/IP join with the node's well-known members, multicast off), and watches whether they form one
 * cluster. Every node address and member entry is mapped onto loopback through one table, each distinct
 * {@code host:port} to its own free {@code 127.0.0.1} port, so an entry that matches no node still reaches
 * nobody. Every member is shut down at the end, pass, fail or interruption.
 */
public final class LiveCluster {
    public static final String CHECK = "live-cluster";
    /** How long the membership must stay unchanged, once every member has started, to call the result final. */
    private static final Duration SETTLED = Duration.ofSeconds(4);
    /** The longest a member tries to join before it gives up (Carbon's default is 300 s). */
    private static final int MAX_JOIN_SECONDS = 20;

    private final Reporter reporter;

    public LiveCluster(Reporter reporter) {
        this.reporter = reporter;
    }

    /** What the live check saw. */
    public record Outcome(boolean formed, double seconds, List<List<String>> groups, List<Finding> findings, String summary) {
    }

    public Outcome run(List<NodeFacts> nodes, ClassLoader hazelcast, Duration timeout) throws InterruptedException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the live check's timeout must be positive, not " + timeout.toSeconds() + " s");
        }
        long start = System.nanoTime();
        Map<MemberAddress, Integer> loopback = loopbackTable(nodes);
        List<Finding> findings = new ArrayList<>();
        List<NodeFacts> startable = new ArrayList<>();
        for (NodeFacts node : nodes) {
            String why = whyNotClustered(node);
            if (why == null) {
                startable.add(node);
            } else {
                findings.add(error(node, why));
            }
        }
        HazelcastStrings.useSafeStrings(hazelcast);
        String version = version(hazelcast);
        Map<String, Object> instances = new ConcurrentHashMap<>();
        String previousLogging = System.getProperty("hazelcast.logging.type");
        System.setProperty("hazelcast.logging.type", "none");
        ExecutorService starters = Executors.newFixedThreadPool(Math.max(1, startable.size()), r -> {
            Thread thread = new Thread(r, "wso2-cluster-live");
            thread.setDaemon(true);
            thread.setContextClassLoader(hazelcast);
            return thread;
        });
        try {
            // As in a real roll-out, the node most others list starts first and becomes the master; the
            // rest then join it together. (Members that all start at one instant may each elect themselves.)
            List<NodeFacts> order = new ArrayList<>(startable);
            order.sort(Comparator.comparingInt((NodeFacts n) -> -listedBy(n, nodes)));
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                NodeFacts node = order.get(i);
                int index = i;
                started.add(starters.submit(() -> {
                    instances.put(node.name(), startMember(node, index, loopback, hazelcast, version, timeout));
                    return null;
                }));
                if (i == 0) {
                    await(started.get(0), order.get(0), timeout, findings);
                }
            }
            for (int i = 1; i < started.size(); i++) {
                await(started.get(i), order.get(i), timeout, findings);
            }
            List<List<String>> groups = watch(nodes.size(), instances, startable, timeout, start);
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean formed = groups.size() == 1 && groups.get(0).size() == nodes.size() && findings.isEmpty();
            if (!formed) {
                explain(nodes, groups, loopback, findings);
            }
            String summary = formed
                    ? String.format(Locale.ROOT, "cluster of %d formed in %.1f s", nodes.size(), seconds)
                    : String.format(Locale.ROOT, "no single cluster of %d after %.1f s: %s", nodes.size(),
                    seconds, groups.isEmpty() ? "no member started" : format(groups));
            return new Outcome(formed, seconds, groups, findings, summary);
        } finally {
            starters.shutdownNow();
            shutdown(instances.values());
            // A member still starting when the time ran out registers itself once it has started: wait for the
            // starts to end (a member gives up after max.join.seconds) and stop the late ones too, so no port stays
            // held into the next build. Hazelcast.shutdownAll() reaches only this run's own class loader.
            if (!starters.awaitTermination(MAX_JOIN_SECONDS + 5, TimeUnit.SECONDS)) {
                reporter.warn("live: a Hazelcast member did not finish starting; stopping every member of this check");
            }
            shutdown(instances.values());
            shutdownAll(hazelcast);
            if (previousLogging == null) {
                System.clearProperty("hazelcast.logging.type");
            } else {
                System.setProperty("hazelcast.logging.type", previousLogging);
            }
        }
    }

    private static void await(Future<?> start, NodeFacts node, Duration timeout, List<Finding> findings)
            throws InterruptedException {
        try {
            start.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            findings.add(error(node, "could not join any cluster: its Hazelcast member gave up"
                    + (cause instanceof TimeoutException ? " (no answer within " + timeout.toSeconds() + " s)"
                    : " (" + cause.getMessage() + ")") + "; domain '" + node.clusteringParameter("domain").value()
                    + "', well-known members: " + wellKnown(node)));
        }
    }

    /** The Hazelcast release in the loader, from its jar's Maven metadata ("" when it has none). */
    private static String version(ClassLoader hazelcast) {
        try (InputStream in = hazelcast.getResourceAsStream("META-INF/maven/com.hazelcast/hazelcast/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "");
        } catch (IOException e) {
            return "";
        }
    }

    /** How many nodes list this node among their well-known members. */
    private static int listedBy(NodeFacts node, List<NodeFacts> nodes) {
        MemberAddress address = node.memberAddress().orElse(null);
        return (int) nodes.stream().filter(other -> wellKnown(other).contains(address)).count();
    }

    /** Null when Carbon would start clustering on this node; else why it would not. */
    private static String whyNotClustered(NodeFacts node) {
        if (node.clustering().isEmpty()) {
            return "not started: axis2.xml has no readable <clustering>";
        }
        if (!"true".equals(node.clusteringEnable().value())) {
            return "not started: clustering is disabled in axis2.xml, so Carbon never joins a cluster";
        }
        if (!"wka".equals(node.clusteringParameter("membershipScheme").value())) {
            return "not started: membershipScheme is not wka (multicast cannot be checked on loopback)";
        }
        if (node.memberAddress().isEmpty()) {
            return "not started: localMemberHost/localMemberPort are unreadable";
        }
        return null;
    }

    /** Each distinct node address and member entry (ranges expanded) to its own free loopback port. */
    static Map<MemberAddress, Integer> loopbackTable(List<NodeFacts> nodes) {
        Map<MemberAddress, Integer> table = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            node.memberAddress().ifPresent(address -> table.computeIfAbsent(address, a -> freePort(table.values())));
        }
        for (NodeFacts node : nodes) {
            for (MemberAddress entry : wellKnown(node)) {
                table.computeIfAbsent(entry, a -> freePort(table.values()));
            }
        }
        return table;
    }

    private static List<MemberAddress> wellKnown(NodeFacts node) {
        List<MemberAddress> entries = new ArrayList<>();
        for (Located entry : node.memberEntries()) {
            MemberAddress.Parsed parsed = MemberAddress.parse(entry.value());
            if (parsed.ok()) {
                entries.addAll(parsed.address().expand());
            }
        }
        return entries;
    }

    /** A free port with a few free neighbours, so a member that auto-increments does not land on another's. */
    private static int freePort(Collection<Integer> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                boolean clear = port < 65000 && taken.stream().noneMatch(t -> Math.abs(t - port) < 5);
                if (clear) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("no free loopback port with free neighbours");
    }

    private Object startMember(NodeFacts node, int index, Map<MemberAddress, Integer> loopback, ClassLoader loader,
                               String version, Duration timeout) throws ReflectiveOperationException {
        Class<?> configClass = loader.loadClass("com.hazelcast.config.Config");
        Object config = configClass.getConstructor().newInstance();
        Reflect.call(config, "setInstanceName", "wso2-cluster-live-" + index + "-" + node.name());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hazelcast.logging.type", "none");
        // Join faster than Carbon's defaults (5 s, 20 s), as hazelcast.properties allows. The first member
        // starts alone, so no member needs to wait for others to gather before it joins. (Hazelcast 3.0's
        // joiner also sleeps 2 s and 3 s between steps, which no property changes: 3.0 clusters join slower.)
        properties.put("hazelcast.wait.seconds.before.join", "0");
        properties.put("hazelcast.max.wait.seconds.before.join", "1");
        // A member that cannot join gives up instead of retrying for Carbon's 300 s (Hazelcast 3.0 keeps knocking
        // on a member of another domain until then).
        properties.put("hazelcast.max.join.seconds", String.valueOf(Math.max(5, Math.min(MAX_JOIN_SECONDS, timeout.toSeconds()))));
        // Members started at the same instant may each elect themselves master; Carbon's nodes would merge
        // after five minutes, these look for each other every second (only members that can reach each other
        // through their well-known lists, in the same group, ever merge).
        properties.put("hazelcast.merge.first.run.delay.seconds", "1");
        properties.put("hazelcast.merge.next.run.delay.seconds", "1");
        // Never call home from a build: Hazelcast 3.0 checks its version online, 3.5 phones home.
        properties.put("hazelcast.version.check.enabled", "false");
        properties.put("hazelcast.phone.home.enabled", "false");
        properties.put("hazelcast.socket.bind.any", "false");
        properties.put("hazelcast.health.monitoring.level", "OFF");
        for (Map.Entry<String, String> property : properties.entrySet()) {
            Reflect.call(config, "setProperty", property.getKey(), property.getValue());
        }
        Object group = Reflect.call(config, "getGroupConfig");
        Reflect.call(group, "setName", node.clusteringParameter("domain").present()
                ? node.clusteringParameter("domain").value() : "wso2.carbon.domain");
        if (node.clusteringParameter("groupPassword").present()) {
            Reflect.call(group, "setPassword", node.clusteringParameter("groupPassword").value());
        }
        Object network = Reflect.call(config, "getNetworkConfig");
        int port = loopback.get(node.memberAddress().orElseThrow());
        // Hazelcast 3.2 reads a public address without a port as port 5701, so every member would claim the same
        // address and none could tell the others apart; 3.0 takes no port there.
        Reflect.call(network, "setPublicAddress", version.startsWith("3.0.") ? "127.0.0.1" : "127.0.0.1:" + port);
        Reflect.call(network, "setPort", port);
        Reflect.call(network, "setPortAutoIncrement", true);
        Object interfaces = Reflect.call(network, "getInterfaces");
        Reflect.call(interfaces, "setEnabled", true);
        Reflect.call(interfaces, "addInterface", "127.0.0.1");
        Object join = Reflect.call(network, "getJoin");
        Reflect.call(Reflect.call(join, "getMulticastConfig"), "setEnabled", false);
        Object tcpIp = Reflect.call(join, "getTcpIpConfig");
        Reflect.call(tcpIp, "setEnabled", true);
        for (MemberAddress entry : wellKnown(node)) {
            Reflect.call(tcpIp, "addMember", "127.0.0.1:" + loopback.get(entry));
        }
        reporter.debug("live: node '" + node.name() + "' " + node.memberAddress().orElseThrow() + " -> 127.0.0.1:"
                + loopback.get(node.memberAddress().orElseThrow()) + ", members " + wellKnown(node).stream()
                .map(e -> e + " -> 127.0.0.1:" + loopback.get(e)).toList());
        Class<?> hazelcastClass = loader.loadClass("com.hazelcast.core.Hazelcast");
        return hazelcastClass.getMethod("newHazelcastInstance", configClass).invoke(null, config);
    }

    /**
     * Polls the members until each sees all {@code total} nodes, or the membership has not changed for a
     * while (a TCP/IP join does not find more members later), or the time is up.
     *
     * @return the groups that formed, as node names
     */
    private static List<List<String>> watch(int total, Map<String, Object> instances, List<NodeFacts> startable,
                                            Duration timeout, long start) throws InterruptedException {
        long deadline = start + timeout.toNanos();
        List<List<String>> last = List.of();
        long lastChange = System.nanoTime();
        while (true) {
            List<List<String>> groups = groups(instances);
            if (!groups.equals(last)) {
                last = groups;
                lastChange = System.nanoTime();
            }
            boolean complete = groups.size() == 1 && groups.get(0).size() == total;
            boolean settled = instances.size() == startable.size()
                    && System.nanoTime() - lastChange > SETTLED.toNanos();
            if (complete || settled || System.nanoTime() > deadline) {
                return groups;
            }
            Thread.sleep(100);
        }
    }

    /** The distinct member sets the running members see, each as the sorted names of its nodes. */
    private static List<List<String>> groups(Map<String, Object> instances) {
        Map<Integer, String> byPort = new LinkedHashMap<>();
        Map<String, Set<Integer>> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Object> instance : instances.entrySet()) {
            try {
                Object cluster = Reflect.call(instance.getValue(), "getCluster");
                byPort.put(port(Reflect.call(cluster, "getLocalMember")), instance.getKey());
                Set<Integer> ports = new TreeSet<>();
                for (Object member : (Set<?>) Reflect.call(cluster, "getMembers")) {
                    ports.add(port(member));
                }
                seen.put(instance.getKey(), ports);
            } catch (ReflectiveOperationException | RuntimeException stopping) {
                // a member that is shutting down sees nothing
            }
        }
        Set<List<String>> groups = new LinkedHashSet<>();
        for (Set<Integer> ports : seen.values()) {
            if (ports.isEmpty()) {
                continue;
            }
            groups.add(ports.stream().map(p -> byPort.getOrDefault(p, "127.0.0.1:" + p)).sorted().toList());
        }
        List<List<String>> sorted = new ArrayList<>(groups);
        sorted.sort((a, b) -> b.size() != a.size() ? b.size() - a.size() : a.toString().compareTo(b.toString()));
        return sorted;
    }

    private static int port(Object member) throws ReflectiveOperationException {
        return ((InetSocketAddress) Reflect.call(member, "getInetSocketAddress")).getPort();
    }

    /** For every node outside a full cluster: whom it joined, and where its well-known entries lead. */
    private static void explain(List<NodeFacts> nodes, List<List<String>> groups, Map<MemberAddress, Integer> loopback,
                                List<Finding> findings) {
        Map<MemberAddress, String> nodeAt = new LinkedHashMap<>();
        for (NodeFacts node : nodes) {
            node.memberAddress().ifPresent(address -> nodeAt.putIfAbsent(address, node.name()));
        }
        Set<String> reported = findings.stream().map(Finding::node).collect(Collectors.toSet());
        // The largest group is the cluster; the nodes outside it are the ones that failed to join.
        List<String> main = groups.isEmpty() ? List.of() : groups.get(0);
        for (NodeFacts node : nodes) {
            if (reported.contains(node.name()) || (main.contains(node.name()) && main.size() > 1)) {
                continue;
            }
            List<String> group = groups.stream().filter(g -> g.contains(node.name())).findFirst().orElse(List.of());
            String entries = wellKnown(node).stream()
                    .map(e -> e + " (" + nodeAt.getOrDefault(e, "no node") + ")").collect(Collectors.joining(", "));
            String domain = node.clusteringParameter("domain").value();
            findings.add(error(node, "could not join " + String.join(", ", main) + ": it joined "
                    + (group.size() <= 1 ? "no other node" : "only " + String.join(", ", group)) + "; domain '" + domain
                    + "', well-known members: " + (entries.isEmpty() ? "none" : entries)));
        }
    }

    private static Finding error(NodeFacts node, String message) {
        return new Finding(Severity.ERROR, CHECK, node.name(), null, 0, message);
    }

    static String format(List<List<String>> groups) {
        return groups.stream().map(g -> String.join(", ", g)).collect(Collectors.joining(" | "));
    }

    private static void shutdownAll(ClassLoader hazelcast) {
        try {
            hazelcast.loadClass("com.hazelcast.core.Hazelcast").getMethod("shutdownAll").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError ignored) {
            // nothing started, or already down
        }
    }

        private static void shutdown(Collection<Object> instances) {
        List<Thread> stopping = new ArrayList<>();
        for (Object instance : instances) {
            Thread thread = new Thread(() -> {
                try {
                    Object lifecycle = Reflect.call(instance, "getLifecycleService");
                    if (Reflect.has(lifecycle, "terminate")) {
                        Reflect.call(lifecycle, "terminate");
                    } else if (Reflect.has(lifecycle, "kill")) {
                        Reflect.call(lifecycle, "kill");
                    } else {
                        Reflect.call(lifecycle, "shutdown");
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // already down
                }
            }, "wso2-cluster-live-stop");
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
