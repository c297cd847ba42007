package io.github.wso2cluster.config;

/** A comment, from {@code <!--} at {@code start} to just after {@code -->} at {@code end}. */
public record XmlComment(String body, int start, int end) {
}
