package io.github.wso2cluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.topology.input.DeploymentSynchronizerInput;
import io.github.wso2cluster.topology.input.ClusterInput;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SVN password never shows in the text of any model object: Maven prints parameters with -X. */
class SecretsTest {
    private static final String PASSWORD = "Very-Secret-Pa55";

    @Test
    void noModelObjectPrintsThePassword() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setSvnUrl("https://svn.example.com/as");
        input.deploymentSynchronizer.setSvnUser("bot");
        input.deploymentSynchronizer.setSvnPassword(PASSWORD);
        Cluster cluster = new TopologyValidator(CredentialSource.NONE).validate(input);

        assertEquals(PASSWORD, cluster.deploymentSynchronizer().svnPassword().reveal(), "carbon.xml still gets it");
        for (Object printed : new Object[] {cluster, cluster.deploymentSynchronizer(), input.deploymentSynchronizer,
            cluster.deploymentSynchronizer().svnPassword(), new Credentials("bot", Secret.of(PASSWORD))}) {
            assertFalse(String.valueOf(printed).contains(PASSWORD), () -> printed.getClass().getSimpleName() + ": " + printed);
        }
    }

    @Test
    void credentialsFromSettingsNeverReachValidationMessages() {
        ClusterInput input = Fixtures.referenceCluster();
        input.deploymentSynchronizer = new DeploymentSynchronizerInput();
        input.deploymentSynchronizer.setServerId("svn");
        input.deploymentSynchronizer.setSvnPassword(PASSWORD);
        TopologyValidator validator = new TopologyValidator(id -> Optional.of(new Credentials("bot", Secret.of(PASSWORD))));
        InvalidTopologyException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidTopologyException.class,
                () -> validator.validate(input));
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    }
}
