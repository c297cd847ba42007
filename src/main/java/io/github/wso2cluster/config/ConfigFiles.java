package io.github.wso2cluster.config;

/**
 * Where the files the plugin edits stand in the standard layout ({@code repository/conf}), relative to the
 * distribution's top folder. A distribution with another configuration directory uses {@link ConfigPaths}.
 */
public final class ConfigFiles {
    public static final String AXIS2 = ConfigPaths.STANDARD.axis2();
    public static final String CARBON = ConfigPaths.STANDARD.carbon();
    public static final String CATALINA = ConfigPaths.STANDARD.catalina();

    private ConfigFiles() {
    }
}
