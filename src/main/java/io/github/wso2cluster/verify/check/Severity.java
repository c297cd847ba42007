package io.github.wso2cluster.verify.check;

/**
 * How bad a finding is: errors fail the build; warnings only with failOnWarning; information never (it is
 * only written to the reports and the log).
 */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The one pass/fail rule: whether a finding of this severity fails the build (and its JUnit case). */
    public boolean fails(boolean failOnWarning) {
        return this == ERROR || (failOnWarning && this == WARNING);
    }
}
