package io.github.wso2cluster.product;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where one distribution keeps the files the plugin edits: its configuration directory ({@code <conf>}),
 * relative to the top folder. Carbon 4.x products use {@code repository/conf}; EI 6.x's integrator profile
 * uses {@code conf}, and its other profiles {@code wso2/<profile>/conf} (chosen with {@code confDirectory}).
 */
public record ConfigPaths(String conf) {
    public static final String REPOSITORY_CONF = "repository/conf";
    public static final String CONF = "conf";
    /** The layout of every Carbon 4.x product but EI 6.x. */
    public static final ConfigPaths STANDARD = new ConfigPaths(REPOSITORY_CONF);

    public String axis2() {
        return conf + "/axis2/axis2.xml";
    }

    public String carbon() {
        return conf + "/carbon.xml";
    }

    public String catalina() {
        return conf + "/tomcat/catalina-server.xml";
    }

    /** Where kernel 4.5+ products keep their configuration: the XML files are rendered from it at every start. */
    public String deploymentToml() {
        return conf + "/deployment.toml";
    }

    /** The distribution's own templates and rules, beside the configuration directory's parent. */
    public String templates() {
        return resources() + "/templates";
    }

    /**
     * {@code repository/resources/conf} of a {@code repository/conf} product; Micro Integrator keeps its configuration
     * in {@code conf} and its rules in {@code repository/resources/conf} too (its assembly's bin.xml).
     */
    public String resources() {
        String parent = conf.contains("/") ? conf.substring(0, conf.lastIndexOf('/')) : "repository";
        return parent + "/resources/conf";
    }

    /** The product's own type inference rules: the database {@code type} names it knows. */
    public String inferJson() {
        return resources() + "/infer.json";
    }

    /** Identity Server's identity.xml: IS 5.0-5.8 name the identity datasource in its JDBCPersistenceManager. */
    public String identityXml() {
        return conf + "/identity/identity.xml";
    }

    /** carbon.xml's template: whether it reads {@code server.mgt_console_hostname} decides what mgtHostName may set. */
    public String carbonTemplate() {
        return templates() + "/" + conf + "/carbon.xml.j2";
    }

    public String datasources() {
        return conf + "/datasources/master-datasources.xml";
    }

    public String registry() {
        return conf + "/registry.xml";
    }

    public String userManagement() {
        return conf + "/user-mgt.xml";
    }

    /**
     * Where JDBC drivers go: {@code repository/components/lib} in Carbon 4.x products; EI 6.x's profiles
     * (any other configuration directory) share the top folder's {@code lib}.
     */
    public String libraries() {
        return conf.equals(REPOSITORY_CONF) ? "repository/components/lib" : "lib";
    }

    /**
     * The contract's detection: {@code repository/conf}, else {@code conf}.
     *
     * @param hasFolder whether a folder (relative to the top folder, no trailing slash) exists
     */
    public static Optional<ConfigPaths> detect(Predicate<String> hasFolder) {
        if (hasFolder.test(REPOSITORY_CONF)) {
            return Optional.of(STANDARD);
        }
        return hasFolder.test(CONF) ? Optional.of(new ConfigPaths(CONF)) : Optional.empty();
    }
}
