package io.github.wso2cluster.testkit;

import java.util.List;
import java.time.Duration;
import io.github.wso2cluster.verify.live.ExternalProcess;
import io.github.wso2cluster.verify.live.Executables;
import io.github.wso2cluster.verify.live.PrivateNginx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The real {@code nginx -t} on a generated configuration, included from Debian 12's stock nginx.conf (vendored
 * under src/test/resources/nginx/debian-12 with its provenance): its include lines and the paths of its pid,
 * logs and temporary files point into {@code folder} (under target/), so nothing is written elsewhere. Where
 * nginx is missing the calling test is skipped, saying so ({@code .ci/run} installs nginx-light).
 */
public final class NginxTest {
    private NginxTest() {
    }

    public static Path nginx() {
        Optional<Path> nginx = Executables.find("nginx");
        Assumptions.assumeTrue(nginx.isPresent(), "nginx is not installed (Debian package nginx-light); .ci/run installs"
                + " it. Skipping the test that runs the real nginx.");
        return nginx.get();
    }

    /** Writes the stock main configuration around {@code site} into {@code folder} and runs {@code nginx -t} on it. */
    public static PrivateNginx.TestResult test(Path folder, String site) throws IOException, InterruptedException {
        Path nginx = nginx();
        Path stock = Path.of("src/test/resources/nginx/debian-12");
        Files.createDirectories(folder.resolve("conf"));
        Path siteFile = Files.writeString(folder.resolve("conf/wso2-cluster.conf"), site, StandardCharsets.UTF_8);
        Path p = folder.toAbsolutePath();
        String main = Files.readString(stock.resolve("nginx.conf"), StandardCharsets.UTF_8)
                .replace("pid /run/nginx.pid;", "pid " + p.resolve("nginx.pid") + ";")
                .replace("error_log /var/log/nginx/error.log;", "error_log " + p.resolve("error.log") + ";")
                .replace("include /etc/nginx/modules-enabled/*.conf;", "# (modules-enabled: none for the test)")
                .replace("include /etc/nginx/mime.types;", "include " + stock.toAbsolutePath().resolve("mime.types") + ";")
                .replace("access_log /var/log/nginx/access.log;", "access_log " + p.resolve("access.log") + ";\n"
                        + PrivateNginx.temporaryPaths(p, "\t"))
                .replace("include /etc/nginx/conf.d/*.conf;", "include " + siteFile.toAbsolutePath() + ";")
                .replace("include /etc/nginx/sites-enabled/*;", "# (sites-enabled: none for the test)");
        if (main.contains("/etc/nginx") || main.contains("/var/") || main.contains("/run/")) {
            throw new IllegalStateException("a stock path is left in the test's nginx.conf:\n" + main);
        }
        Path config = Files.writeString(folder.resolve("conf/nginx.conf"), main, StandardCharsets.UTF_8);
        return PrivateNginx.test(nginx, folder, config);
    }

    /** A self-signed certificate and key under {@code folder} (openssl), for configurations that listen with ssl. */
    public static void certificate(Path folder, String name) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        ExternalProcess.Result result = ExternalProcess.run(Duration.ofSeconds(30), folder, List.of("openssl", "req", "-x509",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key", "-out",
                name + ".crt", "-days", "2", "-subj", "/CN=" + name));
        if (!result.ok()) {
            throw new IOException("openssl failed" + (result.timedOut() ? " to finish in 30 s" : "") + ": " + result.output());
        }
    }
}
