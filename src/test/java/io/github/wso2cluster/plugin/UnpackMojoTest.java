package io.github.wso2cluster.plugin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class UnpackMojoTest {
    private static final java.nio.file.Path ZIP = java.nio.file.Path.of("target/unit-unpack/wso2ei-6.4.0.zip");

    /** EI 6.4.0's business-process profile, with its real config files (src/test/resources/wso2-conf). */
    @org.junit.jupiter.api.BeforeAll
    static void businessProcessDistribution() throws Exception {
        io.github.wso2cluster.output.AtomicFiles.deleteTree(ZIP.getParent());
        java.nio.file.Files.createDirectories(ZIP.getParent());
        io.github.wso2cluster.testkit.ZipBuilder.create()
                .folder(io.github.wso2cluster.testkit.Fixtures.referenceRoot().resolve("ei-6.4.0-business-process"), "wso2ei-6.4.0")
                .file("wso2ei-6.4.0/bin/business-process.sh", "#!/bin/sh\n")
                .write(ZIP);
    }

    /** unpack takes confDirectory as configure-cluster and verify-cluster do (issue 26: it failed "no configuration directory"). */
    @Test
    @InjectMojo(goal = "unpack", pom = "src/test/resources/unit/unpack-conf-directory/pom.xml")
    void aConfDirectoryOutsideTheDefaultsIsTakenFromThePom(UnpackMojo mojo) throws Exception {
        withBuildDirectory(mojo);
        assertDoesNotThrow(mojo::execute);
        assertTrue(java.nio.file.Files.isRegularFile(java.nio.file.Path.of(
                "target/unit-unpack/distribution/wso2ei-6.4.0/wso2/business-process/conf/axis2/axis2.xml")));
    }

    @Test
    @InjectMojo(goal = "unpack", pom = "src/test/resources/unit/unpack-conf-directory/pom.xml")
    @MojoParameter(name = "confDirectory", value = "wso2/no-such-profile/conf")
    @MojoParameter(name = "unpackDirectory", value = "target/unit-unpack/elsewhere")
    void aConfDirectoryTheZipLacksIsNamed(UnpackMojo mojo) {
        withBuildDirectory(mojo);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("has no wso2ei-6.4.0/wso2/no-such-profile/conf/axis2/axis2.xml; check"
                + " <confDirectory> wso2/no-such-profile/conf"), e.getMessage());
    }

    /** The harness's project is a stub without a build section; the digest cache lives in the build directory. */
    private static void withBuildDirectory(UnpackMojo mojo) {
        org.apache.maven.model.Build build = new org.apache.maven.model.Build();
        build.setDirectory(ZIP.getParent().resolve("target").toAbsolutePath().toString());
        build.setFinalName("unpack-conf-directory-1.0");
        org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject();
        project.getModel().setBuild(build);
        mojo.project = project;
    }

    @Test
    @InjectMojo(goal = "unpack", pom = "src/test/resources/unit/skip/pom.xml")
    void aMissingDistributionFileIsAUserError(UnpackMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("no-such-distribution.zip does not exist or is not a file; check"
                + " <distributionFile> or the zip dependency"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "unpack", pom = "src/test/resources/unit/no-distribution/pom.xml")
    void noZipDependencyAndNoFileSaysHowToDeclareOne(UnpackMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("No WSO2 distribution: declare the product zip as a dependency"
                + " (<type>zip</type>"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "unpack", pom = "src/test/resources/unit/skip/pom.xml")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(UnpackMojo mojo) {
        assertDoesNotThrow(mojo::execute, "skip must not even look for the distribution");
    }
}
