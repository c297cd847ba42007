package io.github.wso2cluster.config;

import io.github.wso2cluster.topology.Ports;
import io.github.wso2cluster.topology.ProxyPorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * catalina-server.xml: {@code proxyPort} on the plain HTTP and the HTTPS connector, and the connectors'
 * ports as the node will really open them (after carbon.xml's offset).
 */
public final class CatalinaConfigurer {

    /** The two web ports of a node, after its offset. */
    public record WebPorts(int http, int https) {
    }

    public void configure(XmlEditor editor, ProxyPorts proxyPorts) throws ConfigFileException {
        if (proxyPorts == null) {
            return;
        }
        XmlSource source = editor.source();
        if (proxyPorts.http() != null) {
            XmlElement http = find(source, false);
            editor.setAttribute(http, "proxyPort", String.valueOf(proxyPorts.http()));
        }
        if (proxyPorts.https() != null) {
            XmlElement https = find(source, true);
            editor.setAttribute(https, "proxyPort", String.valueOf(proxyPorts.https()));
        }
    }

    /** The node's HTTP and HTTPS ports: the connectors' {@code port} plus the offset (stock ports if unreadable). */
    public static WebPorts webPorts(XmlSource source, int offset) {
        if (source == null) {
            return new WebPorts(Ports.STOCK_HTTP + offset, Ports.STOCK_HTTPS + offset);
        }
        int http = port(connectors(source, false), Ports.STOCK_HTTP);
        int https = port(connectors(source, true), Ports.STOCK_HTTPS);
        return new WebPorts(http + offset, https + offset);
    }

    private static int port(List<XmlElement> connectors, int fallback) {
        if (connectors.isEmpty()) {
            return fallback;
        }
        return Ports.parse(connectors.get(0).attributeValue("port")).orElse(fallback);
    }

    private static XmlElement find(XmlSource source, boolean secure) throws ConfigFileException {
        List<XmlElement> found = connectors(source, secure);
        if (found.isEmpty()) {
            throw new ConfigFileException(source.fileName() + ": has no " + (secure ? "HTTPS" : "plain HTTP")
                    + " <Connector> under <Server>/<Service> to set proxyPort on; remove proxyPorts/"
                    + (secure ? "https" : "http") + " or restore the stock connector");
        }
        return found.get(0);
    }

    /** The active HTTP(S) connectors: HTTPS ones have SSLEnabled="true" or scheme="https"; AJP ones are neither. */
    public static List<XmlElement> connectors(XmlSource source, boolean secure) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement service : source.root().children("Service")) {
            for (XmlElement connector : service.children("Connector")) {
                String protocol = String.valueOf(connector.attributeValue("protocol")).toUpperCase(Locale.ROOT);
                if (protocol.contains("AJP")) {
                    continue;
                }
                if (isSecure(connector) == secure) {
                    found.add(connector);
                }
            }
        }
        return found;
    }

    public static boolean isSecure(XmlElement connector) {
        return "true".equalsIgnoreCase(connector.attributeValue("SSLEnabled"))
                || "https".equalsIgnoreCase(connector.attributeValue("scheme"));
    }
}
