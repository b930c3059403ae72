package io.lead360.gateway.sso;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;

class SsoProductionProblemsTest {

    private static OAuth2ClientProperties withSecret(String secret) {
        OAuth2ClientProperties properties = new OAuth2ClientProperties();
        OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
        registration.setClientId("lead360-gateway");
        registration.setClientSecret(secret);
        properties.getRegistration().put("keycloak", registration);
        return properties;
    }

    @Test
    void theDemoSecretAndAMissingSecretAreProblemsARealOneIsNot() {
        assertThat(SsoProviders.productionProblems(withSecret(SsoProviders.DEMO_CLIENT_SECRET)))
                .singleElement()
                .asString()
                .contains("keycloak")
                .contains("demo value");
        assertThat(SsoProviders.productionProblems(withSecret(" ")))
                .singleElement()
                .asString()
                .contains("not set");
        assertThat(SsoProviders.productionProblems(withSecret("s3cr3t-from-the-provider")))
                .isEmpty();
        assertThat(SsoProviders.productionProblems(new OAuth2ClientProperties()))
                .isEmpty();
    }
}
