package io.github.wso2cluster.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.testkit.Keystores;
import io.github.wso2cluster.verify.facts.NodeFacts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that calls a peer over TLS must trust the peer's certificate; a call to the load balancer's name is not a peer's. */
class PeerTrustTest {
    private static final String TOML = "repository/conf/deployment.toml";
    private static final String SECURITY = "repository/resources/security/";

    @TempDir
    Path tmp;

    private static byte[] toml(String host, String extra) {
        return ("[server]\nhostname = \"gw.example.com\"\n\n[clustering]\nmembership_scheme = \"wka\"\nlocal_member_host = \""
                + host + "\"\n\n[keystore.primary]\nfile_name = \"node.jks\"\npassword = \"" + Keystores.PASSWORD + "\"\n"
                + "alias = \"node\"\n\n[truststore]\nfile_name = \"trust.jks\"\npassword = \"" + Keystores.PASSWORD + "\"\n\n"
                + extra).getBytes(StandardCharsets.UTF_8);
    }

    private List<String> keystoreFindings(Path trust1) throws Exception {
        Path key1 = Keystores.generate(tmp.resolve("k1/node.jks"), "JKS", "node", "10.0.0.1", "gw.example.com");
        Path key2 = tmp.resolve("k2/node.jks");
        if (!Files.exists(key2)) {
            Keystores.generate(key2, "JKS", "node", "10.0.0.2", "gw.example.com");
        }
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put(TOML, toml("10.0.0.1", "[apim.key_manager]\nservice_url = \"https://10.0.0.2:9443/services/\"\n\n"
                + "[apim.gateway]\nurl = \"https://gw.example.com/\"\n"));
        one.put(SECURITY + "node.jks", Files.readAllBytes(key1));
        one.put(SECURITY + "trust.jks", Files.readAllBytes(trust1));
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put(TOML, toml("10.0.0.2", ""));
        two.put(SECURITY + "node.jks", Files.readAllBytes(key2));
        two.put(SECURITY + "trust.jks", Files.readAllBytes(trust1));
        List<NodeFacts> nodes = List.of(NodeFacts.of("one", "one.zip", one), NodeFacts.of("two", "two.zip", two));
        return new ClusterVerifier().verify(nodes).findings().stream().filter(f -> f.check().equals("keystores"))
                .filter(f -> f.message().contains("over TLS")).map(f -> f.node() + " " + f.located()).toList();
    }

    @Test
    void aPeerWhoseCertificateTheCallerDoesNotTrustIsAnErrorAndTrustingItClearsIt() throws Exception {
        Path empty = Keystores.generate(tmp.resolve("t/trust.jks"), "JKS", "someone-else", "elsewhere");
        List<String> untrusted = keystoreFindings(empty);
        assertEquals(1, untrusted.size(), untrusted.toString());
        assertTrue(untrusted.get(0).startsWith("one " + TOML + ":18: calls node 'two' at https://10.0.0.2:9443 over TLS,"
                + " but its truststore trusts neither"), untrusted.toString());

        // The same truststore with node two's certificate imported: trusted, and the load balancer's URL is no peer's.
        KeyStore trust = Keystores.load(empty, "JKS");
        trust.setCertificateEntry("two", Keystores.load(tmp.resolve("k2/node.jks"), "JKS").getCertificate("node"));
        Path trusting = tmp.resolve("t2/trust.jks");
        Files.createDirectories(trusting.getParent());
        try (var out = Files.newOutputStream(trusting)) {
            trust.store(out, Keystores.PASSWORD.toCharArray());
        }
        assertEquals(List.of(), keystoreFindings(trusting));
    }

    /** The peer's certificate must name the host the caller uses for it (here its address, which it lacks). */
    @Test
    void aPeerWhoseCertificateDoesNotNameTheHostItIsCalledAsIsAnError() throws Exception {
        Path empty = Keystores.generate(tmp.resolve("t/trust.jks"), "JKS", "someone-else", "elsewhere");
        List<String> all = new ArrayList<>();
        Path key1 = Keystores.generate(tmp.resolve("k1/node.jks"), "JKS", "node", "one", "gw.example.com");
        Path key2 = Keystores.generate(tmp.resolve("k2/node.jks"), "JKS", "node", "two", "gw.example.com");
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put(TOML, toml("10.0.0.1", "[apim.key_manager]\nservice_url = \"https://10.0.0.2:9443/services/\"\n"));
        one.put(SECURITY + "node.jks", Files.readAllBytes(key1));
        one.put(SECURITY + "trust.jks", Files.readAllBytes(empty));
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put(TOML, toml("10.0.0.2", ""));
        two.put(SECURITY + "node.jks", Files.readAllBytes(key2));
        two.put(SECURITY + "trust.jks", Files.readAllBytes(empty));
        new ClusterVerifier().verify(List.of(NodeFacts.of("one", "one.zip", one), NodeFacts.of("two", "two.zip", two)))
                .findings().stream().filter(f -> f.check().equals("keystores") && f.message().contains("calls this node as"))
                .forEach(f -> all.add(f.node() + " " + f.message()));
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).startsWith("two node 'one' calls this node as 10.0.0.2 (" + TOML + ":18"), all.toString());
        assertTrue(all.get(0).contains("but its TLS certificate names [gw.example.com] only"), all.toString());
    }

    /**
     * A PKCS12 keystore whose configured password is behind the vault opens with the project's
     * {@code <secureVault><serverId>} password (then its alias is checked); without it, it is reported as not opened.
     */
    @Test
    void aVaultedPkcs12KeystoreOpensWithTheProjectsKeystorePassword() throws Exception {
        Path store = Keystores.generate(tmp.resolve("p/node.p12"), "PKCS12", "node", "one", "gw.example.com");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TOML, ("[server]\nhostname = \"gw.example.com\"\n\n[keystore.primary]\nfile_name = \"node.p12\"\n"
                + "type = \"PKCS12\"\npassword = \"$secret{keystore_password}\"\nalias = \"not-there\"\n\n"
                + "[secrets]\nkeystore_password = \"abc\"\n").getBytes(StandardCharsets.UTF_8));
        files.put("repository/conf/security/secret-conf.properties", "secVault.enabled=true\n".getBytes(StandardCharsets.UTF_8));
        files.put(SECURITY + "node.p12", Files.readAllBytes(store));
        List<NodeFacts> nodes = List.of(NodeFacts.of("one", "one.zip", files));
        List<String> without = new ClusterVerifier().verify(nodes).findings().stream()
                .filter(f -> f.check().equals("keystores")).map(f -> f.severity() + " " + f.message()).toList();
        assertTrue(without.stream().anyMatch(m -> m.startsWith("INFO ") && m.contains("was not opened")), without.toString());
        List<String> with = new ClusterVerifier(null, io.github.wso2cluster.topology.Secret.of(Keystores.PASSWORD))
                .verify(nodes).findings().stream().filter(f -> f.check().equals("keystores"))
                .map(f -> f.severity() + " " + f.message()).toList();
        assertTrue(with.stream().noneMatch(m -> m.contains("was not opened")), with.toString());
        assertTrue(with.stream().anyMatch(m -> m.startsWith("ERROR ") && m.contains("has no key alias 'not-there'")), with.toString());
    }
}
