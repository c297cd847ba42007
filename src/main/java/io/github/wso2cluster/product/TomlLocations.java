package io.github.wso2cluster.product;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a deployment.toml product keeps the cluster settings: the one table of dotted keys that configure-cluster
 * writes and verify-cluster reads, and how findings name them ({@code [clustering] local_member_host}).
 */
public final class TomlLocations implements Locations {
    private static final Map<Setting, String> KEYS = new EnumMap<>(Setting.class);

    static {
        KEYS.put(Setting.CLUSTERING, "clustering");
        // Clustering is on exactly when a membership scheme is set: the templates enable it from that key.
        KEYS.put(Setting.CLUSTERING_ENABLED, "clustering.membership_scheme");
        KEYS.put(Setting.MEMBERSHIP_SCHEME, "clustering.membership_scheme");
        KEYS.put(Setting.DOMAIN, "clustering.domain");
        KEYS.put(Setting.LOCAL_MEMBER_HOST, "clustering.local_member_host");
        KEYS.put(Setting.LOCAL_MEMBER_PORT, "clustering.local_member_port");
        KEYS.put(Setting.MEMBERS, "clustering.members");
        KEYS.put(Setting.HOST_NAME, "server.hostname");
        KEYS.put(Setting.MGT_HOST_NAME, "server.mgt_console_hostname");
        KEYS.put(Setting.PORT_OFFSET, "server.offset");
        KEYS.put(Setting.HTTP_CONNECTOR, "transport.http.properties");
        KEYS.put(Setting.HTTPS_CONNECTOR, "transport.https.properties");
        KEYS.put(Setting.HTTP_PORT, "transport.http.properties.port");
        KEYS.put(Setting.HTTPS_PORT, "transport.https.properties.port");
        KEYS.put(Setting.HTTP_PROXY_PORT, "transport.http.properties.proxyPort");
        KEYS.put(Setting.HTTPS_PROXY_PORT, "transport.https.properties.proxyPort");
        KEYS.put(Setting.JMX_REGISTRY_PORT, "monitoring.jmx.rmi_registry_port");
        KEYS.put(Setting.JMX_SERVER_PORT, "monitoring.jmx.rmi_server_port");
    }

    /** The dotted key of a setting; a setting deployment.toml has no key for is refused (see {@link #absence}). */
    public static String key(Setting setting) {
        String key = KEYS.get(setting);
        if (key == null) {
            throw new IllegalArgumentException(setting + " has no deployment.toml key: " + ABSENT.get(setting));
        }
        return key;
    }

    /** The settings that name a table, not a key. */
    private static final java.util.Set<Setting> TABLES = java.util.EnumSet.of(Setting.CLUSTERING, Setting.HTTP_CONNECTOR,
            Setting.HTTPS_CONNECTOR);

    private static final Map<Setting, String> ABSENT = Map.of(
            Setting.SUB_DOMAIN, "deployment.toml products: every template hard-codes subDomain worker, and"
                    + " deployment.toml has no key for it",
            Setting.DEPLOYMENT_SYNCHRONIZER, "deployment.toml products: every template switches the SVN deployment"
                    + " synchronizer off");

    /** Whether deployment.toml has no key for the setting (the templates render it from nothing the user sets). */
    public static boolean hasNoKey(Setting setting) {
        return !KEYS.containsKey(setting);
    }

    @Override
    public String name(Setting setting) {
        String key = KEYS.get(setting);
        if (key == null) {
            return setting.name().toLowerCase(java.util.Locale.ROOT);
        }
        int dot = key.lastIndexOf('.');
        return dot < 0 || TABLES.contains(setting) ? "[" + key + "]" : "[" + key.substring(0, dot) + "] " + key.substring(dot + 1);
    }

    @Override
    public String assignment(Setting setting, String value) {
        if (setting == Setting.CLUSTERING_ENABLED) {
            return name(Setting.MEMBERSHIP_SCHEME) + " = \"wka\"";
        }
        boolean number = value.matches("\\d+");
        return name(setting) + " = " + (number ? value : "\"" + value + "\"");
    }

    @Override
    public String state(Setting setting, Located value) {
        if (setting == Setting.CLUSTERING_ENABLED) {
            return value.present() ? name(Setting.MEMBERSHIP_SCHEME) + " is set" : "no " + name(Setting.MEMBERSHIP_SCHEME);
        }
        return Locations.super.state(setting, value);
    }

    @Override
    public Optional<String> absence(Setting setting) {
        return Optional.ofNullable(ABSENT.get(setting));
    }
}
