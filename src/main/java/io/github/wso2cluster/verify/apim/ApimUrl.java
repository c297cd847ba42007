package io.github.wso2cluster.verify.apim;

import io.github.wso2cluster.product.ApimPort;
import io.github.wso2cluster.product.ApimWiring.Peer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One URL as a deployment.toml holds it ({@code tcp://tm1:5675}, {@code https://localhost:${mgt.transport.https.port}/services/}),
 * with the port variables WSO2's stock file uses resolved on the node that holds it (they are that node's own ports).
 */
record ApimUrl(String text, String host, int port) {
    private static final Pattern URL = Pattern.compile("^[a-zA-Z]+://(\\[[^\\]]+\\]|[^/:\\[]+)(?::([^/]+))?(/.*)?$");
    /** Names that reach only the node that opens the URL. */
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]", "0.0.0.0");

    /** Empty when the text is no URL or its port is neither a number nor a variable the node defines. */
    static Optional<ApimUrl> parse(String text, int ownOffset) {
        Matcher m = URL.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String port = m.group(2);
        Integer number = port == null ? null : port.matches("\\d{1,5}") ? Integer.valueOf(port) : variable(port, ownOffset);
        return number == null ? Optional.empty() : Optional.of(new ApimUrl(text, m.group(1).toLowerCase(Locale.ROOT), number));
    }

    /** The stock file's port variables: the node's own servlet and pass-through ports. */
    private static Integer variable(String port, int ownOffset) {
        return switch (port) {
            case "${mgt.transport.https.port}" -> ApimPort.SERVLET_HTTPS.on(ownOffset);
            case "${https.nio.port}" -> ApimPort.PASS_THROUGH_HTTPS.on(ownOffset);
            case "${http.nio.port}" -> ApimPort.PASS_THROUGH_HTTP.on(ownOffset);
            default -> null;
        };
    }

    boolean loopback() {
        return LOOPBACK.contains(host);
    }

    /** Whether the URL reaches the peer on the port: one of its names, or loopback when the peer opens the URL. */
    boolean reaches(Peer peer, ApimPort wanted, Peer self) {
        boolean named = peer.hosts().stream().anyMatch(h -> h.equalsIgnoreCase(host))
                || loopback() && peer.id().equals(self.id());
        return named && port == wanted.on(peer.offset());
    }

    /** The peer the URL reaches on the port, among all nodes. */
    Optional<Peer> peer(List<Peer> peers, ApimPort wanted, Peer self) {
        return peers.stream().filter(p -> reaches(p, wanted, self)).findFirst();
    }
}
