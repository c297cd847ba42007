package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.Ports;
import io.github.wso2cluster.topology.ProxyPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * catalina-server.xml, the one place that knows where its values stand: the plain HTTP and the HTTPS
 * connector, their {@code port} and {@code proxyPort}. configure-cluster edits through it and verify-cluster
 * reads through it, so both look at the same connectors.
 */
public final class CatalinaServer {
    public static final String PROXY_PORT = "proxyPort";
    public static final String JVM_ROUTE = "jvmRoute";
    private static final String PORT = "port";

    private final XmlSource source;

    public CatalinaServer(XmlSource source) {
        this.source = source;
    }

    /** The two web ports of a node, after its offset. */
    public record WebPorts(int http, int https) {
    }

    /** Sets {@code proxyPort} on the first plain HTTP and HTTPS connector, as configured. */
    public void configure(XmlEditor editor, ProxyPorts proxyPorts) throws ConfigFileException {
        if (proxyPorts == null) {
            return;
        }
        if (proxyPorts.http() != null) {
            editor.setAttribute(required(false), PROXY_PORT, String.valueOf(proxyPorts.http()));
        }
        if (proxyPorts.https() != null) {
            editor.setAttribute(required(true), PROXY_PORT, String.valueOf(proxyPorts.https()));
        }
    }

    /**
     * Sets Tomcat's {@code jvmRoute} on the {@code <Engine>}: Tomcat then ends every session id with
     * {@code .<route>}, which the load balancer maps back to this node (session affinity {@code route}).
     */
    public void configureRoute(XmlEditor editor, String route) throws ConfigFileException {
        XmlElement engine = engine().orElseThrow(() -> new ConfigFileException(source.fileName() + ": has no <Engine>"
                + " under <Server>/<Service> to set jvmRoute on; restore the stock <Engine name=\"Catalina\">, or set"
                + " loadBalancer/sessionAffinity to hash or none"));
        editor.setAttribute(engine, JVM_ROUTE, route);
    }

    /** The first {@code <Engine>}, whose {@code jvmRoute} Tomcat appends to session ids. */
    public Optional<XmlElement> engine() {
        for (XmlElement service : source.root().children("Service")) {
            Optional<XmlElement> engine = service.child("Engine");
            if (engine.isPresent()) {
                return engine;
            }
        }
        return Optional.empty();
    }

    /** The node's HTTP and HTTPS ports: the connectors' {@code port} plus the offset (stock ports if unreadable). */
    public static WebPorts webPorts(XmlSource source, int offset) {
        if (source == null) {
            return new WebPorts(Ports.STOCK_HTTP + offset, Ports.STOCK_HTTPS + offset);
        }
        CatalinaServer server = new CatalinaServer(source);
        return new WebPorts(server.port(false, Ports.STOCK_HTTP) + offset, server.port(true, Ports.STOCK_HTTPS) + offset);
    }

    private int port(boolean secure, int fallback) {
        return connector(secure).flatMap(c -> Ports.parse(c.attributeValue(PORT))).orElse(fallback);
    }

    private XmlElement required(boolean secure) throws ConfigFileException {
        return connector(secure).orElseThrow(() -> new ConfigFileException(source.fileName() + ": has no "
                + (secure ? "HTTPS" : "plain HTTP") + " <Connector> under <Server>/<Service> to set proxyPort on; remove"
                + " proxyPorts/" + (secure ? "https" : "http") + " or restore the stock connector"));
    }

    /** The connector whose {@code proxyPort} counts: the first plain HTTP (or HTTPS) one. */
    public Optional<XmlElement> connector(boolean secure) {
        List<XmlElement> found = connectors(secure);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The connector's {@code proxyPort}, or null when it has none. */
    public static String proxyPort(XmlElement connector) {
        return connector.attributeValue(PROXY_PORT);
    }

    /** The active HTTP(S) connectors: HTTPS ones have SSLEnabled="true" or scheme="https"; AJP ones are neither. */
    public List<XmlElement> connectors(boolean secure) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement service : source.root().children("Service")) {
            for (XmlElement connector : service.children("Connector")) {
                String protocol = String.valueOf(connector.attributeValue("protocol")).toUpperCase(Locale.ROOT);
                if (!protocol.contains("AJP") && isSecure(connector) == secure) {
                    found.add(connector);
                }
            }
        }
        return found;
    }

    private static boolean isSecure(XmlElement connector) {
        return "true".equalsIgnoreCase(connector.attributeValue("SSLEnabled"))
                || "https".equalsIgnoreCase(connector.attributeValue("scheme"));
    }

    /** Where the cluster depends on a value: every connector, and the Engine's start tag (its jvmRoute). */
    public List<XmlElement> clusterValues() {
        List<XmlElement> all = new ArrayList<>(connectors(false));
        all.addAll(connectors(true));
        return all;
    }
}
