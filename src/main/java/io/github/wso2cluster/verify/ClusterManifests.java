package io.github.wso2cluster.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the node zips that configure-cluster listed in cluster.json (its own format: one "zip" key per node). */
public final class ClusterManifests {
    private static final Pattern ZIP = Pattern.compile("\"zip\": \"([^\"]+)\"");

    private ClusterManifests() {
    }

    /** The node zips, resolved against {@code buildDirectory} (where configure-cluster wrote them). */
    public static List<Path> nodeZips(Path manifest, Path buildDirectory) throws IOException {
        List<Path> zips = new ArrayList<>();
        Matcher matcher = ZIP.matcher(Files.readString(manifest, StandardCharsets.UTF_8));
        while (matcher.find()) {
            zips.add(buildDirectory.resolve(matcher.group(1)));
        }
        return zips;
    }
}
