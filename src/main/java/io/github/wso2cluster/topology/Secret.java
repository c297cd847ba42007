package io.github.wso2cluster.topology;

/**
 * A password. Its only way out is {@link #reveal()}, called where WSO2 needs the clear text (carbon.xml);
 * {@code toString()} never shows it, so a log line or exception message that prints a model object cannot
 * leak it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }
}
