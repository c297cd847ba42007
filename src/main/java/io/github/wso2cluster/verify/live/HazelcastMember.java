package io.github.wso2cluster.verify.live;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One real Hazelcast member, in an isolated class loader: the only class that calls Hazelcast, by name
 * (the plugin is compiled against no Hazelcast; 3.0, 3.2, 3.5, 3.12, 4.2 and 5.3 differ, and none may meet
 * Maven's class path). Configured as Carbon's HazelcastClusteringAgent configures it: group = domain, TCP/IP join with
 * the well-known members, multicast off.
 */
public final class HazelcastMember {
    /** Hazelcast 3.2's fast strings write into String's char[], which Java 9+ replaced: off, or members never join. */
    public static final String FASTSTRING = "hazelcast.nio.faststring";
    private static final String LOGGING = "hazelcast.logging.type";
    /** Serialises the brief system-property changes of {@link #prepare} between concurrent live checks. */
    private static final Object PROPERTIES = new Object();

    private final Object instance;

    private HazelcastMember(Object instance) {
        this.instance = instance;
    }

    /** What a member is started with, every address already mapped onto loopback. */
    record Settings(String instanceName, String group, String groupPassword, int port, List<Integer> members,
                    int maxJoinSeconds) {
    }

    /**
     * Initialises, in this loader only, the two classes that read JVM-wide system properties once: the string
     * encoder (fast strings off) and the logger factory (logging off). Each property is set for that moment
     * only and restored at once, so nothing else in the JVM sees a change.
     */
    static void prepare(ClassLoader hazelcast) {
        synchronized (PROPERTIES) {
            Map<String, String> previous = new LinkedHashMap<>();
            for (String key : List.of(FASTSTRING, LOGGING)) {
                previous.put(key, System.getProperty(key));
            }
            System.setProperty(FASTSTRING, "false");
            System.setProperty(LOGGING, "none");
            try {
                initialise(hazelcast, "com.hazelcast.nio.UTFEncoderDecoder"); // 3.2 to 3.5
                Class<?> logger = hazelcast.loadClass("com.hazelcast.logging.Logger");
                logger.getMethod("getLogger", String.class).invoke(null, "wso2-cluster");
            } catch (ReflectiveOperationException | LinkageError absent) {
                // a line without that class; a broken jar fails visibly when a member starts
            } finally {
                previous.forEach((key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
            }
        }
    }

    private static void initialise(ClassLoader loader, String className) {
        try {
            Class.forName(className, true, loader);
        } catch (ClassNotFoundException absent) {
            // not in this line
        }
    }

    /** The release in the loader, from its jar's Maven metadata ("" when it has none). */
    static String version(ClassLoader hazelcast) {
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

    static HazelcastMember start(ClassLoader loader, Settings settings) throws ReflectiveOperationException {
        Class<?> configClass = loader.loadClass("com.hazelcast.config.Config");
        Object config = configClass.getConstructor().newInstance();
        Reflect.call(config, "setInstanceName", settings.instanceName());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(LOGGING, "none");
        // Join faster than Carbon's defaults (5 s, 20 s), as hazelcast.properties allows. The first member
        // starts alone, so no member needs to wait for others to gather before it joins. (Hazelcast 3.0's
        // joiner also sleeps 2 s and 3 s between steps, which no property changes: 3.0 clusters join slower.)
        properties.put("hazelcast.wait.seconds.before.join", "0");
        properties.put("hazelcast.max.wait.seconds.before.join", "1");
        // A member that cannot join gives up instead of retrying for Carbon's 300 s.
        properties.put("hazelcast.max.join.seconds", String.valueOf(settings.maxJoinSeconds()));
        // Members started at the same instant may each elect themselves master; these look for each other
        // every second (only members that reach each other through their lists, in one group, ever merge).
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
        if (Reflect.has(config, "getGroupConfig")) {
            Object group = Reflect.call(config, "getGroupConfig");
            Reflect.call(group, "setName", settings.group());
            if (settings.groupPassword() != null) {
                Reflect.call(group, "setPassword", settings.groupPassword());
            }
        } else {
            // Hazelcast 4 and 5 (kernels of Identity Server 6+ and API Manager 4.2+): a cluster name, no group password.
            Reflect.call(config, "setClusterName", settings.group());
        }
        Object network = Reflect.call(config, "getNetworkConfig");
        // Hazelcast 3.2 reads a public address without a port as port 5701, so every member would claim the same
        // address and none could tell the others apart; 3.0 takes no port there.
        boolean portInAddress = !version(loader).startsWith("3.0.");
        Reflect.call(network, "setPublicAddress", portInAddress ? "127.0.0.1:" + settings.port() : "127.0.0.1");
        Reflect.call(network, "setPort", settings.port());
        Reflect.call(network, "setPortAutoIncrement", true);
        Object interfaces = Reflect.call(network, "getInterfaces");
        Reflect.call(interfaces, "setEnabled", true);
        Reflect.call(interfaces, "addInterface", "127.0.0.1");
        Object join = Reflect.call(network, "getJoin");
        Reflect.call(Reflect.call(join, "getMulticastConfig"), "setEnabled", false);
        if (Reflect.has(join, "getAutoDetectionConfig")) {
            Reflect.call(Reflect.call(join, "getAutoDetectionConfig"), "setEnabled", false); // Hazelcast 5: no cloud discovery
        }
        Object tcpIp = Reflect.call(join, "getTcpIpConfig");
        Reflect.call(tcpIp, "setEnabled", true);
        for (int member : settings.members()) {
            Reflect.call(tcpIp, "addMember", "127.0.0.1:" + member);
        }
        Class<?> hazelcastClass = loader.loadClass("com.hazelcast.core.Hazelcast");
        return new HazelcastMember(hazelcastClass.getMethod("newHazelcastInstance", configClass).invoke(null, config));
    }

    /** This member's own loopback port. */
    int localPort() throws ReflectiveOperationException {
        return port(Reflect.call(Reflect.call(instance, "getCluster"), "getLocalMember"));
    }

    /** The loopback ports of every member this one sees, itself included. */
    Set<Integer> memberPorts() throws ReflectiveOperationException {
        Set<Integer> ports = new TreeSet<>();
        for (Object member : (Set<?>) Reflect.call(Reflect.call(instance, "getCluster"), "getMembers")) {
            ports.add(port(member));
        }
        return ports;
    }

    private static int port(Object member) throws ReflectiveOperationException {
        if (Reflect.has(member, "getInetSocketAddress")) {
            return ((InetSocketAddress) Reflect.call(member, "getInetSocketAddress")).getPort();
        }
        return (Integer) Reflect.call(Reflect.call(member, "getAddress"), "getPort"); // Hazelcast 4 and 5
    }

    /** Stops the member at once (terminate, else kill, else shutdown: whichever the release has). */
    void stop() {
        try {
            Object lifecycle = Reflect.call(instance, "getLifecycleService");
            for (String method : List.of("terminate", "kill", "shutdown")) {
                if (Reflect.has(lifecycle, method)) {
                    Reflect.call(lifecycle, method);
                    return;
                }
            }
        } catch (ReflectiveOperationException | RuntimeException alreadyDown) {
            // nothing to stop
        }
    }

    /** Stops members in parallel, waiting up to 10 s each. */
    static void stopAll(List<HazelcastMember> members) throws InterruptedException {
        List<Thread> stopping = new ArrayList<>();
        for (HazelcastMember member : members) {
            Thread thread = new Thread(member::stop, "wso2-cluster-live-stop");
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            thread.join(10_000);
        }
    }

    /** Stops every member this loader ever started, also one that finished starting after the check gave up. */
    static void stopEverything(ClassLoader hazelcast) {
        try {
            hazelcast.loadClass("com.hazelcast.core.Hazelcast").getMethod("shutdownAll").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError nothingStarted) {
            // nothing to stop
        }
    }
}
