package io.github.wso2cluster.testkit;

import java.time.Duration;
import io.github.wso2cluster.verify.live.ExternalProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * Runs a real Maven build from an invoker script, in any folder (one without a POM, a generated reactor,
 * a build to kill half-way): the plugin comes from the ITs' local repository, everything else from the
 * outer build's local repository.
 */
public final class NestedMaven {
    private final File mvn;
    private final File localRepository;
    private final File settings;
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
    private final Map<String, String> defaults = new HashMap<>();

    /** Output and exit code of a finished build. */
    public record Result(int exit, String output) {
    }

    public NestedMaven(String mavenHome, File localRepository, String userLocalRepository, File workDir) throws IOException {
        this(mavenHome, localRepository, userLocalRepository, workDir, "");
    }

    /** @param serversXml {@code <server>} elements for the builds' settings.xml */
    public NestedMaven(String mavenHome, File localRepository, String userLocalRepository, File workDir, String serversXml)
            throws IOException {
        this.mvn = new File(mavenHome, "bin/mvn");
        this.localRepository = localRepository;
        this.settings = new File(workDir, "nested-settings.xml");
        String url = new File(userLocalRepository).toURI().toString();
        Files.writeString(settings.toPath(), "<settings><profiles><profile><id>outer</id><activation>"
                + "<activeByDefault>true</activeByDefault></activation>"
                + "<repositories><repository><id>outer</id><url>" + url + "</url></repository></repositories>"
                + "<pluginRepositories><pluginRepository><id>outer</id><url>" + url + "</url></pluginRepository>"
                + "</pluginRepositories></profile></profiles><servers>" + serversXml + "</servers></settings>\n", StandardCharsets.UTF_8);
    }

    /**
     * Environment variables for every build this runs (a build's own ones win). Maven 4 decrypts every password
     * of settings.xml when it starts, so builds that share a settings.xml with an encrypted password all need
     * its settings-security.xml, not only those that use it.
     */
    public NestedMaven withEnvironment(Map<String, String> environment) {
        defaults.putAll(environment);
        return this;
    }

    public Result run(File dir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        try (ExternalProcess process = start(dir, environment, args)) {
            ExternalProcess.Result result = process.await(BUILD_TIMEOUT);
            return new Result(result.exit(), result.timedOut() ? "(the build did not finish in " + BUILD_TIMEOUT.toMinutes()
                    + " minutes and was stopped)\n" + result.output() : result.output());
        }
    }

    public Result run(File dir, String... args) throws IOException, InterruptedException {
        return run(dir, Map.of(), args);
    }

    /**
     * Starts a build; its output (stdout and stderr) is kept whole (up to 1 GB) for {@link ExternalProcess#output()}.
     * Close it to stop it (a test that kills a build on purpose does so through its pid).
     */
    public ExternalProcess start(File dir, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(mvn.getPath(), "-B", "-s", settings.getPath(),
                "-Dmaven.repo.local=" + localRepository.getPath()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir).redirectErrorStream(true);
        builder.environment().putAll(defaults);
        builder.environment().putAll(environment);
        return ExternalProcess.start(builder, 1 << 30);
    }
}
