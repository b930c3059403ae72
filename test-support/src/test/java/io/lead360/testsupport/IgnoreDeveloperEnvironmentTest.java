package io.lead360.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class IgnoreDeveloperEnvironmentTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {}

    /** An environment as if the JVM had been started from a shell with these variables. */
    private static StandardEnvironment shellWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    @Test
    void aSpringApplicationOnTheTestClasspathDoesNotSeeTheDevelopersLead360OrSpringVariables() {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(shellWith(Map.of(
                "LEAD360_PRODUCTION", "true",
                "LEAD360_BOOTSTRAP_ADMIN_PASSWORD", "the-developers-own",
                "SPRING_PROFILES_ACTIVE", "developer",
                "SERVER_PORT", "8081",
                "PATH", "/usr/bin")));

        try (ConfigurableApplicationContext context = application.run()) {
            var environment = context.getEnvironment();
            // relaxed binding would read LEAD360_PRODUCTION as lead360.production, placeholders as itself
            assertThat(environment.getProperty("lead360.production")).isNull();
            assertThat(environment.getProperty("LEAD360_BOOTSTRAP_ADMIN_PASSWORD"))
                    .isNull();
            assertThat(environment.getActiveProfiles()).isEmpty();
            assertThat(environment.getProperty("server.port")).isNull();
            // what is not a setting of lead360 or Spring Boot stays
            assertThat(environment.getProperty("PATH")).isEqualTo("/usr/bin");
        }
    }

    @Test
    void onlyVariablesThatNameSettingsAreIgnored() {
        assertThat(IgnoreDeveloperEnvironment.ignored("LEAD360_HOME")).isTrue();
        assertThat(IgnoreDeveloperEnvironment.ignored("SPRING_APPLICATION_JSON"))
                .isTrue();
        assertThat(IgnoreDeveloperEnvironment.ignored("MANAGEMENT_SERVER_PORT")).isTrue();
        assertThat(IgnoreDeveloperEnvironment.ignored("DOCKER_HOST")).isFalse();
        assertThat(IgnoreDeveloperEnvironment.ignored("HOME")).isFalse();
    }
}
