package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.LoadBalancerCheck;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.product.Located;
import io.github.wso2cluster.verify.facts.NodeFacts;
import com.sun.net.httpserver.HttpServer;
import io.github.wso2cluster.output.AtomicFiles;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.wso2cluster.topology.SessionAffinity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The live load-balancer check: the generated configuration on a private nginx, every node address mapped onto
 * loopback by the same table as the Hazelcast check, a small HTTP(S) responder per node port answering with its
 * node id, and requests through nginx: {@code hostName} reaches the workers only, {@code mgtHostName} the
 * managers only (its plain port redirects to HTTPS), and a session cookie ending in a node's own
 * {@code jvmRoute} reaches that node (with {@code hash}, one cookie stays on one node). nginx and every
 * responder are stopped at the end, pass, fail or interruption.
 */
public final class LiveLoadBalancer implements LiveCheck {
    public static final String CHECK = "live-load-balancer";
    private static final String NODE_HEADER = "X-WSO2-Cluster-Node";

    /** What the check saw; {@code notApplicable} says why it did not run. */
    public record Outcome(List<Finding> findings, String summary, String notApplicable) {
    }

    private record Reply(int status, String node, String location) {
    }

    @Override
    public String name() {
        return CHECK;
    }

    /** The configuration this build generated on a private nginx under the work folder's {@code live-nginx}. */
    @Override
    public LiveOutcome check(List<NodeFacts> nodes, LiveContext context) throws IOException, InterruptedException {
        if (context.balancer() == null) {
            return LiveOutcome.notApplicable(context.noBalancer());
        }
        Outcome outcome = run(nodes, context.balancer(), context.work().resolve("live-nginx"));
        return outcome.notApplicable() != null ? LiveOutcome.notApplicable(outcome.notApplicable())
                : LiveOutcome.ran(outcome.findings(), CHECK + ": " + outcome.summary());
    }

    /** @param work a folder under {@code target/} for nginx's prefix and the certificates (emptied first) */
    public Outcome run(List<NodeFacts> nodes, BalancerFacts balancer, Path work)
            throws IOException, InterruptedException {
        Optional<Path> nginx = Executables.find("nginx");
        if (nginx.isEmpty()) {
            return new Outcome(List.of(), "", "no nginx binary on the PATH (Debian: apt-get install nginx-light)");
        }
        boolean tls = balancer.sites().stream().anyMatch(BalancerFacts.Site::ssl);
        Optional<Path> openssl = Executables.find("openssl");
        if (tls && openssl.isEmpty()) {
            return new Outcome(List.of(), "", "no openssl binary on the PATH to make the test certificates");
        }
        long start = System.nanoTime();
        // A build killed while its nginx ran left it running, listening: stop it (only if it is really ours).
        PrivateNginx.stopStale(work);
        AtomicFiles.deleteTree(work);
        Files.createDirectories(work.resolve("conf"));
        SSLContext serverTls = tls ? LiveCertificates.make(openssl.get(), work) : null;

        LoopbackPlan plan = new LoopbackPlan(nodes);
        Map<String, NodeFacts> owners = new LinkedHashMap<>();
        Set<String> secureAddresses = new LinkedHashSet<>();
        for (NodeFacts node : nodes) {
            node.webAddress(false).ifPresent(a -> owners.put(a, node));
            node.webAddress(true).ifPresent(a -> {
                owners.put(a, node);
                secureAddresses.add(a);
            });
        }
        Map<Integer, Integer> listens = new LinkedHashMap<>();
        String rewritten = LoopbackConfig.rewrite(balancer.text(), plan, listens, work);
        List<String> unsafe = LoopbackConfig.problems(balancer.file() + " (live copy)", rewritten);
        if (!unsafe.isEmpty()) {
            List<Finding> refused = new ArrayList<>();
            String why = "the live check starts nginx on loopback only, and this file would listen on or reach other"
                    + " addresses: " + String.join("; ", unsafe) + "; rebuild it with configure-cluster";
            nodes.forEach(n -> refused.add(new Finding(Severity.ERROR, CHECK, n.name(), balancer.file(), 0, why)));
            return new Outcome(refused, "nginx not started: the file does not stay on loopback", null);
        }
        Files.writeString(work.resolve("conf/wso2-cluster.conf"), rewritten, StandardCharsets.UTF_8);
        Files.writeString(work.resolve("conf/nginx.conf"), PrivateNginx.mainConfig(work, work.resolve("conf/wso2-cluster.conf")),
                StandardCharsets.UTF_8);

        List<HttpServer> responders = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        int requests = 0;
        try {
            for (List<BalancerFacts.Server> servers : balancer.upstreams().values()) {
                for (BalancerFacts.Server server : servers) {
                    String address = server.address();
                    int port = LoopbackConfig.port(plan, address);
                    if (responders.stream().anyMatch(r -> r.getAddress().getPort() == port)) {
                        continue;
                    }
                    NodeFacts owner = owners.get(address);
                    responders.add(responder(port, owner == null ? "no node" : owner.name(),
                            secureAddresses.contains(address) ? serverTls : null));
                }
            }
            try (PrivateNginx running = PrivateNginx.start(nginx.get(), work, work.resolve("conf/nginx.conf"), listens.values())) {
                requests = probe(nodes, balancer, listens, findings);
            } catch (IOException e) {
                for (NodeFacts node : nodes) {
                    findings.add(new Finding(Severity.ERROR, CHECK, node.name(), balancer.file(), 0, e.getMessage()));
                }
            }
        } finally {
            responders.forEach(r -> r.stop(0));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        String summary = String.format(java.util.Locale.ROOT, "%d requests through a private nginx in %.1f s: %s", requests,
                seconds, failed == 0 ? "every request reached the nodes it should" : failed + " wrong");
        return new Outcome(findings, summary, null);
    }

    /** Sends the requests and records what went wrong; returns how many were sent. */
    private int probe(List<NodeFacts> nodes, BalancerFacts balancer, Map<Integer, Integer> listens, List<Finding> findings)
            throws IOException {
        LoadBalancerCheck.Sites roles = LoadBalancerCheck.Sites.of(nodes);
        List<NodeFacts> managers = roles.managers();
        List<NodeFacts> served = roles.served();
        Optional<String> hostName = roles.hostName();
        Optional<String> mgtHostName = roles.mgtHostName();
        int sent = 0;
        for (BalancerFacts.Site site : balancer.sites()) {
            Integer local = listens.get(site.listen());
            if (local == null || site.name() == null) {
                continue;
            }
            boolean management = mgtHostName.isPresent() && mgtHostName.get().equals(site.name());
            boolean front = hostName.isPresent() && hostName.get().equals(site.name());
            if (!management && !front) {
                continue;
            }
            List<NodeFacts> expected = management ? managers : served;
            String what = site.name() + " (" + (site.ssl() ? "HTTPS" : "HTTP") + " " + site.listen() + ")";
            if (site.target() == null) {
                Reply reply = get(local, site.ssl(), site.name(), null);
                sent++;
                if (reply.status() != 301 || reply.location() == null || !reply.location().startsWith("https://")) {
                    fail(findings, expected.get(0), balancer, site, what + " answered " + reply.status()
                            + " instead of a redirect (301) to HTTPS");
                }
                continue;
            }
            for (int i = 0; i < Math.max(4, 2 * expected.size()); i++) {
                Reply reply = get(local, site.ssl(), site.name(), null);
                sent++;
                check(findings, nodes, expected, balancer, site, what, reply, null);
            }
            if (balancer.affinity() == SessionAffinity.ROUTE) {
                for (NodeFacts node : expected) {
                    Located route = node.settings().jvmRoute();
                    if (!route.present()) {
                        fail(findings, node, balancer, site, "has no jvmRoute, so its sessions cannot be routed home");
                        continue;
                    }
                    Reply reply = get(local, site.ssl(), site.name(), "LIVECHECK0123456789." + route.value());
                    sent++;
                    check(findings, nodes, List.of(node), balancer, site, what + " with a session of '" + node.name() + "'",
                            reply, node);
                }
            } else if (balancer.affinity() == SessionAffinity.HASH) {
                Set<String> reached = new LinkedHashSet<>();
                for (int i = 0; i < 3; i++) {
                    reached.add(get(local, site.ssl(), site.name(), "LIVECHECK-HASH-0001").node());
                    sent++;
                }
                if (reached.size() != 1) {
                    fail(findings, expected.get(0), balancer, site, what + ": one session cookie reached " + reached
                            + "; hash affinity must keep it on one node");
                }
            }
        }
        return sent;
    }

    private static void check(List<Finding> findings, List<NodeFacts> nodes, List<NodeFacts> expected, BalancerFacts balancer,
                              BalancerFacts.Site site, String what, Reply reply, NodeFacts sessionOwner) {
        boolean ok = reply.status() == 200 && expected.stream().anyMatch(n -> n.name().equals(reply.node()));
        if (ok) {
            return;
        }
        NodeFacts blamed = nodes.stream().filter(n -> n.name().equals(reply.node())).findFirst()
                .orElse(sessionOwner != null ? sessionOwner : expected.get(0));
        fail(findings, blamed, balancer, site, what + " reached " + (reply.node() == null ? "no node (HTTP " + reply.status() + ")"
                : "'" + reply.node() + "'") + ", expected " + (sessionOwner != null ? "'" + sessionOwner.name() + "'"
                : expected.stream().map(NodeFacts::name).toList().toString()));
    }

    private static void fail(List<Finding> findings, NodeFacts node, BalancerFacts balancer, BalancerFacts.Site site, String message) {
        Finding finding = new Finding(Severity.ERROR, CHECK, node.name(), balancer.file(), site.line(), message);
        if (!findings.contains(finding)) {
            findings.add(finding);
        }
    }

    /** One plain HTTP/1.1 request over a socket (a client may not set Host otherwise); TLS trusts the test certificate. */
    private static Reply get(int port, boolean tls, String host, String session) throws IOException {
        Socket socket = tls ? LiveCertificates.trusting().getSocketFactory().createSocket() : new Socket();
        try (socket) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            socket.setSoTimeout(3000);
            if (socket instanceof SSLSocket ssl) {
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(host)));
                ssl.setSSLParameters(parameters);
                ssl.startHandshake();
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\n" + (session == null ? "" : "Cookie: JSESSIONID=" + session + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            String[] lines = response.split("\r\n");
            int status = lines.length > 0 && lines[0].split(" ").length > 1 ? Integer.parseInt(lines[0].split(" ")[1]) : 0;
            String node = null;
            String location = null;
            for (String line : lines) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.regionMatches(true, 0, NODE_HEADER + ":", 0, NODE_HEADER.length() + 1)) {
                    node = line.substring(NODE_HEADER.length() + 1).trim();
                } else if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    location = line.substring(9).trim();
                }
            }
            return new Reply(status, node, location);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    /** A responder for one node port: answers every request with the node's id, in a header and the body. */
    private static HttpServer responder(int port, String node, SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server;
        if (tls != null) {
            HttpsServer https = HttpsServer.create(address, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        } else {
            server = HttpServer.create(address, 16);
        }
        byte[] body = (node + "\n").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add(NODE_HEADER, node);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
