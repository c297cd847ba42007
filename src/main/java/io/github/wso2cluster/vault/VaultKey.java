package io.github.wso2cluster.vault;

import io.github.wso2cluster.config.ConfigFileException;
import io.github.wso2cluster.output.Digests;
import io.github.wso2cluster.settings.KeystoreSetting;
import io.github.wso2cluster.topology.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import javax.crypto.Cipher;

/**
 * One node's vault key: the certificate of its keystore's key alias, and the transformation its vault decrypts with.
 * Encrypting is what WSO2's cipher tool does ({@code Cipher.init(ENCRYPT_MODE, certificate)}, the value's UTF-8 bytes,
 * Base64); the private key is never needed, so a JKS keystore is read without its password.
 *
 * @param keystore  the keystore, as the node (or the POM) names it
 */
public record VaultKey(KeystoreSetting keystore, X509Certificate certificate, String algorithm) {

    /**
     * Reads the certificate of {@code alias} from a keystore's bytes: a JKS keystore without a password (its entries'
     * certificates are not encrypted), a PKCS12 one with the password (its certificates are).
     *
     * @param password the keystore password, or null when none was given
     * @throws ConfigFileException naming the keystore file and what to do
     */
    public static VaultKey read(KeystoreSetting keystore, byte[] bytes, Secret password, String algorithm)
            throws ConfigFileException {
        String file = keystore.file().value();
        if (keystore.isPkcs12() && password == null) {
            throw new ConfigFileException(file + ": a PKCS12 keystore yields its certificate only with its password; set"
                    + " <secureVault><serverId> to a settings.xml server whose <password> opens it");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(keystore.isPkcs12() ? "PKCS12" : "JKS");
            store.load(new ByteArrayInputStream(bytes), password == null ? null : password.reveal().toCharArray());
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new ConfigFileException(file + ": the " + keystore.type() + " keystore does not open"
                    + (wrongPassword ? " with the password of <secureVault><serverId>" : " (" + e.getMessage() + ")")
                    + "; check the file, its <Type> or type, and the password");
        } catch (GeneralSecurityException e) {
            throw new ConfigFileException(file + ": the keystore cannot be read as " + keystore.type() + " (" + e.getMessage() + ")");
        }
        try {
            Certificate certificate = keystore.alias() == null ? null : store.getCertificate(keystore.alias());
            if (!(certificate instanceof X509Certificate x509)) {
                throw new ConfigFileException(file + ": has no certificate for key alias '" + keystore.alias()
                        + "' (it has " + String.join(", ", Collections.list(store.aliases())) + "); set <secureVault><alias>,"
                        + " or the keystore's configured alias, to one of them");
            }
            if (!(x509.getPublicKey() instanceof RSAPublicKey)) {
                throw new ConfigFileException(file + ": the key of alias '" + keystore.alias() + "' is "
                        + x509.getPublicKey().getAlgorithm() + "; WSO2's secure vault encrypts with RSA keys only");
            }
            VaultKey key = new VaultKey(keystore, x509, algorithm);
            key.encrypt(""); // a certificate whose key usage forbids encryption fails here, as it fails the cipher tool
            return key;
        } catch (java.security.KeyStoreException e) {
            throw new ConfigFileException(file + ": " + e.getMessage());
        }
    }

    /** The Base64 cipher text of {@code plain}, as the node's vault decrypts it. */
    public String encrypt(String plain) throws ConfigFileException {
        try {
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.ENCRYPT_MODE, certificate);
            return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Never the value: only why the certificate or algorithm cannot encrypt.
            throw new ConfigFileException(keystore.file().value() + ": alias '" + keystore.alias() + "' cannot encrypt with "
                    + algorithm + " (" + e.getMessage() + ")");
        }
    }

    /** SHA-256 of the certificate: part of the node's fingerprint, so a new key rebuilds the node. */
    public String certificateSha256() {
        try {
            return HexFormat.of().formatHex(Digests.sha256().digest(certificate.getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
