package io.github.wso2cluster.verify.check;

import io.github.wso2cluster.topology.database.JdbcUrlSafety;

/**
 * One thing a check found on one node.
 *
 * @param check   the check's stable name (the JUnit test-case name)
 * @param node    the node's name (its id, or its zip or folder name)
 * @param file    path under the top folder, or null when the finding is about the node as a whole
 * @param line    1-based line in that file, or 0 when there is none
 * @param message what is wrong and what to set instead
 */
public record Finding(Severity severity, String check, String node, String file, int line, String message) {
    /** A JDBC URL's password never reaches a report or a log line, whichever check quotes the URL. */
    public Finding {
        message = JdbcUrlSafety.maskedText(message);
    }

    /** {@code repository/conf/axis2/axis2.xml:604: message}, as the reports print it. */
    public String located() {
        if (file == null) {
            return message;
        }
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
