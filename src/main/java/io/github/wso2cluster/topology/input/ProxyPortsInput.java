package io.github.wso2cluster.topology.input;

/** {@code <proxyPorts>} as written in the POM. */
public class ProxyPortsInput {
    private String http;
    private String https;

    public ProxyPortsInput() {
    }

    public ProxyPortsInput(String http, String https) {
        this.http = http;
        this.https = https;
    }

    public String getHttp() { return http; }
    public void setHttp(String http) { this.http = http; }
    public String getHttps() { return https; }
    public void setHttps(String https) { this.https = https; }
}
