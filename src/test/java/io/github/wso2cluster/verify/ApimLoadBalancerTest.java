package io.github.wso2cluster.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.testkit.ApimClusters;
import io.github.wso2cluster.testkit.BalancerBuilds;
import io.github.wso2cluster.testkit.NodeZip;
import io.github.wso2cluster.testkit.ProductBuilds;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.LoadBalancerInput;
import io.github.wso2cluster.topology.input.ProxyPortsInput;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.verify.report.VerifyResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlTable;

/**
 * API Manager 4.1.0's load balancer follows the roles: hostName round robin over the gateways' pass-through ports,
 * mgtHostName over the control planes' 9443 + offset with hash affinity (the deployment.toml default); nginx -t
 * accepts it, the static load-balancer and apim-wiring checks pass, and the control planes publish the balanced
 * host as the gateway environment's endpoints.
 */
class ApimLoadBalancerTest {
    private static final Path ROOT = Path.of("target", "load-balancer-tests", "apim").toAbsolutePath();

    @Test
    void hostNameReachesTheGatewaysAndMgtHostNameTheControlPlanes() throws Exception {
        AtomicFiles.deleteTree(ROOT);
        Files.createDirectories(ROOT);
        Path certs = ROOT.resolve("certs");
        ClusterInput input = ApimClusters.distributed("4.1.0");
        input.hostName = "gw.example.com";
        input.mgtHostName = "cp.example.com";
        input.proxyPorts = new ProxyPortsInput("80", "443");
        input.loadBalancer = new LoadBalancerInput();
        input.loadBalancer.setSslCertificate(certs.resolve("as.crt").toString());
        input.loadBalancer.setSslCertificateKey(certs.resolve("as.key").toString());
        input.loadBalancer.setMgtSslCertificate(certs.resolve("mgt.crt").toString());
        input.loadBalancer.setMgtSslCertificateKey(certs.resolve("mgt.key").toString());
        ZipBuilder am = ZipBuilder.create().folder(ProductBuilds.TOML.resolve("apim-4.1.0"), "wso2am-4.1.0");
        ClusterAssembly.Result built = ProductBuilds.build(am, input, ROOT, "am");
        String config = Files.readString(built.nginxConfig(), StandardCharsets.UTF_8);

        assertTrue(config.contains("# sessionAffinity: hash (gw.example.com: none)\n"), config);
        String gateways = config.substring(config.indexOf("upstream gw_example_com_"), config.indexOf("}", config.indexOf(
                "upstream gw_example_com_")));
        assertTrue(gateways.contains("_workers_http {\n    server 10.0.0.3:8280;  # gw1\n"), config);
        assertFalse(gateways.contains("hash"), "API calls carry no session: round robin\n" + config);
        assertTrue(config.contains("_workers_https {\n    server 10.0.0.3:8243;  # gw1\n}"), config);
        assertTrue(config.contains("_managers_https {\n    hash $cookie_JSESSIONID consistent;\n    server 10.0.0.1:9443;  # cp1\n"
                + "    server 10.0.0.2:9444;  # cp2\n}"), config);
        assertFalse(config.contains("10.0.0.4"), "a traffic manager serves neither name\n" + config);
        var nginx = BalancerBuilds.nginxTest(ROOT, config);
        assertTrue(nginx.ok(), nginx.output() + "\n" + config);

        VerifyResult result = new ClusterVerifier(BalancerFacts.parse("nginx/wso2-cluster.conf", config))
                .verify(ProductBuilds.read(ProductBuilds.zips(built)));
        assertTrue(result.checks().contains("load-balancer"), result.text());
        // (shared-state reports the stock H2 databases: this test gives no <databases>)
        assertEquals(java.util.List.of(), result.findings().stream().filter(f -> f.check().equals("load-balancer")
                || f.check().equals("apim-wiring")).toList(), result.text());
        // The gateway behind its servlet port instead of its pass-through one: API calls would reach no API.
        String wrong = config.replace("server 10.0.0.3:8243;", "server 10.0.0.3:9443;");
        VerifyResult miswired = new ClusterVerifier(BalancerFacts.parse("nginx/wso2-cluster.conf", wrong))
                .verify(ProductBuilds.read(ProductBuilds.zips(built)));
        assertTrue(miswired.of("gw1", "load-balancer").stream().anyMatch(f -> f.message().contains("serves gw.example.com"
                + " to the gateways: add 'server 10.0.0.3:8243;'")), miswired.text());
        try (NodeZip cp = NodeZip.open(built.zips().get(0).zip().toFile())) {
            TomlTable env = Toml.parse(cp.text("repository/conf/deployment.toml")).getArray("apim.gateway.environment")
                    .getTable(0);
            assertEquals("https://gw.example.com:443", env.getString("https_endpoint"));
            assertEquals("http://gw.example.com:80", env.getString("http_endpoint"));
            assertEquals("wss://gw1.example:8099", env.getString("wss_endpoint"));
        }
    }
}
