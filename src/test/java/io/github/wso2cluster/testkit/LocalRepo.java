package io.github.wso2cluster.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a zip into a local Maven repository as groupId:artifactId:version:zip (invoker setup scripts). */
public final class LocalRepo {
    private LocalRepo() {
    }

    public static Path install(File repository, String groupId, String artifactId, String version, Path zip)
            throws IOException {
        Path folder = repository.toPath().resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(artifactId + "-" + version + ".pom"),
                "<project><modelVersion>4.0.0</modelVersion><groupId>" + groupId + "</groupId><artifactId>" + artifactId
                        + "</artifactId><version>" + version + "</version><packaging>pom</packaging></project>\n");
        Path target = folder.resolve(artifactId + "-" + version + ".zip");
        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
