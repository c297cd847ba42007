package io.github.wso2cluster.verify.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** The live load-balancer check's throw-away TLS: a self-signed certificate made with openssl, and a client that trusts it. */
final class LiveCertificates {
    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(30);

    private LiveCertificates() {
    }

    /** A self-signed certificate for nginx (PEM) and the responders (PKCS#12), made with openssl under {@code work}. */
    static SSLContext make(Path openssl, Path work) throws IOException, InterruptedException {
        run(work, List.of(openssl.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", "key.pem", "-out", "cert.pem", "-days", "2", "-subj", "/CN=wso2-cluster-live-check"));
        run(work, List.of(openssl.toString(), "pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem", "-out", "node.p12",
                "-passout", "pass:live-check"));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(work.resolve("node.p12"))) {
                store.load(in, "live-check".toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "live-check".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the test certificate could not be loaded: " + e.getMessage(), e);
        }
    }


    static SSLContext trusting() throws IOException {
        try {
            // The live check talks to its own private nginx with its own throw-away certificate: nothing to verify.
            TrustManager trustAll = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        ExternalProcess.Result result = ExternalProcess.run(OPENSSL_TIMEOUT, dir, command);
        if (!result.ok()) {
            throw new IOException(String.join(" ", command) + (result.timedOut() ? " did not finish in 30 s" : " failed")
                    + ": " + result.output().strip());
        }
    }
}
