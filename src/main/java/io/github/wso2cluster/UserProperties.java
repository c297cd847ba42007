package io.github.wso2cluster;

/** Every user property of the plugin, in one place: {@code -Dwso2-cluster.<name>}. */
public final class UserProperties {
    public static final String PREFIX = "wso2-cluster.";
    public static final String SKIP = PREFIX + "skip";
    public static final String DISTRIBUTION = PREFIX + "distribution";
    public static final String DISTRIBUTION_FILE = PREFIX + "distributionFile";
    public static final String DOMAIN = PREFIX + "domain";
    public static final String MEMBERSHIP_SCHEME = PREFIX + "membershipScheme";
    public static final String HOST_NAME = PREFIX + "hostName";
    public static final String MGT_HOST_NAME = PREFIX + "mgtHostName";
    public static final String OVERLAY_DIRECTORY = PREFIX + "overlayDirectory";
    public static final String THREADS = PREFIX + "threads";
    public static final String ARCHIVES = PREFIX + "archives";
    public static final String FAIL_ON_WARNING = PREFIX + "failOnWarning";
    public static final String LIVE = PREFIX + "live";
    public static final String LIVE_TIMEOUT = PREFIX + "liveTimeout";
    public static final String HAZELCAST_VERSION = PREFIX + "hazelcastVersion";
    public static final String CONF_DIRECTORY = PREFIX + "confDirectory";
    public static final String SKIP_CHECKS = PREFIX + "skipChecks";
    public static final String IGNORE_FAILURES = PREFIX + "ignoreFailures";
    public static final String PRODUCT = PREFIX + "product";

    private UserProperties() {
    }
}
