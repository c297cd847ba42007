package io.github.wso2cluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wso2cluster.testkit.Fixtures;
import io.github.wso2cluster.topology.input.ClusterInput;
import io.github.wso2cluster.topology.input.SecretInput;
import io.github.wso2cluster.topology.input.SecureVaultInput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code <secureVault>} and {@code <secrets>}: every problem listed with its element, no secret in any message. */
class VaultSettingsTest {
    private static final CredentialSource SERVERS = id -> id.equals("admin")
            ? Optional.of(new Credentials("admin", Secret.of("Adm1n-secret"))) : Optional.empty();

    @Test
    void everyProblemIsNamed() {
        ClusterInput input = Fixtures.referenceCluster();
        input.secureVault = new SecureVaultInput();
        input.secureVault.setKeystore("../outside.jks");
        input.secureVault.setServerId("nobody");
        input.secureVault.setAlgorithm("AES/GCM/NoPadding");
        SecretInput both = new SecretInput("super_admin.password", "admin");
        both.setFile("repository/conf/user-mgt.xml");
        SecretInput noServer = new SecretInput("a.password", null);
        SecretInput badAlias = new SecretInput("b.password", "admin");
        badAlias.setAlias("has space");
        input.secrets = List.of(both, noServer, badAlias, new SecretInput("c.password", "admin"),
                new SecretInput("c.password", "admin"));
        InvalidTopologyException e = assertThrows(InvalidTopologyException.class,
                () -> new TopologyValidator(SERVERS).validate(input));
        List<String> problems = e.getMessage().lines().filter(l -> l.startsWith("  - ")).map(l -> l.substring(4)).toList();
        assertEquals(List.of(
                "secureVault/keystore: '../outside.jks' is not a file inside the distribution's top folder; give it relative"
                        + " to the top folder, without '..', e.g. repository/resources/security/node.jks",
                "secureVault/serverId: no <server> with id 'nobody' in settings.xml; add one with its <password>",
                "secureVault/algorithm: 'AES/GCM/NoPadding' is not one the node decrypts with; use RSA (default, PKCS#1"
                        + " v1.5) or RSA/ECB/OAEPwithSHA1andMGF1Padding",
                "secrets[0]: give <key>, or <file> and <xpath>, not both",
                "secrets[1]/serverId: is required: a secret comes from settings.xml <servers> (its <password>), never from"
                        + " the POM",
                "secrets[2]/alias: 'has space' is not an alias (letters, digits, '.', '_', '-')",
                "secrets[4]: c.password is already given by secrets[3]; give each place once"), problems);
        assertFalse(e.getMessage().contains("Adm1n-secret"));
    }

    @Test
    void secretsNeedTheVault() {
        ClusterInput input = Fixtures.referenceCluster();
        input.secrets = List.of(new SecretInput("super_admin.password", "admin"));
        InvalidTopologyException e = assertThrows(InvalidTopologyException.class,
                () -> new TopologyValidator(SERVERS).validate(input));
        assertEquals(List.of("  - secrets: need <secureVault> (a secret is written into the nodes encrypted only); add"
                + " <secureVault/>, or remove <secrets>"), e.getMessage().lines().filter(l -> l.startsWith("  - ")).toList());
    }

    @Test
    void defaultsAreWso2s() throws Exception {
        ClusterInput input = Fixtures.referenceCluster();
        input.secureVault = new SecureVaultInput();
        input.secureVault.setAlgorithm("rsa/ecb/oaepwithsha1andmgf1padding");
        SecureVault vault = new TopologyValidator(SERVERS).validate(input).secureVault();
        assertEquals(SecureVault.RSA_OAEP, vault.algorithm());
        input.secureVault.setAlgorithm(null);
        assertEquals(SecureVault.RSA, new TopologyValidator(SERVERS).validate(input).secureVault().algorithm());
        assertEquals(null, new TopologyValidator(SERVERS).validate(input).secureVault().keystore());
        assertFalse(new TopologyValidator(SERVERS).validate(input).toString().contains("Adm1n"));
    }
}
