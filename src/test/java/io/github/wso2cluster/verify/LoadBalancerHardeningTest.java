package io.github.wso2cluster.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.config.NginxConfig;
import io.github.wso2cluster.testkit.BalancerBuilds;
import io.github.wso2cluster.testkit.BalancerBuilds.Built;
import io.github.wso2cluster.testkit.MariaDbServer;
import io.github.wso2cluster.testkit.NginxTest;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.verify.live.LiveLoadBalancer;
import io.github.wso2cluster.verify.live.PrivateNginx;
import io.github.wso2cluster.verify.report.VerifyResult;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What users hit on the load balancer: long names nginx's default hashes do not hold, two clusters whose domains
 * read alike in one nginx, a node's own host name nginx does not serve, IPv6 member hosts, a file that would make
 * the live nginx listen beyond loopback, and the nginx a killed build left running.
 */
class LoadBalancerHardeningTest {
    private static final Path ROOT = Path.of("target", "load-balancer-hardening").toAbsolutePath();

    /** A valid host name of exactly {@code length} characters. */
    private static String name(int length) {
        StringBuilder name = new StringBuilder();
        while (name.length() + 4 < length) {
            name.append("h".repeat(Math.min(50, length - 4 - name.length()))).append('.');
        }
        name.setLength(length - 4);
        return name.toString().replaceAll("\\.$", "h") + ".com";
    }

    private static Built build(String name, ClusterInput input) throws Exception {
        return BalancerBuilds.build(ROOT.resolve(name), input);
    }

    private static void assertAccepted(String name, String config) throws Exception {
        var result = BalancerBuilds.nginxTest(ROOT.resolve(name), config);
        assertTrue(result.ok(), name + ": nginx -t failed:\n" + result.output() + "\n" + config);
    }

    @Test
    void longHostNamesAndDomainsPassNginxTestAtTheMeasuredThresholds() throws Exception {
        NginxTest.nginx();
        // nginx's default server_names_hash_bucket_size (64) holds 46 characters: 47 and more need the file's own size.
        for (int length : new int[] {46, 47, 48, 110, 111, 200}) {
            ClusterInput input = BalancerBuilds.reference("route", ROOT.resolve("names-" + length).resolve("certs"));
            input.hostName = name(length);
            input.mgtHostName = "mgt." + name(length - 4);
            assertEquals(length, input.hostName.length());
            Built built = build("names-" + length, input);
            String config = built.config();
            assertEquals(length > 46, config.contains("server_names_hash_bucket_size"), config);
            assertEquals(length > 110, config.contains("server_names_hash_bucket_size 256;"), config);
            assertAccepted("names-" + length, config);
            if (length == 47) {
                // The threshold is nginx's: without the line the same file fails.
                String without = config.replaceAll("(?m)^server_names_hash_bucket_size .*\n", "");
                var refused = BalancerBuilds.nginxTest(ROOT.resolve("names-47-without"), without);
                assertFalse(refused.ok(), without);
                assertTrue(refused.output().contains("could not build server_names_hash"), refused.output());
            }
            assertEquals(0, new ClusterVerifier(built.balancer()).verify(built.nodes()).errors());
        }
        // The route variable $<prefix>_managers_https_route: nginx's default variables_hash_bucket_size holds 46
        // characters, so a prefix of 26 or more failed; the prefix now stays at 25 whatever the domain.
        for (String domain : new String[] {"a23456789012345678901234.d", "a234567890123456789012345.d",
                "wso2.application-server.production.domain", "x".repeat(200)}) {
            ClusterInput input = BalancerBuilds.reference("route", ROOT.resolve("domain").resolve("certs"));
            input.domain = domain;
            Built built = build("domain", input);
            String prefix = NginxConfig.prefix(domain);
            assertTrue(prefix.length() <= 25, prefix);
            assertTrue(built.config().contains("$" + prefix + "_managers_https_route"), built.config());
            assertAccepted("domain", built.config());
            if (domain.length() == 27) {
                String old = built.config().replace(prefix, "a234567890123456789012345_d");
                var refused = BalancerBuilds.nginxTest(ROOT.resolve("domain-26"), old);
                assertTrue(refused.output().contains("could not build variables_hash"), refused.output());
                assertAccepted("domain-25", built.config().replace(prefix, "a23456789012345678901234d"));
            }
        }
    }

    @Test
    void twoClustersWhoseDomainsReadAlikeShareOneNginx() throws Exception {
        NginxTest.nginx();
        ClusterInput first = BalancerBuilds.reference("route", ROOT.resolve("two").resolve("certs"));
        ClusterInput second = BalancerBuilds.reference("route", ROOT.resolve("two").resolve("certs"));
        second.domain = "wso2-as-domain";
        second.hostName = "as2.wso2.com";
        second.mgtHostName = "mgt.as2.wso2.com";
        String one = build("two-first", first).config();
        String two = build("two-second", second).config();
        assertFalse(NginxConfig.prefix("wso2.as.domain").equals(NginxConfig.prefix("wso2-as-domain")));
        assertFalse(NginxConfig.prefix("wso2.as.domain").equals(NginxConfig.prefix("WSO2.AS.DOMAIN")));
        // Two files in one http context, as two includes of conf.d/ put them.
        assertAccepted("two", one + "\n" + two);
    }

    @Test
    void aNodesOwnHostNameThatNginxDoesNotServeIsReported() throws Exception {
        ClusterInput input = BalancerBuilds.reference("route", ROOT.resolve("override").resolve("certs"));
        input.nodes.get(2).setHostName("w2.as.wso2.com");
        input.nodes.get(0).setMgtHostName("console.as.wso2.com");
        Built built = build("override", input);
        VerifyResult result = new ClusterVerifier(built.balancer()).verify(built.nodes());
        List<String> errors = result.findings().stream().filter(f -> f.check().equals("load-balancer"))
                .map(f -> f.node() + ": " + f.message()).toList();
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("worker2: this node's host name w2.as.wso2.com has no server"
                + " block of the load balancer")), errors.toString());
        // The only manager's name is the management name: the check for the cluster's names already says it.
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("manager: the load balancer has no HTTPS server block for"
                + " console.as.wso2.com")), errors.toString());
        assertFalse(errors.stream().anyMatch(e -> e.startsWith("worker1:")), errors.toString());
    }

    @Test
    void ipv6MemberHostsAreBracketedPassNginxTestAndBothChecks() throws Exception {
        ClusterInput input = BalancerBuilds.reference("route", ROOT.resolve("ipv6").resolve("certs"));
        input.nodes.get(0).setLocalMemberHost("fd00::2");
        input.nodes.get(1).setLocalMemberHost("fd00::3");
        Built built = build("ipv6", input);
        String config = built.config();
        assertTrue(config.contains("    server [fd00::3]:9763;  # worker1\n"), config);
        assertTrue(config.contains("    server [fd00::2]:9443;  # manager\n"), config);
        VerifyResult result = new ClusterVerifier(built.balancer()).verify(built.nodes());
        assertEquals(List.of(), result.findings().stream().filter(f -> f.check().equals("load-balancer")).toList(), result.text());
        NginxTest.nginx();
        assertAccepted("ipv6", config);
        LiveLoadBalancer.Outcome live = new LiveLoadBalancer().run(built.nodes(), built.balancer(), ROOT.resolve("ipv6").resolve("live"));
        assertNull(live.notApplicable());
        assertEquals(List.of(), live.findings(), live.summary());
    }

    @Test
    void theLiveCheckRefusesAFileThatWouldListenBeyondLoopback() throws Exception {
        NginxTest.nginx();
        Built built = build("listen", BalancerBuilds.reference("route", Path.of("/etc/nginx/ssl")));
        int sneaky = MariaDbServer.freePort();
        int wide = MariaDbServer.freePort();
        // What hostName 'as.wso2.com; listen <port>' wrote before validation, and a hand edit.
        String config = built.config().replaceFirst("server_name as\\.wso2\\.com;", "server_name as.wso2.com; listen " + sneaky + ";")
                .replaceFirst("    listen 443 ssl;\n    server_name mgt", "    listen 0.0.0.0:" + wide + " ssl;\n    server_name mgt");
        Path work = ROOT.resolve("listen").resolve("live");
        LiveLoadBalancer.Outcome outcome = new LiveLoadBalancer().run(built.nodes(), BalancerFacts.parse("nginx/wso2-cluster.conf",
                config), work);
        List<String> messages = outcome.findings().stream().map(Finding::message).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("listen " + sneaky + " is not on loopback"), messages.get(0));
        assertTrue(messages.get(0).contains("listen 0.0.0.0:" + wide + " ssl is not on loopback"), messages.get(0));
        assertTrue(outcome.summary().startsWith("nginx not started"), outcome.summary());
        assertFalse(Files.exists(work.resolve("nginx.pid")));
        for (int port : new int[] {sneaky, wide}) {
            try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, free.getLocalPort());
            }
        }
    }

    @Test
    void theNginxAKilledBuildLeftIsStoppedByTheNextLiveCheck() throws Exception {
        Path nginx = NginxTest.nginx();
        Built built = build("stale", BalancerBuilds.reference("none", Path.of("/etc/nginx/ssl")));
        Path work = ROOT.resolve("stale").resolve("live");
        // As a SIGKILLed build leaves it: the check's nginx on the check's folder, nobody to stop it.
        int port = MariaDbServer.freePort();
        Files.createDirectories(work.resolve("conf"));
        Files.createDirectories(work.resolve("temp"));
        Path site = Files.writeString(work.resolve("conf/wso2-cluster.conf"), "server {\n    listen 127.0.0.1:" + port
                + ";\n    return 200;\n}\n", StandardCharsets.UTF_8);
        Path main = Files.writeString(work.resolve("conf/nginx.conf"), PrivateNginx.mainConfig(work, site), StandardCharsets.UTF_8);
        Process stale = new ProcessBuilder(PrivateNginx.command(nginx, work, main)).redirectErrorStream(true)
                .redirectOutput(ROOT.resolve("stale").resolve("stale.out").toFile()).start();
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!accepts(port) || stale.toHandle().descendants().findAny().isEmpty()) {
                assertTrue(stale.isAlive() && System.nanoTime() < deadline, "the stale nginx did not start");
                Thread.sleep(20);
            }
            List<ProcessHandle> tree = new ArrayList<>(List.of(stale.toHandle()));
            stale.toHandle().descendants().forEach(tree::add);

            LiveLoadBalancer.Outcome outcome = new LiveLoadBalancer().run(built.nodes(), built.balancer(), work);
            assertEquals(List.of(), outcome.findings(), outcome.summary());
            for (ProcessHandle process : tree) {
                assertFalse(process.isAlive(), "the stale nginx " + process.pid() + " still runs");
            }
            assertFalse(accepts(port), "something still listens on " + port);
        } finally {
            stale.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            stale.destroyForcibly().waitFor();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
