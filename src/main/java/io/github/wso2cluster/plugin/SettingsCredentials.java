package io.github.wso2cluster.plugin;

import io.github.wso2cluster.topology.CredentialSource;
import io.github.wso2cluster.topology.Credentials;
import io.github.wso2cluster.topology.Secret;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** settings.xml {@code <servers>}, with passwords decrypted the way Maven decrypts them. */
final class SettingsCredentials implements CredentialSource {
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    SettingsCredentials(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    @Override
    public Optional<Credentials> lookup(String serverId) throws Unavailable {
        if (settings == null) {
            return Optional.empty();
        }
        Server server = settings.getServer(serverId);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem's message never holds the password, only why decryption failed.
                throw new Unavailable("settings.xml server '" + serverId + "': its password cannot be"
                        + " decrypted (" + problem.getMessage() + "); check settings-security.xml");
            }
        }
        Server decrypted = result.getServer();
        return Optional.of(new Credentials(decrypted.getUsername(), Secret.of(decrypted.getPassword())));
    }
}
