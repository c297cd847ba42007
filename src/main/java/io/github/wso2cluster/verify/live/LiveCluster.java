package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.product.Setting;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.config.Axis2Clustering;
import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.topology.MemberAddress;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The live check: one real Hazelcast member per node ({@link HazelcastMember}), on the addresses of a
 * {@link LoopbackPlan}, and whether they form one cluster. Every member is stopped at the end, pass, fail,
 * timeout or interruption.
 */
public final class LiveCluster implements LiveCheck {
    public static final String CHECK = "live-cluster";
    /** The longest a member tries to join before it gives up (Carbon's default is 300 s). */
    private static final int MAX_JOIN_SECONDS = 20;

    private final Reporter reporter;

    public LiveCluster(Reporter reporter) {
        this.reporter = reporter;
    }

    /** What the live check saw. */
    public record Outcome(boolean formed, double seconds, List<List<String>> groups, List<Finding> findings, String summary) {
    }

    @Override
    public String name() {
        return CHECK;
    }

    /** Resolves the nodes' Hazelcast release through the environment and runs one member per node in its own loader. */
    @Override
    public LiveOutcome check(List<NodeFacts> nodes, LiveContext context)
            throws LiveSetupException, IOException, InterruptedException {
        if (nodes.stream().noneMatch(NodeFacts::hazelcast)) {
            return LiveOutcome.notApplicable(io.github.wso2cluster.verify.ClusterVerifier.noHazelcast(nodes));
        }
        List<String> versions;
        try {
            versions = HazelcastVersions.candidates(nodes, context.hazelcastVersion());
        } catch (IllegalArgumentException e) {
            throw new LiveSetupException(e.getMessage());
        }
        Path jar = context.environment().hazelcast(versions);
        reporter.info("live: starting " + nodes.size() + " Hazelcast " + jar.getFileName() + " members on loopback");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Outcome outcome = run(nodes, loader, context.timeout());
            List<Finding> all = new ArrayList<>(outcome.findings());
            if (!outcome.formed() && outcome.findings().isEmpty()) {
                nodes.forEach(n -> all.add(new Finding(Severity.ERROR, CHECK, n.name(), null, 0, outcome.summary())));
            }
            // "live: cluster of 3 formed in 4.4 s", the line users know from earlier releases.
            return LiveOutcome.ran(all, "live: " + outcome.summary());
        }
    }

    public Outcome run(List<NodeFacts> nodes, ClassLoader hazelcast, Duration timeout) throws InterruptedException {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the live check's timeout must be positive, not " + timeout.toSeconds() + " s");
        }
        long start = System.nanoTime();
        LoopbackPlan plan = new LoopbackPlan(nodes);
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
        HazelcastMember.prepare(hazelcast);
        Map<String, HazelcastMember> members = new ConcurrentHashMap<>();
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
                HazelcastMember.Settings settings = settings(order.get(i), i, plan, timeout);
                String name = order.get(i).name();
                started.add(starters.submit(() -> members.put(name, HazelcastMember.start(hazelcast, settings))));
                if (i == 0) {
                    await(started.get(0), order.get(0), timeout, findings);
                }
            }
            for (int i = 1; i < started.size(); i++) {
                await(started.get(i), order.get(i), timeout, findings);
            }
            List<List<String>> groups = Membership.watch(nodes.size(), members, startable.size(), timeout, start);
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean formed = groups.size() == 1 && groups.get(0).size() == nodes.size() && findings.isEmpty();
            if (!formed) {
                explain(nodes, groups, plan, findings);
            }
            String summary = formed
                    ? String.format(Locale.ROOT, "cluster of %d formed in %.1f s", nodes.size(), seconds)
                    : String.format(Locale.ROOT, "no single cluster of %d after %.1f s: %s", nodes.size(),
                    seconds, groups.isEmpty() ? "no member started" : format(groups));
            return new Outcome(formed, seconds, groups, findings, summary);
        } finally {
            starters.shutdownNow();
            HazelcastMember.stopAll(List.copyOf(members.values()));
            // A member still starting when the time ran out registers itself once it has started: wait for the
            // starts to end (a member gives up after max.join.seconds) and stop the late ones too, so no port stays
            // held into the next build.
            if (!starters.awaitTermination(MAX_JOIN_SECONDS + 5, TimeUnit.SECONDS)) {
                reporter.warn("live: a Hazelcast member did not finish starting; stopping every member of this check");
            }
            HazelcastMember.stopAll(List.copyOf(members.values()));
            HazelcastMember.stopEverything(hazelcast);
        }
    }

    /** The node's axis2.xml settings, as Carbon's HazelcastClusteringAgent reads them, mapped onto loopback. */
    private HazelcastMember.Settings settings(NodeFacts node, int index, LoopbackPlan plan, Duration timeout) {
        MemberAddress address = node.memberAddress().orElseThrow();
        List<MemberAddress> wellKnown = node.settings().wellKnownMembers();
        reporter.debug("live: node '" + node.name() + "' " + address + " -> 127.0.0.1:" + plan.port(address) + ", members "
                + wellKnown.stream().map(e -> e + " -> 127.0.0.1:" + plan.port(e)).toList());
        Located domain = node.settings().clustering(Setting.DOMAIN);
        Located password = node.settings().clustering(Setting.GROUP_PASSWORD);
        return new HazelcastMember.Settings("wso2-cluster-live-" + index + "-" + node.name(),
                domain.present() ? domain.value() : "wso2.carbon.domain", password.present() ? password.value() : null,
                plan.port(address), wellKnown.stream().map(plan::port).toList(),
                (int) Math.max(5, Math.min(MAX_JOIN_SECONDS, timeout.toSeconds())));
    }

    private static void await(Future<?> start, NodeFacts node, Duration timeout, List<Finding> findings)
            throws InterruptedException {
        try {
            start.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            findings.add(error(node, "could not join any cluster: its Hazelcast member gave up"
                    + (cause instanceof TimeoutException ? " (no answer within " + timeout.toSeconds() + " s)"
                    : " (" + cause.getMessage() + ")") + "; domain '" + node.settings().clustering(Setting.DOMAIN).value()
                    + "', well-known members: " + node.settings().wellKnownMembers()));
        }
    }

    /** How many nodes list this node among their well-known members. */
    private static int listedBy(NodeFacts node, List<NodeFacts> nodes) {
        MemberAddress address = node.memberAddress().orElse(null);
        return (int) nodes.stream().filter(other -> other.settings().wellKnownMembers().contains(address)).count();
    }

    /** Null when Carbon would start clustering on this node; else why it would not. */
    private static String whyNotClustered(NodeFacts node) {
        if (!node.settings().hasClustering()) {
            return "not started: axis2.xml has no readable <clustering>";
        }
        if (!"true".equals(node.settings().clusteringEnabled().value())) {
            return "not started: clustering is disabled in axis2.xml, so Carbon never joins a cluster";
        }
        if (!"wka".equals(node.settings().clustering(Setting.MEMBERSHIP_SCHEME).value())) {
            return "not started: membershipScheme is not wka (multicast cannot be checked on loopback)";
        }
        return node.memberAddress().isEmpty() ? "not started: localMemberHost/localMemberPort are unreadable" : null;
    }

    /** For every node outside a full cluster: whom it joined, and where its well-known entries lead. */
    private static void explain(List<NodeFacts> nodes, List<List<String>> groups, LoopbackPlan plan, List<Finding> findings) {
        Set<String> reported = findings.stream().map(Finding::node).collect(Collectors.toSet());
        // The largest group is the cluster; the nodes outside it are the ones that failed to join.
        List<String> main = groups.isEmpty() ? List.of() : groups.get(0);
        for (NodeFacts node : nodes) {
            if (reported.contains(node.name()) || (main.contains(node.name()) && main.size() > 1)) {
                continue;
            }
            List<String> group = groups.stream().filter(g -> g.contains(node.name())).findFirst().orElse(List.of());
            String entries = node.settings().wellKnownMembers().stream().map(e -> e + " (" + plan.nodeAt(e) + ")")
                    .collect(Collectors.joining(", "));
            findings.add(error(node, "could not join " + String.join(", ", main) + ": it joined "
                    + (group.size() <= 1 ? "no other node" : "only " + String.join(", ", group)) + "; domain '"
                    + node.settings().clustering(Setting.DOMAIN).value() + "', well-known members: "
                    + (entries.isEmpty() ? "none" : entries)));
        }
    }

    private static Finding error(NodeFacts node, String message) {
        return new Finding(Severity.ERROR, CHECK, node.name(), null, 0, message);
    }

    static String format(List<List<String>> groups) {
        return groups.stream().map(g -> String.join(", ", g)).collect(Collectors.joining(" | "));
    }
}
