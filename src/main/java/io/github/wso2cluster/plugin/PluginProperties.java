package io.github.wso2cluster.plugin;

/** Every user property of the plugin, in one place: {@code -Dwso2-cluster.<name>}. */
final class PluginProperties {
    static final String PREFIX = "wso2-cluster.";
    static final String SKIP = PREFIX + "skip";
    static final String DISTRIBUTION = PREFIX + "distribution";
    static final String DISTRIBUTION_FILE = PREFIX + "distributionFile";
    static final String DOMAIN = PREFIX + "domain";
    static final String MEMBERSHIP_SCHEME = PREFIX + "membershipScheme";
    static final String HOST_NAME = PREFIX + "hostName";
    static final String MGT_HOST_NAME = PREFIX + "mgtHostName";
    static final String OVERLAY_DIRECTORY = PREFIX + "overlayDirectory";
    static final String THREADS = PREFIX + "threads";
    static final String ARCHIVES = PREFIX + "archives";
    static final String FAIL_ON_WARNING = PREFIX + "failOnWarning";
    static final String LIVE = PREFIX + "live";
    static final String LIVE_TIMEOUT = PREFIX + "liveTimeout";
    static final String HAZELCAST_VERSION = PREFIX + "hazelcastVersion";
    static final String CONF_DIRECTORY = PREFIX + "confDirectory";
    static final String SKIP_CHECKS = PREFIX + "skipChecks";
    static final String IGNORE_FAILURES = PREFIX + "ignoreFailures";

    private PluginProperties() {
    }
}
