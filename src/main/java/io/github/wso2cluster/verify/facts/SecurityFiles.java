package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.vault.SecretConf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** The files the secrets and keystores checks read besides the config files: the vault's properties and the keystores. */
final class SecurityFiles {
    /** Keystores and truststores, where WSO2 keeps them. */
    private static final Pattern KEYSTORE = Pattern.compile("(?:.*/)?resources/security/[^/]+\\.(?i:jks|p12|pfx|jceks)");
    private static final String FOLDER = "repository/resources/security";

    private SecurityFiles() {
    }

    static boolean isKeystore(String path) {
        return KEYSTORE.matcher(path).matches();
    }

    /** The paths to read from a node, given every file it has (under the top folder). */
    static List<String> in(ConfigPaths paths, Collection<String> files) {
        List<String> wanted = new ArrayList<>(List.of(SecretConf.path(paths), SecretConf.cipherTextPath(paths)));
        files.stream().filter(SecurityFiles::isKeystore).forEach(wanted::add);
        return wanted;
    }
}
