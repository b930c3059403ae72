package io.lead360.gateway.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The gateway's SSO settings in docker-compose.yml are environment variables; a misspelt one is
 * silently ignored by Spring Boot. This binds them exactly as the container would and checks the
 * registration that results (the demo realm export lives in keycloak/).
 */
class ComposeSsoSettingsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void composeConfiguresAKeycloakRegistrationMatchingTheRealmExport() throws IOException {
        Binder binder = binderFor(gatewayEnvironment());

        OAuth2ClientProperties properties = binder.bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
                .orElseThrow(() -> new AssertionError("no spring.security.oauth2.client settings in compose"));
        OAuth2ClientProperties.Registration keycloak =
                properties.getRegistration().get("keycloak");
        assertThat(keycloak).as("registration 'keycloak'").isNotNull();
        assertThat(keycloak.getClientId()).isEqualTo("lead360-gateway");
        assertThat(keycloak.getClientName()).isEqualTo("Keycloak");
        assertThat(keycloak.getScope()).containsExactlyInAnyOrder("openid", "email");
        assertThat(properties.getProvider().get("keycloak").getIssuerUri())
                .isEqualTo("http://keycloak.localhost:8180/realms/lead360");
        assertThat(new SsoProviders(properties).list())
                .containsExactly(new SsoProviders.Provider("keycloak", "Keycloak", "/oauth2/authorization/keycloak"));

        String realm = Files.readString(ROOT.resolve("keycloak/lead360-realm.json"));
        assertThat(realm)
                .contains(
                        "\"realm\": \"lead360\"",
                        "\"clientId\": \"lead360-gateway\"",
                        "\"secret\": \"lead360-demo-secret\"",
                        "http://localhost:8080/login/oauth2/code/keycloak");
        assertThat(keycloak.getClientSecret()).isEqualTo("lead360-demo-secret");

        assertThat(binder.bind("lead360.sso", SsoProperties.class).get().requireVerifiedEmail())
                .isTrue();
    }

    @Test
    void requiringAVerifiedEmailCanBeSwitchedOffByEnvironment() {
        Binder binder = binderFor(Map.of("LEAD360_SSO_REQUIRE_VERIFIED_EMAIL", "false"));

        assertThat(binder.bind("lead360.sso", SsoProperties.class).get().requireVerifiedEmail())
                .isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> gatewayEnvironment() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> gateway =
                (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("gateway-service");
        Map<String, Object> environment = new LinkedHashMap<>();
        ((Map<String, Object>) gateway.get("environment"))
                .forEach((name, value) -> environment.put(name, withDefaults(String.valueOf(value))));
        return environment;
    }

    /** What compose does with ${VAR:-default} when VAR is unset. */
    private static String withDefaults(String value) {
        return value.replaceAll("\\$\\{[A-Z0-9_]+:-([^}]*)}", "$1");
    }

    private static Binder binderFor(Map<String, Object> environment) {
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        spring.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        ConfigurationPropertySources.attach(spring);
        return Binder.get(spring);
    }
}
