package io.github.wso2cluster.archive;

/** A distribution or node archive that cannot be used as it is; the message names the file and what to do. */
public class ArchiveException extends Exception {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
