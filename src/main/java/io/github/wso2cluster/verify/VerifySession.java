package io.github.wso2cluster.verify;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.UserProperties;
import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.check.Severity;
import io.github.wso2cluster.verify.facts.BalancerFacts;
import io.github.wso2cluster.verify.facts.NodeFacts;
import io.github.wso2cluster.verify.facts.NodeReader;
import io.github.wso2cluster.verify.live.LiveCheck;
import io.github.wso2cluster.verify.live.LiveCluster;
import io.github.wso2cluster.verify.live.LiveContext;
import io.github.wso2cluster.verify.live.LiveDatabases;
import io.github.wso2cluster.verify.live.LiveEnvironment;
import io.github.wso2cluster.verify.live.LiveLoadBalancer;
import io.github.wso2cluster.verify.live.LiveOutcome;
import io.github.wso2cluster.verify.live.LiveSetupException;
import io.github.wso2cluster.verify.report.Reports;
import io.github.wso2cluster.verify.report.VerifyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * verify-cluster's core service, the one place its decisions are made (as maven-invoker-plugin keeps them in its
 * InvokerSession): which nodes, which checks, the static checks, the live ones behind {@link LiveCheck}, both
 * reports on every run, and whether the run fails. The Mojo only binds parameters and maps the outcome.
 */
public final class VerifySession {
    private final VerifyRequest request;
    private final LiveEnvironment environment;
    private final Reporter reporter;

    public VerifySession(VerifyRequest request, LiveEnvironment environment, Reporter reporter) {
        this.request = request;
        this.environment = environment;
        this.reporter = reporter;
    }

    /**
     * @return the result, also when it failed and {@code ignoreFailures} is set
     * @throws VerifyException     the nodes fail, or the request cannot be honoured (names no node, an unknown check)
     * @throws LiveSetupException  a live check cannot get what it needs (an artifact that does not resolve)
     * @throws IOException         the build machine cannot hold the reports or host a live check
     */
    public VerifyResult run() throws VerifyException, LiveSetupException, IOException, InterruptedException {
        // verify-cluster names no zip by finalName (cluster.json does), so the layout needs none.
        OutputLayout layout = new OutputLayout(request.buildDirectory(), null);
        // The load balancer's configuration is this build's: nodes given with archives come from elsewhere.
        boolean thisBuild = request.archives() == null && !request.standalone();
        BalancerFacts balancer = thisBuild ? balancer(layout.nginxConfig()) : null;
        ClusterVerifier verifier = new ClusterVerifier(balancer, request.keystorePassword());
        Set<String> skipped = skippedChecks(verifier);
        if (request.live() && request.liveTimeout() <= 0) {
            throw new VerifyException("liveTimeout is " + request.liveTimeout() + "; give the seconds the live check may"
                    + " wait for the cluster to form, at least 1 (default 60)");
        }
        NodeSources sources = NodeSources.of(request, layout);
        List<NodeFacts> nodes = new NodeReader(request.confDirectory()).read(sources.paths(), sources.recorded());
        VerifyResult result = verifier.verify(nodes, skipped);
        if (request.live()) {
            // The live checks run whatever the static checks found, so the reports show both.
            LiveContext context = new LiveContext(environment, layout.work(), Duration.ofSeconds(request.liveTimeout()),
                    request.hazelcastVersion(), balancer, sources.fromArchives()
                    ? "nodes given with archives: the load balancer's configuration is this build's, not theirs"
                    : "no load balancer configuration (configure <loadBalancer>)", reporter);
            for (LiveCheck check : List.of(new LiveCluster(reporter), new LiveDatabases(), new LiveLoadBalancer())) {
                if (!skipped.contains(check.name())) {
                    LiveOutcome outcome = check.check(nodes, context);
                    result = outcome.ran() ? result.withLive(check.name(), outcome.findings(), outcome.line())
                            : result.withNotApplicable(check.name(), outcome.notApplicable());
                }
            }
        }
        result.live().forEach(reporter::info);
        Path reports = layout.reports();
        Reports.write(result, reports, request.failOnWarning());
        report(result, nodes, reports);
        return result;
    }

    private void report(VerifyResult result, List<NodeFacts> nodes, Path reports) throws VerifyException {
        for (Finding finding : result.findings()) {
            if (finding.severity() == Severity.INFO) {
                reporter.info(line(finding));
            }
        }
        boolean failed = result.failed(request.failOnWarning());
        if (failed && request.ignoreFailures()) {
            reporter.error(result.text().stripTrailing());
            reporter.warn("verify-cluster found problems, ignored (" + UserProperties.IGNORE_FAILURES + "=true); reports: "
                    + reports.resolve(Reports.TEXT));
            return;
        }
        if (failed) {
            throw new VerifyException(result.text().stripTrailing() + "\nReports: " + reports.resolve(Reports.TEXT)
                    + ", " + reports.resolve(Reports.JUNIT));
        }
        for (Finding finding : result.findings()) {
            if (finding.severity() == Severity.WARNING) {
                reporter.warn(line(finding));
            }
        }
        reporter.info("verify-cluster: " + nodes.size() + " nodes passed " + result.checks().size() + " checks ("
                + result.warnings() + " warnings); report " + reports.resolve(Reports.TEXT));
    }

    private static String line(Finding finding) {
        return "node '" + finding.node() + "' [" + finding.check() + "] " + finding.located();
    }

    private static BalancerFacts balancer(Path nginxConfig) throws VerifyException {
        if (!Files.isRegularFile(nginxConfig)) {
            return null;
        }
        try {
            return BalancerFacts.parse("target/" + OutputLayout.FOLDER + "/nginx/" + nginxConfig.getFileName(),
                    Files.readString(nginxConfig, StandardCharsets.UTF_8));
        } catch (ConfigFileException e) {
            throw new VerifyException("The load balancer's configuration is not valid nginx syntax: " + e.getMessage()
                    + "; run configure-cluster again to regenerate it");
        } catch (IOException e) {
            throw new VerifyException("Cannot read " + nginxConfig + ": " + e.getMessage());
        }
    }

    private Set<String> skippedChecks(ClusterVerifier verifier) throws VerifyException {
        Set<String> names = new LinkedHashSet<>();
        for (String item : request.skipChecks()) {
            for (String name : item.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        List<String> unknown = verifier.unknown(names);
        if (!unknown.isEmpty()) {
            throw new VerifyException("skipChecks names no check: " + String.join(", ", unknown) + "; the checks"
                    + " are " + String.join(", ", verifier.checkNames()));
        }
        return names;
    }
}
