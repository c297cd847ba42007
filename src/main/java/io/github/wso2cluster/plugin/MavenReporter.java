package io.github.wso2cluster.plugin;

import io.github.wso2cluster.Reporter;
import org.apache.maven.plugin.logging.Log;

/** The core's {@link Reporter} on Maven's log. */
final class MavenReporter implements Reporter {
    private final Log log;

    MavenReporter(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }

    @Override
    public void debug(String message) {
        if (log.isDebugEnabled()) {
            log.debug(message);
        }
    }
}
