package io.lead360.feedback.production;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * In production mode the service refuses to start while a secret is missing or left at its demo
 * value. Checked before any bean is created, so nothing (not even the bootstrap administrator) is
 * written with a bad setting, and the message lists every problem at once.
 */
@Configuration(proxyBeanMethods = false)
class ProductionModeCheck {

    @Bean
    static BeanFactoryPostProcessor productionModeGuard() {
        return new Check();
    }

    static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            Binder binder = Binder.get(environment);
            if (!binder.bind("lead360.production", Boolean.class).orElse(false)) {
                return;
            }
            List<String> problems = ProductionMode.problems(
                    binder.bind("lead360.bootstrap-admin.password", String.class)
                            .orElse(null),
                    binder.bind("lead360.keys.data-key-file", java.nio.file.Path.class)
                            .orElse(java.nio.file.Path.of("./var/keys/feedback-data-key")));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("lead360 production mode (LEAD360_PRODUCTION=true): refusing to start: "
                        + String.join("; ", problems));
            }
        }
    }
}
