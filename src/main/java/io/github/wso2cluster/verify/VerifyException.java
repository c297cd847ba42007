package io.github.wso2cluster.verify;

/**
 * A problem the user fixes: the nodes fail their checks, or the request names no node, a node twice, an unknown
 * check. The message is complete and says what to do; the build tool shows it as it is.
 */
public final class VerifyException extends Exception {
    private static final long serialVersionUID = 1L;

    public VerifyException(String message) {
        super(message);
    }
}
