package io.github.wso2cluster.config;

/** Where the files the plugin edits stand, relative to the distribution's top folder. */
public final class ConfigFiles {
    public static final String AXIS2 = "repository/conf/axis2/axis2.xml";
    public static final String CARBON = "repository/conf/carbon.xml";
    public static final String CATALINA = "repository/conf/tomcat/catalina-server.xml";

    private ConfigFiles() {
    }
}
