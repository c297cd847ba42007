package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.verify.facts.NodeFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hazelcast release to run for a distribution, from its Carbon kernel's bundle name
 * ({@code hazelcast_3.0.1.wso2v1.jar} in Carbon 4.2 / AS 5.2.1, {@code hazelcast_3.5.0.wso2v1.jar} in Carbon 4.4 /
 * AS 5.3.0), as the Maven versions to try, in order.
 *
 * <p>Hazelcast 3.5.0 to 3.5.4 cannot join a cluster on Java 9 and later (their string serializer assumes
 * {@code char[]} strings), so a 3.5.x kernel is run with 3.5.5, the last patch release of the line: patch
 * releases of one minor line speak the same protocol and read the same configuration.
 */
public final class HazelcastVersions {
    private static final Pattern BUNDLE = Pattern.compile("hazelcast_(\\d+\\.\\d+(?:\\.\\d+)?)[._-].*\\.jar|hazelcast_(\\d+\\.\\d+(?:\\.\\d+)?)\\.jar");

    /** The first 3.5.x release that runs on Java 17. */
    static final String JAVA17_RELEASE_OF_3_5 = "3.5.5";

    private HazelcastVersions() {
    }

    /**
     * @param override the {@code hazelcastVersion} parameter, or null
     * @throws IllegalArgumentException when no node tells its version and there is no override
     */
    public static List<String> candidates(List<NodeFacts> nodes, String override) {
        if (override != null && !override.isBlank()) {
            return List.of(override.trim());
        }
        Set<String> versions = new LinkedHashSet<>();
        for (NodeFacts node : nodes) {
            for (String bundle : node.hazelcastBundles()) {
                Matcher matcher = BUNDLE.matcher(bundle);
                if (matcher.matches()) {
                    versions.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("No node has a components/plugins/hazelcast_*.jar, so the"
                    + " Hazelcast version of the cluster is unknown; set <hazelcastVersion> (3.0.1 for Carbon 4.2, 3.2.6 for"
                    + " 4.3, 3.5.5 for 4.4, 3.12.2 for 4.6)");
        }
        String version = versions.iterator().next();
        if (version.equals("3.5") || version.startsWith("3.5.")) {
            return List.of(JAVA17_RELEASE_OF_3_5);
        }
        List<String> candidates = new ArrayList<>(List.of(version));
        if (version.endsWith(".0")) {
            candidates.add(version.substring(0, version.length() - 2)); // Hazelcast published 3.5.0 as "3.5"
        }
        return candidates;
    }
}
