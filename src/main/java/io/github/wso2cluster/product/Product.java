package io.github.wso2cluster.product;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One WSO2 distribution as the plugin understands it: its product line, version, configuration format and where
 * it keeps its files. Recognised from the distribution's own files, never from the zip's name; configure-cluster
 * and verify-cluster both ask it, so they never disagree on what a node is.
 *
 * @param version the version in the top folder's name ({@code wso2is-7.0.0}: 7.0.0), or empty when it has none
 */
public record Product(ProductLine line, String version, ConfigFormat format, ConfigPaths paths) {
    private static final Pattern VERSION = Pattern.compile(".*?-(\\d+(?:\\.\\d+)+)(?:[-.].*)?");

    /**
     * @param topFolder the distribution's top folder name ({@code wso2am-4.1.0}), or empty
     * @param exists    whether a file or folder exists at a path relative to the top folder
     */
    public static Product recognise(String topFolder, ConfigPaths paths, Predicate<String> exists) {
        ConfigFormat format = exists.test(paths.deploymentToml()) ? ConfigFormat.TOML : ConfigFormat.XML;
        return new Product(line(paths, exists), version(topFolder), format, paths);
    }

    /**
     * API Manager first: it ships identity.xml and the authentication webapps too. Then Micro Integrator, then
     * Identity Server by its identity configuration and its login webapp.
     */
    private static ProductLine line(ConfigPaths paths, Predicate<String> exists) {
        if (exists.test("bin/api-manager.sh") || exists.test("bin/api-cp.sh") || exists.test("bin/gateway.sh")
                || exists.test("bin/traffic-manager.sh") || exists.test(paths.conf() + "/api-manager.xml")
                || exists.test(paths.templates() + "/" + paths.conf() + "/api-manager.xml.j2")) {
            return ProductLine.API_MANAGER;
        }
        if (exists.test("bin/micro-integrator.sh")) {
            return ProductLine.MICRO_INTEGRATOR;
        }
        if (exists.test(paths.conf() + "/identity/identity.xml")
                && (exists.test("repository/deployment/server/webapps/authenticationendpoint")
                || exists.test("repository/deployment/server/webapps/authenticationendpoint.war"))) {
            return ProductLine.IDENTITY_SERVER;
        }
        return ProductLine.CARBON;
    }

    private static String version(String topFolder) {
        Matcher matcher = VERSION.matcher(topFolder == null ? "" : topFolder);
        return matcher.matches() ? matcher.group(1) : "";
    }

    /** The same distribution as another product line (the POM's {@code <product>} overrides the recognition). */
    public Product withLine(ProductLine other) {
        return new Product(other, version, format, paths);
    }

    /**
     * Whether the product clusters through Hazelcast ({@code <clustering>} / {@code [clustering]}): every line but
     * Micro Integrator, whose nodes coordinate through the database instead.
     */
    public boolean hazelcast() {
        return line != ProductLine.MICRO_INTEGRATOR;
    }

    public Locations locations() {
        return format.locations();
    }

    public boolean isToml() {
        return format == ConfigFormat.TOML;
    }

    /** "Identity Server 7.0.0 (deployment.toml)", for logs and reports. */
    public String describe() {
        return line.displayName() + (version.isEmpty() ? "" : " " + version)
                + (format == ConfigFormat.TOML ? " (deployment.toml)" : "");
    }
}
