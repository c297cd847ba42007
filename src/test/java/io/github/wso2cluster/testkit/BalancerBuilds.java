package io.github.wso2cluster.testkit;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.output.AtomicFiles;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.LoadBalancerInput;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Clusters with a load balancer, built by the plugin's core on the sample distribution, for the load-balancer tests. */
public final class BalancerBuilds {
    private BalancerBuilds() {
    }

    /** What configure-cluster made: the node zips and the nginx configuration. */
    public record Built(Cluster cluster, List<Path> zips, Path nginx) {
        public String config() throws Exception {
            return Files.readString(nginx, StandardCharsets.UTF_8);
        }

        public List<NodeFacts> nodes() {
            return new NodeReader(null).read(zips, Map.of());
        }

        public BalancerFacts balancer() throws Exception {
            return BalancerFacts.parse("nginx/wso2-cluster.conf", config());
        }

        /** Rewrites one entry of one node's zip. */
        public void editZip(String nodeId, String file, UnaryOperator<String> change) throws Exception {
            Path zip = zips.stream().filter(z -> z.getFileName().toString().equals("cluster-" + nodeId + ".zip"))
                    .findFirst().orElseThrow();
            TestClusters.editEntry(zip, file, change);
        }
    }

    /** The reference cluster with a load balancer in {@code affinity}, its certificates named under {@code certificates}. */
    public static ClusterInput reference(String affinity, Path certificates) {
        ClusterInput input = TestClusters.referenceInput();
        input.loadBalancer = new LoadBalancerInput();
        input.loadBalancer.setSessionAffinity(affinity);
        input.loadBalancer.setSslCertificate(certificates.resolve("as.crt").toString());
        input.loadBalancer.setSslCertificateKey(certificates.resolve("as.key").toString());
        input.loadBalancer.setMgtSslCertificate(certificates.resolve("mgt.crt").toString());
        input.loadBalancer.setMgtSslCertificateKey(certificates.resolve("mgt.key").toString());
        return input;
    }

    /** Validates {@code input} and assembles it in {@code folder} (emptied first). */
    public static Built build(Path folder, ClusterInput input) throws Exception {
        AtomicFiles.deleteTree(folder);
        Files.createDirectories(folder);
        Path zip = ZipBuilder.create().folder(ZipBuilder.sampleDistribution(), "wso2as-5.2.1").write(folder.resolve("dist.zip"));
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
        ClusterAssembly.Result result = new ClusterAssembly(Reporter.SILENT).assemble(cluster, new ClusterAssembly.Request(zip,
                Digests.sha256(zip), null, new OutputLayout(folder.resolve("out"), "cluster"),
                new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true, 2, "test"));
        return new Built(cluster, result.zips().stream().map(z -> z.zip()).toList(), result.nginxConfig());
    }

    /** Runs the real nginx -t on a built configuration, with real certificates at the paths it names. */
    public static PrivateNginxResult nginxTest(Path folder, String config) throws Exception {
        NginxTest.nginx();
        Path certificates = folder.resolve("certs");
        if (!Files.isRegularFile(certificates.resolve("as.crt"))) {
            NginxTest.certificate(certificates, "as");
            NginxTest.certificate(certificates, "mgt");
        }
        var result = NginxTest.test(folder.resolve("nginx"), config);
        return new PrivateNginxResult(result.ok() && result.output().contains("test is successful"), result.output());
    }

    /** Whether nginx -t accepted the file, and what it said. */
    public record PrivateNginxResult(boolean ok, String output) {
    }
}
