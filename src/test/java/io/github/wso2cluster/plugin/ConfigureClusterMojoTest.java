package io.github.wso2cluster.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

/** The Mojo binds the POM's nested configuration (per-node xmlEdits included) and fails before any I/O. */
@MojoTest
class ConfigureClusterMojoTest {

    @Test
    @InjectMojo(goal = "configure-cluster", pom = "src/test/resources/unit/invalid-topology/pom.xml")
    void bindsNestedNodesAndXmlEditsAndReportsEveryProblem(ConfigureClusterMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("The cluster description has 4 problems (nothing was written):"), e.getMessage());
        assertTrue(e.getMessage().contains("nodes[0] 'manager' xmlEdits[0]: value is required"), e.getMessage());
        assertTrue(e.getMessage().contains("nodes[1] 'worker1': portOffset 0 gives HTTP port 9763, which nodes[0]"
                + " 'manager' (HTTP) on the same host 10.0.0.2 also uses"), e.getMessage());
        assertTrue(e.getMessage().contains("nodes[1] 'worker1': localMemberHost:localMemberPort 10.0.0.2:4000 is already"
                + " used by nodes[0] 'manager'"), "both default to member port 4000: " + e.getMessage());
        assertEquals(4, e.getMessage().lines().filter(l -> l.startsWith("  - ")).count());
    }
}
