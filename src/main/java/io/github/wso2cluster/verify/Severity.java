package io.github.wso2cluster.verify;

/** How bad a finding is: errors fail the build; warnings only with failOnWarning. */
public enum Severity {
    ERROR, WARNING
}
