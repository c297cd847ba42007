package io.github.wso2cluster.verify.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks speak axis2.xml, carbon.xml and catalina-server.xml; on a deployment.toml product the same finding
 * is told in deployment.toml's keys, so that what to set is what the user edits.
 */
final class TomlWording {
    private static final Map<String, String> WORDS = new LinkedHashMap<>();

    static {
        WORDS.put("set enable=\"true\" on <clustering>", "set [clustering] membership_scheme = \"wka\"");
        WORDS.put("clustering is disabled (enable=\"false\")", "clustering is disabled (no [clustering] membership_scheme)");
        WORDS.put("<clustering> has no <members> list", "[clustering] has no members list");
        WORDS.put("<members> elements", "members lists");
        WORDS.put("<clustering>", "[clustering]");
        WORDS.put("membershipScheme", "[clustering] membership_scheme");
        WORDS.put("localMemberHost", "[clustering] local_member_host");
        WORDS.put("localMemberPort", "[clustering] local_member_port");
        WORDS.put("Ports/Offset", "[server] offset");
        WORDS.put("proxyPort on the HTTPS connector", "[transport.https.properties] proxyPort");
        WORDS.put("proxyPort on the HTTP connector", "[transport.http.properties] proxyPort");
        WORDS.put("the HTTPS connector", "[transport.https.properties]");
        WORDS.put("the HTTP connector", "[transport.http.properties]");
        WORDS.put("<HostName>", "[server] hostname");
        WORDS.put("<url>", "url");
        WORDS.put("<username>", "username");
    }

    private TomlWording() {
    }

    static String apply(String message) {
        String out = message;
        for (Map.Entry<String, String> word : WORDS.entrySet()) {
            out = out.replace(word.getKey(), word.getValue());
        }
        return out;
    }
}
