package io.github.wso2cluster.product;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wso2cluster.topology.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The profile names the plugin writes as {@code [server] server_role} and into node.properties are the
 * {@code -Dprofile=} case labels of the version's own profileSetup.sh (vendored with provenance): 4.1.0 knows
 * {@code api-key-manager-deprecated}, 4.3.0 only {@code api-key-manager-node}.
 */
class ProfileSetupScriptTest {
    @ParameterizedTest
    @ValueSource(strings = {"4.1.0", "4.3.0"})
    void everyRolesProfileIsACaseOfTheVersionsScript(String version) throws Exception {
        String script = Files.readString(Path.of("src/test/resources/wso2-toml/profile-setup/apim-" + version
                + "/profileSetup.sh"));
        Matcher m = Pattern.compile("-Dprofile=([a-z-]+)\\)").matcher(script);
        List<String> cases = m.results().map(r -> r.group(1)).collect(Collectors.toList());
        Product product = new Product(ProductLine.API_MANAGER, version, ConfigFormat.TOML, ConfigPaths.STANDARD);
        for (Role role : List.of(Role.CONTROL_PLANE, Role.GATEWAY, Role.TRAFFIC_MANAGER, Role.KEY_MANAGER)) {
            String profile = ApimProfiles.profile(product, role);
            assertTrue(cases.contains(profile), version + ": " + role.id() + " runs as " + profile + ", not in " + cases);
            assertTrue(ApimProfiles.role(product, profile).orElseThrow() == role, profile);
        }
    }
}
