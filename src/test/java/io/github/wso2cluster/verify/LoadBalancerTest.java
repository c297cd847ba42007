package io.github.wso2cluster.verify;

import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.verify.live.LiveLoadBalancer;
import io.github.wso2cluster.verify.report.VerifyResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.BalancerBuilds;
import io.github.wso2cluster.testkit.BalancerBuilds.Built;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.NginxTest;
import io.github.wso2cluster.testkit.NodeZip;
import io.github.wso2cluster.testkit.TestClusters;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.LoadBalancerInput;
import io.github.wso2cluster.topology.input.NodeInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load balancer end to end on the sample distribution: the generated nginx configuration for the
 * reference, a co-hosted, a two-manager and a managers-only topology in each affinity mode passes the real
 * {@code nginx -t} (included from Debian 12's stock nginx.conf, everything under target/); the static
 * load-balancer check passes on what configure-cluster built and names what hand edits break; and the live
 * check routes real requests through a private nginx.
 */
class LoadBalancerTest {
    private static final Path ROOT = Path.of("target", "load-balancer-tests").toAbsolutePath();

    private static Built build(String name, ClusterInput input) throws Exception {
        return BalancerBuilds.build(ROOT.resolve(name), input);
    }

    /** Runs nginx -t on a built configuration, with real certificates where it names them. */
    private static void assertNginxAccepts(String name, Built built) throws Exception {
        var result = BalancerBuilds.nginxTest(ROOT.resolve(name), built.config());
        assertTrue(result.ok(), name + ": nginx -t failed:\n" + result.output() + "\n" + built.config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "hash", "none"})
    void theReferenceClusterInEachAffinityModePassesNginxTestAndTheStaticCheck(String affinity) throws Exception {
        String name = "reference-" + affinity;
        Built built = build(name, BalancerBuilds.reference(affinity, ROOT.resolve(name).resolve("certs")));
        String config = built.config();
        assertTrue(config.startsWith("# wso2-cluster.conf: the load balancer of the WSO2 cluster 'wso2.as.domain'"), config);
        assertTrue(config.contains("# sessionAffinity: " + affinity + "\n"), config);
        assertTrue(config.contains("upstream wso2_as_domain_eef5265d_workers_http {\n"), config);
        assertTrue(config.contains("    server 10.0.0.3:9763;  # worker1\n    server 10.0.0.4:9763;  # worker2\n}"), config);
        assertTrue(config.contains("upstream wso2_as_domain_eef5265d_managers_https {\n"), config);
        assertTrue(config.contains("    listen 443 ssl;\n    server_name mgt.as.wso2.com;\n"), config);
        assertTrue(config.contains("    return 301 https://$host$request_uri;\n"), config);
        assertTrue(config.contains("        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"), config);
        assertTrue(config.contains("        proxy_read_timeout 5m;\n        proxy_send_timeout 5m;\n"), config);
        for (String forbidden : List.of("sticky", "ssl on", "http2", "default_server", "gzip", "ssl_protocols", "sendfile")) {
            assertFalse(config.contains(forbidden), forbidden + " in\n" + config);
        }
        assertEquals(affinity.equals("hash"), config.contains("hash $cookie_JSESSIONID consistent;"), config);
        assertEquals(affinity.equals("route"), config.contains("map $cookie_JSESSIONID $wso2_as_domain_eef5265d_workers_http_route {\n"
                + "    ~\\.worker1$ wso2_as_domain_eef5265d_node_worker1_http;\n"), config);
        // The node side of the agreement: jvmRoute = node id, only with route.
        for (Path zip : built.zips()) {
            try (NodeZip node = NodeZip.open(zip.toFile())) {
                String id = node.properties("cluster/node.properties").getProperty("id");
                String route = node.attribute("repository/conf/tomcat/catalina-server.xml", "/Server/Service/Engine", "jvmRoute");
                assertEquals(affinity.equals("route") ? id : null, route, id);
            }
        }
        assertNginxAccepts(name, built);
        VerifyResult result = new ClusterVerifier(built.balancer()).verify(built.nodes());
        assertTrue(result.checks().contains("load-balancer"), result.checks().toString());
        assertEquals(0, result.errors() + result.warnings(), result.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "hash", "none"})
    void aCoHostedTwoManagerTopologyPassesNginxTestInEachAffinityMode(String affinity) throws Exception {
        // Two managers and three workers, a worker co-hosted with each manager on another port offset.
        String name = "co-hosted-" + affinity;
        ClusterInput coHosted = BalancerBuilds.reference(affinity, ROOT.resolve(name).resolve("certs"));
        NodeInput manager2 = Fixtures.node("manager2", "manager", "10.0.0.3", "4101");
        manager2.setPortOffset("1");
        NodeInput worker3 = Fixtures.node("worker3", "worker", "10.0.0.2", "4201");
        worker3.setPortOffset("2");
        coHosted.nodes = new ArrayList<>(coHosted.nodes);
        coHosted.nodes.add(1, manager2);
        coHosted.nodes.add(worker3);
        Built built = build(name, coHosted);
        String config = built.config();
        assertTrue(config.contains("    server 10.0.0.2:9443;  # manager\n    server 10.0.0.3:9444;  # manager2\n"), config);
        assertTrue(config.contains("    server 10.0.0.2:9765;  # worker3\n"), config);
        assertNginxAccepts(name, built);
        VerifyResult result = new ClusterVerifier(built.balancer()).verify(built.nodes());
        assertEquals(0, result.errors() + result.warnings(), result.text());
    }

    @Test
    void managersOnlyAndPlainHttpTopologiesPassNginxTest() throws Exception {
        // Managers only: hostName is served by the managers; one upstream each way, no separate management one.
        ClusterInput managersOnly = BalancerBuilds.reference("hash", ROOT.resolve("managers-only").resolve("certs"));
        managersOnly.nodes = new ArrayList<>(List.of(Fixtures.node("m1", "manager", "10.0.1.1", "4000"),
                Fixtures.node("m2", "manager", "10.0.1.2", "4000")));
        managersOnly.deploymentSynchronizer = null;
        Built managers = build("managers-only", managersOnly);
        assertFalse(managers.config().contains("_workers_"), managers.config());
        assertEquals(1, managers.config().split("upstream wso2_as_domain_eef5265d_managers_https ").length - 1, managers.config());
        assertNginxAccepts("managers-only", managers);
        VerifyResult result = new ClusterVerifier(managers.balancer()).verify(managers.nodes());
        assertEquals(List.of(), result.findings().stream().filter(f -> f.check().equals("load-balancer")).toList(), result.text());

        // Plain HTTP only, no management host: no ssl anywhere, no certificates needed.
        ClusterInput plain = TestClusters.referenceInput();
        plain.mgtHostName = null;
        plain.proxyPorts = new ProxyPortsInput("8080", null);
        plain.loadBalancer = new LoadBalancerInput();
        Built http = build("http-only", plain);
        assertFalse(http.config().contains("ssl"), http.config());
        assertTrue(http.config().contains("    listen 8080;\n"), http.config());
        assertNginxAccepts("http-only", http);
    }

    private static void editZip(Built built, String nodeId, String file, UnaryOperator<String> change) throws Exception {
        built.editZip(nodeId, file, change);
    }

    @Test
    void theStaticCheckNamesMissingOrRepeatedRoutesWrongProxyPortsAndUpstreamMistakes() throws Exception {
        Built built = build("static-broken", BalancerBuilds.reference("route", ROOT.resolve("static-broken").resolve("certs")));
        String catalina = "repository/conf/tomcat/catalina-server.xml";
        editZip(built, "worker1", catalina, t -> t.replace(" jvmRoute=\"worker1\"", ""));
        editZip(built, "worker2", catalina, t -> t.replace("jvmRoute=\"worker2\"", "jvmRoute=\"manager\"")
                .replace("proxyPort=\"443\"", "proxyPort=\"8443\""));
        String config = built.config()
                .replace("    server 10.0.0.3:9443;  # worker1\n", "    server 10.0.0.3:9443;  # worker1\n    server 10.0.0.2:9443;\n")
                .replace("    server 10.0.0.4:9763;  # worker2\n", "    server 10.0.0.4:9763;\n    server 10.0.0.4:9763;\n");
        VerifyResult result = new ClusterVerifier(BalancerFacts.parse("nginx/wso2-cluster.conf", config)).verify(built.nodes());
        List<String> worker1 = errors(result, "worker1");
        assertTrue(worker1.stream().anyMatch(e -> e.startsWith(catalina + ":") && e.contains("the <Engine> has no jvmRoute,"
                + " but the load balancer keeps sessions by route")), worker1.toString());
        List<String> worker2 = errors(result, "worker2");
        assertTrue(worker2.stream().anyMatch(e -> e.contains("jvmRoute 'manager' is also node 'manager''s")), worker2.toString());
        assertTrue(worker2.stream().anyMatch(e -> e.contains("proxyPort 8443 on the HTTPS connector, but the load balancer"
                + " listens on [443]")), worker2.toString());
        assertTrue(worker2.stream().anyMatch(e -> e.contains("lists 10.0.0.4:9763 twice")), worker2.toString());
        List<String> manager = errors(result, "manager");
        assertTrue(manager.stream().anyMatch(e -> e.startsWith("nginx/wso2-cluster.conf:") && e.contains("is in upstream"
                + " wso2_as_domain_eef5265d_workers_https, which serves as.wso2.com to the workers only")), manager.toString());
    }

    private static List<String> errors(VerifyResult result, String node) {
        return result.of(node, "load-balancer").stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::located).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"route", "hash", "none"})
    void theLiveCheckRoutesRealRequestsThroughAPrivateNginx(String affinity) throws Exception {
        NginxTest.nginx();
        String name = "live-" + affinity;
        Built built = build(name, BalancerBuilds.reference(affinity, Path.of("/etc/nginx/ssl")));
        long start = System.nanoTime();
        LiveLoadBalancer.Outcome outcome = new LiveLoadBalancer().run(built.nodes(), built.balancer(),
                ROOT.resolve(name).resolve("live"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertNull(outcome.notApplicable());
        assertEquals(List.of(), outcome.findings(), outcome.summary());
        assertTrue(outcome.summary().endsWith("every request reached the nodes it should"), outcome.summary());
        // hostName over HTTP and HTTPS (4 each, plus a session per worker each way, or 3 hash probes), the
        // management host's redirect, and its HTTPS (4, plus the manager's session).
        int requests = Integer.parseInt(outcome.summary().substring(0, outcome.summary().indexOf(' ')));
        assertEquals(switch (affinity) { case "route" -> 4 + 2 + 4 + 2 + 1 + 4 + 1; case "hash" -> 4 + 3 + 4 + 3 + 1 + 4 + 3;
            default -> 4 + 4 + 1 + 4; }, requests, outcome.summary());
        assertTrue(seconds < 5, "took " + seconds + " s");
        assertNoNginxLeft(ROOT.resolve(name).resolve("live"));
    }

    @Test
    void theLiveCheckCatchesAMisroutedSessionAndAManagerServingTheWorkersHost() throws Exception {
        NginxTest.nginx();
        Built built = build("live-broken", BalancerBuilds.reference("route", Path.of("/etc/nginx/ssl")));
        // worker2's Tomcat says its sessions are worker1's: the balancer sends them to worker1.
        editZip(built, "worker2", "repository/conf/tomcat/catalina-server.xml",
                t -> t.replace("jvmRoute=\"worker2\"", "jvmRoute=\"worker1\""));
        String config = built.config().replace("    server 10.0.0.4:9763;  # worker2\n", "    server 10.0.0.2:9763;  # manager\n");
        LiveLoadBalancer.Outcome outcome = new LiveLoadBalancer().run(built.nodes(),
                BalancerFacts.parse("nginx/wso2-cluster.conf", config), ROOT.resolve("live-broken").resolve("live"));
        List<String> messages = outcome.findings().stream().map(f -> f.node() + ": " + f.message()).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("worker1: as.wso2.com (HTTP 80) with a session of 'worker2'"
                + " reached 'worker1', expected 'worker2'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("manager: as.wso2.com (HTTP 80) reached 'manager', expected"
                + " [worker1, worker2]")), messages.toString());
        assertTrue(outcome.summary().contains("wrong"), outcome.summary());
        assertNoNginxLeft(ROOT.resolve("live-broken").resolve("live"));
    }

    private static void assertNoNginxLeft(Path prefix) throws Exception {
        Path pid = prefix.resolve("nginx.pid");
        if (Files.isRegularFile(pid)) {
            long id = Long.parseLong(Files.readString(pid).trim());
            assertFalse(ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false), "nginx " + id + " still runs");
        }
    }
}
