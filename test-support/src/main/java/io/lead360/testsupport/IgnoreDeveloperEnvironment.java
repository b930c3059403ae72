package io.lead360.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Test contexts do not see the developer's shell. Every service maps {@code LEAD360_*} variables into
 * its settings (application.yml placeholders, and Spring Boot's relaxed binding reads
 * {@code LEAD360_PRODUCTION} as {@code lead360.production} by itself), and Spring Boot reads
 * {@code SPRING_*}, {@code SERVER_*}, {@code MANAGEMENT_*} and {@code LOGGING_*} the same way: a developer
 * who runs lead360 from the same shell would otherwise change what the tests test (production mode, the
 * bootstrap administrator, a trusted proxy, Redis for the rate limits...). This drops those variables from
 * the environment of every Spring application started on a test classpath (test-support is a test
 * dependency only), before any setting is read. Tests give their settings explicitly; the build runs them
 * with such variables set (the root pom) to prove it.
 */
public class IgnoreDeveloperEnvironment implements EnvironmentPostProcessor, Ordered {

    /** Also what e2e's Platform keeps from the platform it starts. */
    public static final List<String> IGNORED_PREFIXES =
            List.of("LEAD360_", "SPRING_", "SERVER_", "MANAGEMENT_", "LOGGING_");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        PropertySource<?> system = sources.get(name);
        if (system instanceof MapPropertySource variables) {
            Map<String, Object> kept = new LinkedHashMap<>(variables.getSource());
            kept.keySet().removeIf(IgnoreDeveloperEnvironment::ignored);
            sources.replace(name, new SystemEnvironmentPropertySource(name, kept));
        }
    }

    public static boolean ignored(String variable) {
        return IGNORED_PREFIXES.stream().anyMatch(variable::startsWith);
    }

    /** Before Spring Boot wraps the system environment and long before any configuration is read. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
