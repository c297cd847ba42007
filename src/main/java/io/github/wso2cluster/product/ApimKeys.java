package io.github.wso2cluster.product;

/**
 * The deployment.toml keys that wire API Manager 3.x/4.x nodes to each other, each where WSO2's own templates read
 * it ({@code api-manager.xml.j2}, {@code jndi2.properties.j2}, {@code jndi2-cp.properties.j2} of 4.1.0; the
 * {@code [apim.throttling]} ones also in 3.0.0's): configure-cluster writes them and verify-cluster reads them.
 */
public final class ApimKeys {
    /** The profile name: {@code infer.json} derives the profile's settings from it. */
    public static final String SERVER_ROLE = "server.server_role";
    public static final String KEY_MANAGER_URL = "apim.key_manager.service_url";
    public static final String EVENT_HUB_URL = "apim.event_hub.service_url";
    public static final String EVENT_LISTENING = "apim.event_hub.event_listening_endpoints";
    /** The control planes' duplicate of the event hub's events: jndi2-cp.properties.j2 reads it under event_hub. */
    public static final String EVENT_HUB_DUPLICATE = "apim.event_hub.event_duplicate_url";
    public static final String EVENT_HUB_PUBLISH_GROUP = "apim.event_hub.publish.url_group";
    public static final String PUBLISH_URLS = "urls";
    public static final String PUBLISH_AUTH_URLS = "auth_urls";
    public static final String THROTTLING_URL = "apim.throttling.service_url";
    public static final String THROTTLE_DECISIONS = "apim.throttling.throttle_decision_endpoints";
    /** The traffic managers' (and active-active nodes') duplicate: jndi2.properties.j2 reads it under throttling. */
    public static final String THROTTLING_DUPLICATE = "apim.throttling.event_duplicate_url";
    public static final String THROTTLING_GROUP = "apim.throttling.url_group";
    public static final String TRAFFIC_MANAGER_URLS = "traffic_manager_urls";
    public static final String TRAFFIC_MANAGER_AUTH_URLS = "traffic_manager_auth_urls";
    public static final String GATEWAY_LABELS = "apim.sync_runtime_artifacts.gateway.gateway_labels";
    public static final String GATEWAY_ENVIRONMENT = "apim.gateway.environment";
    public static final String ENVIRONMENT_NAME = "name";
    public static final String ENVIRONMENT_TYPE = "type";
    /** The environment WSO2's stock deployment.toml ships, and its type. */
    public static final String DEFAULT_ENVIRONMENT = "Default";
    public static final String HYBRID = "hybrid";
    public static final String SERVICES_PATH = "/services/";

    /** The hosts WSO2's profile templates and samples ship (PRODUCT-LINES.md 1.4, 1.5): never a real peer. */
    public static final java.util.Set<String> PLACEHOLDER_HOSTS = java.util.Set.of("km.wso2.com", "tm1.local", "tm2.local",
            "tm.wso2.com", "gw.wso2.com", "cp.wso2.com", "apim.wso2.com", "shared_db.mysql", "apim.mysql");
    /** A gateway environment's endpoints (WebSub from 4.x), each on the gateway's port. */
    public static final java.util.Map<String, ApimPort> ENVIRONMENT_ENDPOINTS = environmentEndpoints();

    private static java.util.Map<String, ApimPort> environmentEndpoints() {
        java.util.Map<String, ApimPort> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("service_url", ApimPort.SERVLET_HTTPS);
        endpoints.put("ws_endpoint", ApimPort.WEBSOCKET);
        endpoints.put("wss_endpoint", ApimPort.SECURE_WEBSOCKET);
        endpoints.put("http_endpoint", ApimPort.PASS_THROUGH_HTTP);
        endpoints.put("https_endpoint", ApimPort.PASS_THROUGH_HTTPS);
        endpoints.put("websub_event_receiver_http_endpoint", ApimPort.WEBSUB_HTTP);
        endpoints.put("websub_event_receiver_https_endpoint", ApimPort.WEBSUB_HTTPS);
        return java.util.Collections.unmodifiableMap(endpoints);
    }

    private ApimKeys() {
    }

    /** {@code apim.throttling.url_group} as findings name it: {@code [[apim.throttling.url_group]]}. */
    public static String arrayName(String array) {
        return "[[" + array + "]]";
    }

    /** {@code apim.key_manager.service_url} as findings name it: {@code [apim.key_manager] service_url}. */
    public static String name(String key) {
        int dot = key.lastIndexOf('.');
        return "[" + key.substring(0, dot) + "] " + key.substring(dot + 1);
    }
}
