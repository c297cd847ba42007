package io.github.wso2cluster.verify.live;

/** The live checks cannot get what they need (an artifact that does not resolve): the user fixes the POM. */
public final class LiveSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public LiveSetupException(String message) {
        super(message);
    }
}
