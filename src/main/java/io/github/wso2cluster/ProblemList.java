package io.github.wso2cluster;

import java.util.List;

/** The one way the plugin words a list of problems: a headline with the count, then one indented line each. */
public final class ProblemList {
    private ProblemList() {
    }

    /** {@code "<subject> has 3 problems (<consequence>):"} followed by the problems. */
    public static String format(String subject, String verb, String consequence, List<String> problems) {
        StringBuilder text = new StringBuilder(subject).append(' ').append(verb).append(' ').append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" (").append(consequence).append("):");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }
}
