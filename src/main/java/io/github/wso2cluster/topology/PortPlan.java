package io.github.wso2cluster.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every port one node opens on its host: the web connectors and the JMX ports, shifted by the node's offset, and
 * the cluster member port, which is not. The one rule for co-hosted nodes, used by the POM's validation (with the
 * stock ports), by configure-cluster on the configured files before it writes, and by verify-cluster on the
 * finished nodes, so configure-cluster never writes a cluster that verify-cluster rejects for a port clash.
 *
 * @param node  the node's name (its id)
 * @param host  the host it runs on (its localMemberHost), or null when unknown (it then clashes with nothing)
 * @param ports each port's use ("HTTP", "JMX RMI registry", ...) and number, in a stable order
 */
public record PortPlan(String node, String host, Map<String, Integer> ports) {
    public static final String HTTP = "HTTP";
    public static final String HTTPS = "HTTPS";
    public static final String JMX_REGISTRY = "JMX RMI registry";
    public static final String JMX_SERVER = "JMX RMI server";
    public static final String MEMBER = "cluster member";

    public PortPlan {
        ports = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    /**
     * The ports a node's files give before the offset (the member port is not offset: {@link #of} takes it apart).
     */
    public record BasePorts(int http, int https, int jmxRegistry, int jmxServer) {
        /** A stock Carbon 4.x distribution's ports (catalina-server.xml and carbon.xml as shipped). */
        public static final BasePorts STOCK = new BasePorts(Ports.STOCK_HTTP, Ports.STOCK_HTTPS, Ports.STOCK_JMX_REGISTRY,
                Ports.STOCK_JMX_SERVER);
    }

    /** @param member the cluster member port, or null when the node has none */
    public static PortPlan of(String node, String host, BasePorts base, int offset, Integer member) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(HTTP, base.http() + offset);
        ports.put(HTTPS, base.https() + offset);
        ports.put(JMX_REGISTRY, base.jmxRegistry() + offset);
        ports.put(JMX_SERVER, base.jmxServer() + offset);
        if (member != null) {
            ports.put(MEMBER, member);
        }
        return new PortPlan(node, host, ports);
    }

    /** One port two co-hosted nodes would both open: the later node in the list is {@code node}. */
    public record Clash(PortPlan node, String use, int port, PortPlan other, String otherUse) {
        /** "its HTTP port 9999 is also the JMX RMI registry port of node 'a' on the same host 10.0.0.2". */
        public String describe() {
            return "its " + use + " port " + port + " is also the " + otherUse + " port of node '" + other.node()
                    + "' on the same host " + node.host();
        }
    }

    /** Every clash among the plans, in order: each later node's ports against the earlier nodes' on its host. */
    public static List<Clash> clashes(List<PortPlan> plans) {
        List<Clash> clashes = new ArrayList<>();
        Map<String, Map<Integer, Map.Entry<PortPlan, String>>> byHost = new LinkedHashMap<>();
        for (PortPlan plan : plans) {
            if (plan.host() == null || plan.host().isBlank()) {
                continue;
            }
            Map<Integer, Map.Entry<PortPlan, String>> used = byHost.computeIfAbsent(
                    plan.host().trim().toLowerCase(Locale.ROOT), h -> new LinkedHashMap<>());
            for (Map.Entry<String, Integer> port : plan.ports().entrySet()) {
                Map.Entry<PortPlan, String> earlier = used.get(port.getValue());
                if (earlier != null && earlier.getKey() != plan) {
                    clashes.add(new Clash(plan, port.getKey(), port.getValue(), earlier.getKey(), earlier.getValue()));
                }
            }
            for (Map.Entry<String, Integer> port : plan.ports().entrySet()) {
                used.putIfAbsent(port.getValue(), Map.entry(plan, port.getKey()));
            }
        }
        return clashes;
    }
}
