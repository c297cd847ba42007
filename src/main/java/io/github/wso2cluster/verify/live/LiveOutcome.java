package io.github.wso2cluster.verify.live;

import io.github.wso2cluster.verify.check.Finding;
import java.util.List;

/**
 * What a live check saw: its findings and the one line the reports print, or why it could not run here
 * ({@code notApplicable}: a skipped case that says so, never a silent pass).
 */
public record LiveOutcome(List<Finding> findings, String line, String notApplicable) {
    public LiveOutcome {
        findings = List.copyOf(findings);
    }

    public static LiveOutcome ran(List<Finding> findings, String line) {
        return new LiveOutcome(findings, line, null);
    }

    public static LiveOutcome notApplicable(String reason) {
        return new LiveOutcome(List.of(), "", reason);
    }

    public boolean ran() {
        return notApplicable == null;
    }
}
