package io.github.wso2cluster.testkit;

import io.github.wso2cluster.product.ConfigFormat;
import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.product.Product;
import io.github.wso2cluster.product.ProductLine;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.NodeInput;
import java.util.ArrayList;
import java.util.List;

/** API Manager cluster descriptions the wiring tests share. */
public final class ApimClusters {
    private ApimClusters() {
    }

    public static Product apim(String version) {
        return new Product(ProductLine.API_MANAGER, version, ConfigFormat.TOML, ConfigPaths.STANDARD);
    }

    public static NodeInput node(String id, String role, String host, String offset) {
        NodeInput node = Fixtures.node(id, role, host, null);
        node.setPortOffset(offset);
        return node;
    }

    /** cp1 10.0.0.1, cp2 10.0.0.2 offset 1, gw1 gw1.example (hostName) on 10.0.0.3, tm1 10.0.0.1 offset 3, tm2 10.0.0.4. */
    public static ClusterInput distributed(String version) {
        ClusterInput input = new ClusterInput();
        NodeInput gw = node("gw1", "gateway", "10.0.0.3", "0");
        gw.setHostName("gw1.example");
        input.nodes = new ArrayList<>(List.of(node("cp1", "control-plane", "10.0.0.1", "0"),
                node("cp2", "control-plane", "10.0.0.2", "1"), gw, node("tm1", "traffic-manager", "10.0.0.1", "3"),
                node("tm2", "traffic-manager", "10.0.0.4", "0")));
        input.distributionProduct = apim(version);
        return input;
    }
}
