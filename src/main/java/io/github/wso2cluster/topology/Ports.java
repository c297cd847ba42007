package io.github.wso2cluster.topology;

import java.util.Optional;

/** Port numbers as WSO2 uses them, and the defaults of a stock Carbon 4.x distribution. */
public final class Ports {
    /** Stock HTTP connector port in catalina-server.xml. */
    public static final int STOCK_HTTP = 9763;
    /** Stock HTTPS connector port in catalina-server.xml. */
    public static final int STOCK_HTTPS = 9443;
    /** carbon.xml's stock JMX ports (Ports/JMX/RMIRegistryPort and RMIServerPort). */
    public static final int STOCK_JMX_REGISTRY = 9999;
    public static final int STOCK_JMX_SERVER = 11111;
    /** Stock Hazelcast member port (axis2.xml localMemberPort). */
    public static final int DEFAULT_MEMBER_PORT = 4000;

    private Ports() {
    }

    /** Parses a port number, 1 to 65535; empty for anything else. */
    public static Optional<Integer> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.length() > 5 || !trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int port = Integer.parseInt(trimmed);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }
}
