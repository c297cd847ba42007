package io.github.wso2cluster.settings;

import io.github.wso2cluster.product.Located;
import java.util.Locale;

/**
 * A keystore or truststore a node's configuration names: carbon.xml's {@code Security/KeyStore},
 * {@code InternalKeyStore}, {@code TrustStore} (Carbon 4.x), or deployment.toml's {@code [keystore.primary]},
 * {@code [keystore.internal]}, {@code [keystore.tls]}, {@code [truststore]} with the product's defaults.
 *
 * @param file     the file, relative to the top folder ({@code repository/resources/security/wso2carbon.jks}), at the
 *                 line that names it
 * @param type     JKS or PKCS12 (as configured, upper-cased)
 * @param alias    the key alias (null for a truststore)
 * @param password the configured password as written (a secret, or a secure-vault reference): never print its value
 */
public record KeystoreSetting(Kind kind, Located file, String type, String alias, Located password) {
    /** Which keystore, in the words of both formats. */
    public enum Kind {
        PRIMARY("primary keystore", "Security/KeyStore", "keystore.primary"),
        INTERNAL("internal keystore", "Security/InternalKeyStore", "keystore.internal"),
        TLS("TLS keystore", "the HTTPS connector's keystoreFile", "keystore.tls"),
        TRUSTSTORE("truststore", "Security/TrustStore", "truststore");

        private final String description;
        private final String xml;
        private final String toml;

        Kind(String description, String xml, String toml) {
            this.description = description;
            this.xml = xml;
            this.toml = toml;
        }

        public String description() {
            return description;
        }

        /** carbon.xml's element path. */
        public String xml() {
            return xml;
        }

        /** deployment.toml's table. */
        public String toml() {
            return toml;
        }
    }

    /** WSO2's folder for keystores: a bare file name or a {@code ${carbon.home}} path resolve against it. */
    public static final String SECURITY_FOLDER = "repository/resources/security";

    /**
     * A configured location as a path under the top folder, resolved as WSO2's cipher tool resolves it: after
     * {@code ${carbon.home}} (or any {@code ${...}}), from {@code repository/resources/security} on, else a bare name
     * inside that folder.
     */
    public static String resolve(String location) {
        String path = location.trim().replace('\\', '/');
        if (path.contains("}")) {
            path = path.substring(path.indexOf('}') + 1);
        } else if (path.contains(SECURITY_FOLDER)) {
            path = path.substring(path.indexOf(SECURITY_FOLDER));
        } else {
            path = SECURITY_FOLDER + "/" + path;
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }

    public boolean isPkcs12() {
        return type != null && type.toUpperCase(Locale.ROOT).equals("PKCS12");
    }
}
