package io.github.wso2cluster.testkit;

import io.github.wso2cluster.verify.live.ExternalProcess;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;

/**
 * Keystores made by the tests with the JDK's keytool (never a key pair copied from anywhere), and decryption of the
 * vault's cipher text with their private keys, as a node's secure vault decrypts it.
 */
public final class Keystores {
    public static final String PASSWORD = "keystore-pass-1";

    private Keystores() {
    }

    /**
     * A new RSA 2048 key pair under {@code alias}, self-signed for CN={@code cn} with the DNS names as SANs.
     *
     * @param type JKS or PKCS12
     */
    public static Path generate(Path file, String type, String alias, String cn, String... dnsNames) throws Exception {
        return generateWith(PASSWORD, file, type, alias, cn, dnsNames);
    }

    /** As {@link #generate}, with the keystore (and key) password {@code password}. */
    public static Path generateWith(String password, Path file, String type, String alias, String cn, String... dnsNames)
            throws Exception {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=" + cn + ", O=wso2-cluster tests", "-storetype", type, "-keystore", file.toString(),
                "-storepass", password, "-keypass", password, "-noprompt"));
        if (dnsNames.length > 0) {
            command.add("-ext");
            command.add("SAN=" + String.join(",", java.util.Arrays.stream(dnsNames).map(n -> "dns:" + n).toList()));
        }
        ExternalProcess.Result result = ExternalProcess.run(Duration.ofSeconds(60), file.getParent(), command);
        if (!result.ok()) {
            throw new IllegalStateException("keytool failed: " + result.output());
        }
        return file;
    }

    public static KeyStore load(Path file, String type) throws Exception {
        return load(file, type, PASSWORD);
    }

    public static KeyStore load(Path file, String type, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    /** The clear text of a vault cipher text, decrypted with the keystore's private key and {@code algorithm}. */
    public static String decrypt(Path keystore, String type, String alias, String algorithm, String cipherText)
            throws Exception {
        return decryptWith(PASSWORD, keystore, type, alias, algorithm, cipherText);
    }

    /** As {@link #decrypt}, for a keystore whose password is {@code password}. */
    public static String decryptWith(String password, Path keystore, String type, String alias, String algorithm,
                                     String cipherText) throws Exception {
        PrivateKey key = (PrivateKey) load(keystore, type, password).getKey(alias, password.toCharArray());
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, key);
        return new String(cipher.doFinal(Base64.getDecoder().decode(cipherText.trim())), java.nio.charset.StandardCharsets.UTF_8);
    }
}
