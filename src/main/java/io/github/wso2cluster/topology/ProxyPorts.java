package io.github.wso2cluster.topology;

/** catalina-server.xml proxyPort values; either may be null (that connector is left alone). */
public record ProxyPorts(Integer http, Integer https) {
}
