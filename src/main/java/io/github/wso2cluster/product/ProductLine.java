package io.github.wso2cluster.product;

import java.util.Arrays;
import java.util.Optional;

/** The WSO2 product lines the plugin knows; everything else is a generic Carbon 4.x product. */
public enum ProductLine {
    CARBON("carbon", "Carbon 4.x product"),
    IDENTITY_SERVER("identity-server", "Identity Server"),
    API_MANAGER("api-manager", "API Manager"),
    MICRO_INTEGRATOR("micro-integrator", "Micro Integrator");

    private final String id;
    private final String displayName;

    ProductLine(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The name {@code cluster.json}, {@code node.properties} and the reports use. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<ProductLine> byId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}
