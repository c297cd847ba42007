package io.github.wso2cluster.config;

/** A config file that cannot be read or edited; the message names the file and, where known, line and column. */
public class ConfigFileException extends Exception {
    public ConfigFileException(String message) {
        super(message);
    }
}
