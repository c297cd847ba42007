package io.github.wso2cluster.verify.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who sees whom: the groups the running members form, watched until they settle. */
final class Membership {
    /** How long the membership must stay unchanged, once every member has started, to call the result final. */
    private static final Duration SETTLED = Duration.ofSeconds(4);

    private Membership() {
    }

    /**
     * Polls the members until each sees all {@code total} nodes, or the membership has not changed for a
     * while (a TCP/IP join does not find more members later), or the time is up.
     *
     * @return the groups that formed, as node names
     */
    static List<List<String>> watch(int total, Map<String, HazelcastMember> members, int startable,
                                            Duration timeout, long start) throws InterruptedException {
        long deadline = start + timeout.toNanos();
        List<List<String>> last = List.of();
        long lastChange = System.nanoTime();
        while (true) {
            List<List<String>> groups = groups(members);
            if (!groups.equals(last)) {
                last = groups;
                lastChange = System.nanoTime();
            }
            boolean complete = groups.size() == 1 && groups.get(0).size() == total;
            boolean settled = members.size() == startable && System.nanoTime() - lastChange > SETTLED.toNanos();
            if (complete || settled || System.nanoTime() > deadline) {
                return groups;
            }
            Thread.sleep(100);
        }
    }

    /** The distinct member sets the running members see, each as the sorted names of its nodes, largest first. */
    private static List<List<String>> groups(Map<String, HazelcastMember> members) {
        Map<Integer, String> byPort = new LinkedHashMap<>();
        Map<String, Set<Integer>> seen = new LinkedHashMap<>();
        for (Map.Entry<String, HazelcastMember> member : members.entrySet()) {
            try {
                byPort.put(member.getValue().localPort(), member.getKey());
                seen.put(member.getKey(), member.getValue().memberPorts());
            } catch (ReflectiveOperationException | RuntimeException stopping) {
                // a member that is shutting down sees nothing
            }
        }
        Set<List<String>> groups = new LinkedHashSet<>();
        for (Set<Integer> ports : seen.values()) {
            if (!ports.isEmpty()) {
                groups.add(ports.stream().map(p -> byPort.getOrDefault(p, "127.0.0.1:" + p)).sorted().toList());
            }
        }
        List<List<String>> sorted = new ArrayList<>(groups);
        sorted.sort((a, b) -> b.size() != a.size() ? b.size() - a.size() : a.toString().compareTo(b.toString()));
        return sorted;
    }
}
