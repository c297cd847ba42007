package io.github.wso2cluster.product;

/**
 * The API Manager ports one node opens for its peers, before its {@code [server] offset}. Every one of them shifts
 * with the offset: WSO2 enables {@code ws.use.port.offset} and {@code inbound.port.offset.enable}, so the WebSocket
 * and WebSub inbound endpoints shift too (PRODUCT-LINES.md 1.3).
 */
public enum ApimPort {
    SERVLET_HTTPS("https", 9443),
    BROKER("tcp", 5672),
    BINARY_TCP("tcp", 9611),
    BINARY_SSL("ssl", 9711),
    PASS_THROUGH_HTTP("http", 8280),
    PASS_THROUGH_HTTPS("https", 8243),
    WEBSOCKET("ws", 9099),
    SECURE_WEBSOCKET("wss", 8099),
    WEBSUB_HTTP("http", 9021),
    WEBSUB_HTTPS("https", 8021);

    private final String scheme;
    private final int base;

    ApimPort(String scheme, int base) {
        this.scheme = scheme;
        this.base = base;
    }

    public String scheme() {
        return scheme;
    }

    /** The port a node with this offset opens. */
    public int on(int offset) {
        return base + offset;
    }

    /** {@code tcp://cp-1:5675}, plus the path ({@code /services/}) where the URL has one. */
    public String url(String host, int offset, String path) {
        return scheme + "://" + host + ":" + on(offset) + path;
    }
}
