package io.github.wso2cluster.topology.database;

import io.github.wso2cluster.topology.Secret;

/**
 * One database every node shares (the registry or the user store), validated, with every default applied.
 * The password is a {@link Secret}, so printing this record never shows it.
 *
 * @param password    empty secret for a user without password; never null
 * @param mountTarget where {@code /_system/config} is mounted (registry only; null for the user store)
 * @param mountTargetGiven whether the POM gave {@code mountTarget} (deployment.toml products have no such setting)
 */
public record SharedDatabase(String url, String user, Secret password, String driverClassName, String validationQuery,
                             String mountTarget, boolean mountTargetGiven) {

    /** registry.xml's {@code cacheId}: Carbon keys the registry cache by exactly this string. */
    public String cacheId() {
        return user + "@" + url;
    }
}
