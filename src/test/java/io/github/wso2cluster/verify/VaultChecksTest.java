package io.github.wso2cluster.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.vault.StockKeys;
import io.github.wso2cluster.verify.check.Finding;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code secrets} and {@code keystores} checks on nodes built by hand (a cluster made elsewhere): what the server
 * would refuse at start is an error naming file and line, and WSO2's stock key pair behind a real host name a warning.
 */
class VaultChecksTest {
    private static final Path STOCK = Path.of("src/test/resources/wso2-vault/stock-keystores");
    private static final String TOML = "repository/conf/deployment.toml";
    private static final String CONF = "repository/conf/security/secret-conf.properties";

    private static List<String> findings(String check, Map<String, byte[]> files) {
        NodeFacts node = NodeFacts.of("node1", "node1.zip", files);
        return new ClusterVerifier().verify(List.of(node)).findings().stream().filter(f -> f.check().equals(check))
                .map(f -> f.severity() + " " + f.located()).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void whatTheServerWouldRefuseIsNamed() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TOML, bytes("[server]\nhostname = \"localhost\"\n\n[database.shared_db]\nurl = \"jdbc:mysql://db/x\"\n"
                + "username = \"u\"\npassword = \"$secret{db}\"\n\n[super_admin]\npassword = \"$secret{gone}\"\n\n"
                + "[secrets]\ndb = \"abc\"\nadmin = \"[admin]\"\n\n[transport.https.properties]\nproxyPort = 443\n"));
        files.put(CONF, bytes("secVault.enabled=true\n"));
        assertEquals(List.of(
                "ERROR " + TOML + ":10: alias 'gone' has no cipher text in " + TOML + " [secrets]: the server refuses to"
                        + " start (\"Secret references can't be resolved for gone\"); add it, encrypted with the node's keystore",
                "ERROR " + TOML + ":12: [secrets] is not the last table (another starts at line 16); WSO2's cipher tool"
                        + " rewrites every line after the [secrets] header, so move [secrets] to the end of the file",
                "ERROR " + TOML + ":14: [secrets] admin is still plain text; the server refuses to start (\"Secret"
                        + " references can't be plain text for admin\"): encrypt it (configure-cluster's <secrets>, or"
                        + " ciphertool.sh -Dconfigure)"), findings("secrets", files));

        files.put(CONF, bytes("# not enabled\n"));
        List<String> disabled = findings("secrets", files);
        assertTrue(disabled.get(0).startsWith("ERROR " + TOML + ":7: refers to secure-vault alias 'db'")
                && disabled.get(0).contains("does not set secVault.enabled=true"), disabled.toString());
    }

    @Test
    void noNodeUsingTheVaultAndNoKeystoreMeansNoCases() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TOML, bytes("[server]\nhostname = \"is.example.com\"\n"));
        var result = new ClusterVerifier().verify(List.of(NodeFacts.of("node1", "node1.zip", files)));
        assertTrue(!result.checks().contains("secrets") && !result.checks().contains("keystores")
                && !result.notApplicable().containsKey("secrets"), result.checks().toString());
    }

    @Test
    void wso2sStockKeyPairWithAHostNameIsAWarningAndItsCertificateAnError() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TOML, bytes("[server]\nhostname = \"is.example.com\"\n\n[keystore.primary]\nfile_name = \"wso2carbon.jks\"\n"
                + "password = \"wso2carbon\"\ntype = \"JKS\"\nalias = \"wso2carbon\"\n\n[truststore]\nfile_name = \"wso2carbon.jks\"\n"));
        files.put("repository/resources/security/wso2carbon.jks", Files.readAllBytes(STOCK.resolve("is-7.0.0/wso2carbon.jks")));
        List<String> found = findings("keystores", files);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("WARNING " + TOML + ":5: the primary keystore repository/resources/security/"
                + "wso2carbon.jks holds WSO2's stock key pair"), found.toString());
        assertTrue(found.get(1).startsWith("ERROR " + TOML + ":2: the TLS certificate (repository/resources/security/"
                + "wso2carbon.jks, alias 'wso2carbon') names [localhost] but not is.example.com"), found.toString());

        files.put(TOML, bytes("[server]\nhostname = \"is.example.com\"\n\n[keystore.primary]\nfile_name = \"wso2carbon.jks\"\n"
                + "password = \"wrong\"\nalias = \"nope\"\n"));
        List<String> wrong = findings("keystores", files);
        assertTrue(wrong.get(0).startsWith("ERROR " + TOML + ":6: the primary keystore repository/resources/security/"
                + "wso2carbon.jks does not open with the configured password"), wrong.toString());
    }

    /** Every stock keystore vendored here is recognised, and the list holds every key WSO2 shipped (16 of them). */
    @Test
    void theVendoredStockKeystoresAreInTheList() throws Exception {
        assertEquals(16, StockKeys.count());
        for (String product : List.of("is-7.0.0", "carbon-kernel-4.4.1")) {
            KeyStore store = KeyStore.getInstance("JKS");
            try (var in = Files.newInputStream(STOCK.resolve(product).resolve("wso2carbon.jks"))) {
                store.load(in, "wso2carbon".toCharArray());
            }
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
                    String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(certificate.getPublicKey().getEncoded()));
                    assertTrue(StockKeys.isStock(key), product + " " + alias);
                }
            }
        }
    }

    @Test
    void everyVendoredFileHasItsProvenanceRowAndItsBlob() throws Exception {
        Path root = Path.of("src/test/resources/wso2-vault");
        String provenance = Files.readString(root.resolve("PROVENANCE.md"));
        int files = 0;
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("PROVENANCE.md")).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                byte[] content = Files.readAllBytes(file);
                MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
                sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
                String blob = HexFormat.of().formatHex(sha1.digest(content));
                assertTrue(provenance.contains("| " + relative + " | " + content.length + " | ")
                        && provenance.contains(" | " + blob + " | "), relative);
                files++;
            }
        }
        assertEquals(5, files);
    }

    static String text(Finding finding) {
        return finding.located();
    }
}
