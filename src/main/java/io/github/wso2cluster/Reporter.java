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

    void debug(String message);
}
