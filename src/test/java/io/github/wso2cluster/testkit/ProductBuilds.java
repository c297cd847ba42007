package io.github.wso2cluster.testkit;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.archive.Distribution;
import io.github.wso2cluster.archive.EntryTimes;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.TopologyValidator;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Distributions of real products for the product-databases tests: the vendored sets of wso2-conf/ and wso2-toml/ with
 * the files of wso2-products/ laid over them (what recognises the product, the profile's own datasource files), built
 * and read as configure-cluster and verify-cluster do.
 */
public final class ProductBuilds {
    public static final Path CONF = Path.of("src/test/resources/wso2-conf");
    public static final Path TOML = Path.of("src/test/resources/wso2-toml");
    public static final Path PRODUCTS = Path.of("src/test/resources/wso2-products");

    private ProductBuilds() {
    }

    /** Identity Server 7.0.0 as its distribution has it: deployment.toml and rules, identity.xml, the login webapp. */
    public static ZipBuilder identityServer7() throws Exception {
        return ZipBuilder.create().folder(TOML.resolve("is-7.0.0"), "wso2is-7.0.0").folder(PRODUCTS.resolve("is-7.0.0"),
                "wso2is-7.0.0").file("wso2is-7.0.0/repository/components/plugins/hazelcast_5.3.6.wso2v1.jar",
                new byte[] {'P', 'K', 5, 6}, 0644);
    }

    /** Micro Integrator 4.3.0: conf/deployment.toml, its rules, bin/micro-integrator.sh and its cluster schema. */
    public static ZipBuilder microIntegrator() throws Exception {
        return ZipBuilder.create().folder(PRODUCTS.resolve("mi-4.3.0"), "wso2mi-4.3.0");
    }

    public static DatabaseInput database(String url, String user) {
        DatabaseInput database = new DatabaseInput(url, null);
        database.setUsername(user);
        database.setPassword("p&ss<word");
        return database;
    }

    /** Validates the POM against the distribution's product (as the Mojo does), then configures every node. */
    public static ClusterAssembly.Result build(ZipBuilder distribution, ClusterInput input, Path tmp, String name)
            throws Exception {
        Path zip = distribution.write(tmp.resolve(name + ".zip"));
        input.distributionProduct = Distribution.recognise(zip, input.confDirectory).orElseThrow();
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);
        return new ClusterAssembly(Reporter.SILENT).assemble(cluster, new ClusterAssembly.Request(zip, Digests.sha256(zip),
                null, new OutputLayout(tmp.resolve("out-" + name), "cluster"),
                new EntryTimes(Instant.parse("2026-01-01T00:00:00Z")), true, 2, "test"));
    }

    public static List<Path> zips(ClusterAssembly.Result result) {
        return result.zips().stream().map(z -> z.zip()).toList();
    }

    public static List<NodeFacts> read(List<Path> zips) {
        return new NodeReader(null).read(zips, Map.of());
    }
}
