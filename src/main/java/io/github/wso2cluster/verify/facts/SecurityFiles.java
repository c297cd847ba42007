package io.github.wso2cluster.verify.facts;

import io.github.wso2cluster.product.ConfigPaths;
import io.github.wso2cluster.vault.SecretConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /** The paths to read from a node zip, given every path it has (under the top folder). */
    static List<String> inZip(ConfigPaths paths, Collection<String> relative) {
        List<String> wanted = new ArrayList<>(List.of(SecretConf.path(paths), SecretConf.cipherTextPath(paths)));
        relative.stream().filter(SecurityFiles::isKeystore).forEach(wanted::add);
        return wanted;
    }

    /** The paths to read from an unpacked node folder. */
    static List<String> inFolder(ConfigPaths paths, Path top) throws IOException {
        List<String> wanted = new ArrayList<>(List.of(SecretConf.path(paths), SecretConf.cipherTextPath(paths)));
        if (Files.isDirectory(top.resolve(FOLDER))) {
            try (Stream<Path> stores = Files.list(top.resolve(FOLDER))) {
                stores.filter(Files::isRegularFile).map(f -> top.relativize(f).toString().replace('\\', '/'))
                        .filter(SecurityFiles::isKeystore).forEach(wanted::add);
            }
        }
        return wanted;
    }
}
