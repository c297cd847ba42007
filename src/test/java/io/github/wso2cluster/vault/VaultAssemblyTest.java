package io.github.wso2cluster.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.Reporter;
import io.github.wso2cluster.archive.ClusterAssembly;
import io.github.wso2cluster.configure.ConfigureRequest;
import io.github.wso2cluster.configure.ConfigureSession;
import io.github.wso2cluster.output.OutputLayout;
import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.testkit.Keystores;
import io.github.wso2cluster.testkit.NodeZip;
import io.github.wso2cluster.testkit.ZipBuilder;
import io.github.wso2cluster.topology.Cluster;
import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.Credentials;
import io.github.wso2cluster.topology.database.DriverSource;
import io.github.wso2cluster.topology.Secret;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.DatabaseInput;
import io.github.wso2cluster.topology.input.DatabasesInput;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.SecureVaultInput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * configure-cluster end to end with a secure vault: each node's secrets are encrypted with its own keystore (an
 * overlay's keystore wins), no password string is left anywhere in any node zip or cluster.json, and without a vault
 * one warning says how many node zips hold clear-text passwords.
 */
class VaultAssemblyTest {
    private static final String TOP = "wso2carbon-4.4.40/";
    private static final Path KERNEL = Path.of("src/test/resources/wso2-conf/carbon-kernel-4.4.40");
    private static final Path VAULT = Path.of("src/test/resources/wso2-vault/is-7.0.0");
    private static final String DB_PASSWORD = "Db-pass-42";
    private static final String SVN_PASSWORD = "Svn-pass-43";

    @TempDir
    Path dir;

    private static CredentialSource servers() {
        Map<String, String> passwords = Map.of("db", DB_PASSWORD, "svn", SVN_PASSWORD);
        return id -> Optional.ofNullable(passwords.get(id)).map(p -> new Credentials("bot", Secret.of(p)));
    }

    private Path distribution(Path keystore) throws Exception {
        ZipBuilder zip = ZipBuilder.create();
        for (String file : List.of("axis2/axis2.xml", "carbon.xml", "tomcat/catalina-server.xml",
                "datasources/master-datasources.xml", "registry.xml", "user-mgt.xml")) {
            zip.file(TOP + "repository/conf/" + file, Files.readString(KERNEL.resolve("repository/conf/" + file),
                    StandardCharsets.ISO_8859_1));
        }
        zip.file(TOP + "repository/conf/security/cipher-text.properties",
                Files.readString(VAULT.resolve("repository/conf/security/cipher-text.properties"), StandardCharsets.ISO_8859_1));
        zip.stored(TOP + "repository/resources/security/wso2carbon.jks", Files.readAllBytes(keystore));
        return zip.write(dir.resolve("wso2carbon-4.4.40.zip"));
    }

    private static ClusterInput input(boolean vault) {
        ClusterInput input = Fixtures.referenceCluster();
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/repos/as");
        input.deploymentSynchronizer.setServerId("svn");
        input.databases = new DatabasesInput();
        input.databases.setRegistry(new DatabaseInput("jdbc:mysql://db:3306/REGISTRY_DB", "db"));
        input.databases.setUserStore(new DatabaseInput("jdbc:mysql://db:3306/USER_DB", "db"));
        input.secureVault = vault ? new SecureVaultInput() : null;
        return input;
    }

    private ClusterAssembly.Result build(ClusterInput input, Path zip, Path overlays, List<String> warnings) throws Exception {
        Reporter reporter = new Reporter() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }

            @Override
            public void debug(String message) {
                warnings.add("DEBUG " + message);
            }
        };
        ConfigureSession session = new ConfigureSession(reporter);
        Cluster cluster = session.validate(input, servers(), DriverSource.NONE);
        return session.assemble(cluster, new ConfigureRequest(zip, overlays, new OutputLayout(dir.resolve("target"), "cluster"),
                "2026-01-01T00:00:00Z", 2, "test"));
    }

    @Test
    void eachNodeDecryptsWithItsOwnKeystoreAndNoPasswordIsLeftAnywhere() throws Exception {
        Path common = Keystores.generate(dir.resolve("common.jks"), "JKS", "wso2carbon", "as.wso2.com", "as.wso2.com");
        Path own = Keystores.generate(dir.resolve("overlays/worker2/repository/resources/security/wso2carbon.jks"), "JKS",
                "wso2carbon", "worker2.as.wso2.com");
        List<String> log = new ArrayList<>();
        ClusterAssembly.Result result = build(input(true), distribution(common), dir.resolve("overlays"), log);
        assertTrue(log.stream().noneMatch(l -> l.contains("clear-text")), log.toString());
        for (var zip : result.zips()) {
            Path keystore = zip.nodeId().equals("worker2") ? own : common;
            try (NodeZip node = NodeZip.open(zip.zip().toFile())) {
                java.util.Properties ciphers = node.properties("repository/conf/security/cipher-text.properties");
                assertEquals(DB_PASSWORD, Keystores.decrypt(keystore, "JKS", "wso2carbon", "RSA",
                        ciphers.getProperty("Datasources.WSO2_REGISTRY_DB.Configuration.Password")), zip.nodeId());
                assertEquals(DB_PASSWORD, Keystores.decrypt(keystore, "JKS", "wso2carbon", "RSA",
                        ciphers.getProperty("Datasources.WSO2_USER_DB.Configuration.Password")), zip.nodeId());
                assertEquals(SVN_PASSWORD, Keystores.decrypt(keystore, "JKS", "wso2carbon", "RSA",
                        ciphers.getProperty("Carbon.DeploymentSynchronizer.SvnPassword")), zip.nodeId());
                assertEquals("true", node.properties("repository/conf/security/secret-conf.properties")
                        .getProperty("secVault.enabled"));
            }
            for (String password : List.of(DB_PASSWORD, SVN_PASSWORD, Keystores.PASSWORD)) {
                assertFalse(holds(zip.zip(), password), zip.nodeId() + " holds a password in clear");
            }
        }
        String manifest = Files.readString(dir.resolve("target/wso2-cluster/cluster.json"));
        assertFalse(manifest.contains(DB_PASSWORD) || manifest.contains(SVN_PASSWORD));
        assertTrue(log.stream().noneMatch(l -> l.contains(DB_PASSWORD) || l.contains(SVN_PASSWORD)), "debug log");

        // Nothing changed: nothing rebuilt, though RSA cipher text is random.
        List<String> again = new ArrayList<>();
        assertEquals(List.of(), build(input(true), dir.resolve("wso2carbon-4.4.40.zip"), dir.resolve("overlays"), again).rebuilt());
        // A new key in one node's overlay rebuilds that node alone.
        Keystores.generate(own, "JKS", "wso2carbon", "worker2.as.wso2.com");
        ClusterInput changed = input(true);
        assertEquals(List.of("worker2"), build(changed, dir.resolve("wso2carbon-4.4.40.zip"), dir.resolve("overlays"),
                new ArrayList<>()).rebuilt());
    }

    @Test
    void withoutAVaultOneWarningCountsTheNodeZipsWithClearTextPasswords() throws Exception {
        Path common = Keystores.generate(dir.resolve("common.jks"), "JKS", "wso2carbon", "as.wso2.com");
        List<String> log = new ArrayList<>();
        ClusterAssembly.Result result = build(input(false), distribution(common), null, log);
        List<String> warnings = log.stream().filter(l -> l.contains("clear-text passwords")).toList();
        assertEquals(1, warnings.size(), log.toString());
        assertTrue(warnings.get(0).startsWith("3 node zips hold clear-text passwords"), warnings.get(0));
        assertTrue(warnings.get(0).contains("<secureVault/>"), warnings.get(0));
        assertTrue(holds(result.zips().get(0).zip(), DB_PASSWORD), "the warning is true");
        assertNotEquals(0, result.zips().size());
    }

    /**
     * verify-cluster over the vaulted nodes: the secrets pass; the keystores check sees worker2's own primary keystore
     * (a cluster needs one) and the manager's certificate that does not name mgtHostName; a tampered node is caught.
     */
    @Test
    void verifyClusterChecksTheVaultAndTheKeystores() throws Exception {
        // The passwords carbon.xml and catalina-server.xml ship, so the stores open as configured.
        Path common = Keystores.generateWith("wso2carbon", dir.resolve("common.jks"), "JKS", "wso2carbon", "as.wso2.com",
                "as.wso2.com");
        Keystores.generateWith("wso2carbon", dir.resolve("overlays/common/repository/resources/security/client-truststore.jks"),
                "JKS", "peer", "peer.example.com");
        Keystores.generateWith("wso2carbon", dir.resolve("overlays/worker2/repository/resources/security/wso2carbon.jks"),
                "JKS", "wso2carbon", "as.wso2.com", "as.wso2.com");
        ClusterAssembly.Result result = build(input(true), distribution(common), dir.resolve("overlays"), new ArrayList<>());
        List<Path> zips = result.zips().stream().map(z -> z.zip()).toList();
        io.github.wso2cluster.verify.report.VerifyResult verified = new io.github.wso2cluster.verify.ClusterVerifier()
                .verify(new io.github.wso2cluster.verify.facts.NodeReader(null).read(zips, Map.of()));
        assertTrue(verified.checks().contains("secrets") && verified.checks().contains("keystores"), verified.checks().toString());
        List<String> found = verified.findings().stream().filter(f -> f.check().equals("secrets") || f.check().equals("keystores"))
                .map(f -> f.severity() + " " + f.node() + " " + f.check() + " " + f.located()).toList();
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("ERROR manager keystores repository/conf/carbon.xml:") && found.get(0).contains(
                "names [as.wso2.com] but not mgt.as.wso2.com"), found.toString());
        assertTrue(found.get(1).startsWith("ERROR worker2 keystores repository/conf/carbon.xml:") && found.get(1).contains(
                "differs from node 'manager''s repository/resources/security/wso2carbon.jks"), found.toString());

        // A node whose datasource password is back in clear text, with an alias left dangling, is caught.
        io.github.wso2cluster.testkit.TestClusters.editEntry(zips.get(1), "repository/conf/datasources/master-datasources.xml",
                text -> text.replaceFirst("svns:secretAlias=\"Datasources.WSO2_REGISTRY_DB.Configuration.Password\">password<",
                        ">clear-again<"));
        io.github.wso2cluster.testkit.TestClusters.editEntry(zips.get(1), "repository/conf/security/cipher-text.properties",
                text -> text.replaceAll("(?m)^Carbon.DeploymentSynchronizer.SvnPassword=.*$", ""));
        List<String> broken = new io.github.wso2cluster.verify.ClusterVerifier()
                .verify(new io.github.wso2cluster.verify.facts.NodeReader(null).read(zips, Map.of())).findings().stream()
                .filter(f -> f.check().equals("secrets")).map(f -> f.node() + " " + f.located()).toList();
        assertEquals(2, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith("worker1 repository/conf/carbon.xml:") && broken.get(0).contains(
                "alias 'Carbon.DeploymentSynchronizer.SvnPassword' has no cipher text"), broken.toString());
        assertTrue(broken.get(1).contains("datasource WSO2_REGISTRY_DB has its password in clear text"), broken.toString());
        assertFalse(broken.toString().contains("clear-again"));
    }

    /** Whether any entry of the zip holds the string, in clear or XML-escaped. */
    static boolean holds(Path zipFile, String text) throws Exception {
        try (ZipFile zip = ZipFile.builder().setPath(zipFile).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
