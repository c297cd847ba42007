package io.github.wso2cluster.vault;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * A keystore or truststore file as verify-cluster opens it, with the JDK's {@link KeyStore}: with the configured
 * password, or (a JKS file whose password is behind the vault) without one, which still yields its certificates.
 *
 * @param store   the opened keystore, or null
 * @param problem why it did not open (never the password), or null
 */
public record KeystoreFile(KeyStore store, String problem) {

    /** @param password the configured password, or null when it cannot be known (behind the vault) */
    public static KeystoreFile open(byte[] bytes, String type, String password) {
        boolean pkcs12 = "PKCS12".equalsIgnoreCase(type);
        if (pkcs12 && password == null) {
            return new KeystoreFile(null, null);
        }
        try {
            KeyStore store = KeyStore.getInstance(pkcs12 ? "PKCS12" : "JKS");
            store.load(new ByteArrayInputStream(bytes), password == null ? null : password.toCharArray());
            return new KeystoreFile(store, null);
        } catch (IOException e) {
            return new KeystoreFile(null, e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password") ? "does not open with the configured password"
                    : "cannot be read as " + type + " (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            return new KeystoreFile(null, "cannot be read as " + type + " (" + e.getMessage() + ")");
        }
    }

    public boolean opened() {
        return store != null;
    }

    public List<String> aliases() {
        try {
            return store == null ? List.of() : Collections.list(store.aliases());
        } catch (java.security.KeyStoreException e) {
            return List.of();
        }
    }

    /** The certificate of {@code alias}, or of the first key entry when alias is null. */
    public Optional<X509Certificate> certificate(String alias) {
        try {
            String name = alias;
            if (name == null) {
                name = aliases().stream().filter(a -> {
                    try {
                        return store.isKeyEntry(a);
                    } catch (java.security.KeyStoreException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
            }
            Certificate certificate = name == null || store == null ? null : store.getCertificate(name);
            return certificate instanceof X509Certificate x509 ? Optional.of(x509) : Optional.empty();
        } catch (java.security.KeyStoreException e) {
            return Optional.empty();
        }
    }

    /** Every certificate the store holds (a truststore's trusted ones, a keystore's chains' leaves). */
    public List<X509Certificate> certificates() {
        List<X509Certificate> all = new ArrayList<>();
        for (String alias : aliases()) {
            certificate(alias).ifPresent(all::add);
        }
        return all;
    }

    /** SHA-256 of the public key (SubjectPublicKeyInfo): one key whatever its certificate. */
    public static String keySha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DNS names a TLS client accepts for the certificate: its SAN DNS entries, else its CN. */
    public static List<String> hostNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0)) || Integer.valueOf(7).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable SAN extension: fall back to the CN, as old clients do
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(String.valueOf(rdn.getValue()).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (InvalidNameException e) {
                // no CN
            }
        }
        return names;
    }

    /** Whether a certificate name covers a host name (a wildcard covers one label, as RFC 6125 says). */
    public static boolean covers(String pattern, String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (pattern.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot).equals(pattern.substring(1));
        }
        return pattern.equals(name);
    }
}
