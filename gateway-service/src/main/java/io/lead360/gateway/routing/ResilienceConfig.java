package io.lead360.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.lead360.gateway.GatewayProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Circuit-breaker and time-limiter defaults for every route's CircuitBreaker filter; the people
 * import (its own route, {@value #IMPORT}) may take longer.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfig {

    static final String IMPORT = "feedback-import";

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> defaultCircuitBreakerCustomizer(
            GatewayProperties properties) {
        GatewayProperties.Resilience resilience = properties.resilience();
        CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.failureRateThreshold())
                .slidingWindowSize(resilience.slidingWindowSize())
                .minimumNumberOfCalls(resilience.minimumNumberOfCalls())
                .waitDurationInOpenState(resilience.waitInOpenState())
                .build();
        return factory -> {
            factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(circuitBreaker)
                    // the resilience4j default (1 s) would cut off slow but healthy answers such as PDF reports
                    .timeLimiterConfig(TimeLimiterConfig.custom()
                            .timeoutDuration(resilience.timeLimit())
                            .build())
                    .build());
            factory.configure(
                    builder -> builder.circuitBreakerConfig(circuitBreaker)
                            .timeLimiterConfig(TimeLimiterConfig.custom()
                                    .timeoutDuration(resilience.importTimeLimit())
                                    .build()),
                    IMPORT);
        };
    }
}
