package io.github.wso2cluster.verify.report;

import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.output.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code verify-cluster.txt} and {@code TEST-wso2-cluster.xml} (JUnit XML: one test case per check and
 * node, so CI servers list each check), each moved into place whole.
 */
public final class Reports {
    public static final String TEXT = "verify-cluster.txt";
    public static final String JUNIT = "TEST-wso2-cluster.xml";

    private Reports() {
    }

    public static void write(VerifyResult result, Path folder, boolean failOnWarning) throws IOException {
        AtomicFiles.write(folder.resolve(TEXT), result.text().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(folder.resolve(JUNIT), junit(result, failOnWarning).getBytes(StandardCharsets.UTF_8));
    }

    public static String junit(VerifyResult result, boolean failOnWarning) {
        StringBuilder cases = new StringBuilder();
        int tests = 0;
        int failures = 0;
        int skipped = 0;
        for (NodeFacts node : result.nodes()) {
            for (String check : result.skipped()) {
                tests++;
                skipped++;
                cases.append("  <testcase classname=\"").append(attr("wso2-cluster." + node.name()))
                        .append("\" name=\"").append(attr(check)).append("\" time=\"0\">\n")
                        .append("    <skipped message=\"skipped with skipChecks\"/>\n  </testcase>\n");
            }
            for (Map.Entry<String, String> check : result.notApplicable().entrySet()) {
                tests++;
                skipped++;
                cases.append("  <testcase classname=\"").append(attr("wso2-cluster." + node.name()))
                        .append("\" name=\"").append(attr(check.getKey())).append("\" time=\"0\">\n")
                        .append("    <skipped message=\"").append(attr("not applicable: " + check.getValue()))
                        .append("\"/>\n  </testcase>\n");
            }
            for (String check : result.checks()) {
                tests++;
                List<Finding> findings = result.of(node.name(), check);
                boolean failed = findings.stream().anyMatch(f -> f.severity().fails(failOnWarning));
                cases.append("  <testcase classname=\"").append(attr("wso2-cluster." + node.name()))
                        .append("\" name=\"").append(attr(check)).append("\" time=\"0\"");
                if (findings.isEmpty()) {
                    cases.append("/>\n");
                    continue;
                }
                cases.append(">\n");
                StringBuilder details = new StringBuilder();
                for (Finding finding : findings) {
                    details.append(finding.severity()).append(' ').append(finding.located()).append('\n');
                }
                if (failed) {
                    failures++;
                    cases.append("    <failure message=\"").append(attr(findings.get(0).located())).append("\" type=\"")
                            .append(attr(check)).append("\">").append(text(details.toString())).append("</failure>\n");
                } else {
                    cases.append("    <system-out>").append(text(details.toString())).append("</system-out>\n");
                }
                cases.append("  </testcase>\n");
            }
        }
        StringBuilder properties = new StringBuilder("  <properties>\n");
        for (NodeFacts node : result.nodes()) {
            // Which product each node is, as recognised from its files (JUnit's suite properties; CI servers show them).
            properties.append("    <property name=\"").append(attr("wso2-cluster." + node.name() + ".product"))
                    .append("\" value=\"").append(attr(node.product().describe())).append("\"/>\n");
        }
        properties.append("  </properties>\n");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"wso2-cluster\" tests=\"" + tests
                + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped + "\" time=\"0\">\n" + properties
                + cases + "</testsuite>\n";
    }

    private static String text(String value) {
        return xmlChars(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Characters XML 1.0 cannot hold at all (control characters in a node id or file name) become U+FFFD. */
    static String xmlChars(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (surrogatePair) {
                out.append(c).append(value.charAt(++i));
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                    || c == 0xFFFE || c == 0xFFFF) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String attr(String value) {
        return text(value).replace("\"", "&quot;").replace("\n", "&#10;");
    }
}
