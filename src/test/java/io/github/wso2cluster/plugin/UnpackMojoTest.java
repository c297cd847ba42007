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
