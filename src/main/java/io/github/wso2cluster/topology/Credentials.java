package io.github.wso2cluster.topology;

/** A user name and password, from settings.xml or the POM. */
public record Credentials(String user, Secret password) {
}
