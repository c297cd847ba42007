package io.github.wso2cluster;

/** Where the core says what it did; the Mojos pass Maven's log, tests and a future CLI their own. */
public interface Reporter {
    Reporter SILENT = new Reporter() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };

    void info(String message);

    void warn(String message);

    /** A failure the caller chose to report rather than throw; a warning where the reporter has no error level. */
    default void error(String message) {
        warn(message);
    }

    void debug(String message);
}
