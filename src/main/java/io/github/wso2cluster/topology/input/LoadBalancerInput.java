package io.github.wso2cluster.topology.input;

/** {@code <loadBalancer>} as written in the POM. */
public class LoadBalancerInput {
    private String sessionAffinity;
    private String sslCertificate;
    private String sslCertificateKey;
    private String mgtSslCertificate;
    private String mgtSslCertificateKey;

    public String getSessionAffinity() { return sessionAffinity; }
    public void setSessionAffinity(String sessionAffinity) { this.sessionAffinity = sessionAffinity; }
    public String getSslCertificate() { return sslCertificate; }
    public void setSslCertificate(String sslCertificate) { this.sslCertificate = sslCertificate; }
    public String getSslCertificateKey() { return sslCertificateKey; }
    public void setSslCertificateKey(String sslCertificateKey) { this.sslCertificateKey = sslCertificateKey; }
    public String getMgtSslCertificate() { return mgtSslCertificate; }
    public void setMgtSslCertificate(String mgtSslCertificate) { this.mgtSslCertificate = mgtSslCertificate; }
    public String getMgtSslCertificateKey() { return mgtSslCertificateKey; }
    public void setMgtSslCertificateKey(String mgtSslCertificateKey) { this.mgtSslCertificateKey = mgtSslCertificateKey; }

    @Override
    public String toString() {
        return "LoadBalancer[sessionAffinity=" + sessionAffinity + ", sslCertificate=" + sslCertificate
                + ", sslCertificateKey=" + sslCertificateKey + ", mgtSslCertificate=" + mgtSslCertificate
                + ", mgtSslCertificateKey=" + mgtSslCertificateKey + "]";
    }
}
